import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import { routeInventory, type RouteInfo } from '../src/common/route-inventory.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newClass, newEmployer, newPhone, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/**
 * Hardening: bad tokens on every protected route, fuzzed input on every route, cross-club access to
 * every record, and the concurrency invariants, each repeated. Figures are printed as FIGURE lines
 * and copied into SECURITY.md.
 */
const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const figure = (name: string, value: Record<string, number>) => console.log(`FIGURE ${JSON.stringify({ name, ...value })}`);

const fill = (path: string, value: string) => path.replace(/:[A-Za-z]+/g, value);

describe('hardening', () => {
  let t: TestApp;
  let tree: TreeIds;
  let routes: RouteInfo[];
  const users: Partial<Record<'admin' | 'coordinator' | 'instructor' | 'learner' | 'employer', TestUser>> = {};

  beforeAll(async () => {
    // 200 requests racing for 30 seats queue for 40 connections; on a loaded CI machine that wait can pass 5 s.
    process.env.DB_CONNECT_TIMEOUT_MS = '60000';
    t = await createTestApp({ DB_POOL_SIZE: '40', RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_FAILURES_PER_ADDRESS: '100000', LOGIN_FAILURES_PER_PHONE: '1000' });
    tree = await newTree(t.db, 'H');
    routes = routeInventory(t.app);
    const employerId = await newEmployer(t.db, tree.clubA);
    users.admin = await newUser(t, 'admin', tree.county);
    users.coordinator = await newUser(t, 'coordinator', tree.clubA);
    users.instructor = await newUser(t, 'instructor', tree.stationA);
    users.learner = await newUser(t, 'learner', tree.clubA);
    users.employer = await newUser(t, 'employer', tree.clubA, { employerId });
  });
  afterAll(() => t.close());

  it('refuses every kind of bad token on every protected route with 401', async () => {
    const learner = users.learner!;
    const claims = { sub: learner.id, typ: 'access' };
    const bad: Record<string, string> = {
      none: jwt.sign(claims, '', { algorithm: 'none', issuer: 'hearth', audience: 'hearth-api' }),
      foreignKey: jwt.sign(claims, 'someone-elses-secret-someone-elses-secret', { issuer: 'hearth', audience: 'hearth-api' }),
      editedRole: (() => {
        const [h, , s] = learner.token.split('.');
        const payload = Buffer.from(JSON.stringify({ ...(jwt.decode(learner.token) as object), role: 'admin', orgId: tree.national })).toString('base64url');
        return `${h}.${payload}.${s}`;
      })(),
      expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 }, SECRET, { issuer: 'hearth', audience: 'hearth-api' }),
      wrongAudience: jwt.sign(claims, SECRET, { issuer: 'hearth', audience: 'elsewhere' }),
      wrongIssuer: jwt.sign(claims, SECRET, { issuer: 'not-hearth', audience: 'hearth-api' }),
      // The real secret, issuer and audience, but no expiry, or no token version.
      noExpiry: jwt.sign({ ...claims, ver: 0 }, SECRET, { issuer: 'hearth', audience: 'hearth-api' }),
      noVersion: jwt.sign(claims, SECRET, { issuer: 'hearth', audience: 'hearth-api', expiresIn: 600 }),
      garbage: 'x.y.z',
    };
    const protectedRoutes = routes.filter((r) => r.rule?.kind === 'authenticated');
    let cells = 0;
    const failures: string[] = [];
    for (const route of protectedRoutes) {
      for (const [kind, token] of Object.entries(bad)) {
        const res = await t
          .http()
          [route.method.toLowerCase() as 'get'](fill(route.path, '00000000-0000-4000-8000-000000000000'))
          .set('Authorization', `Bearer ${token}`)
          .send({});
        cells += 1;
        if (res.status !== 401) failures.push(`${route.method} ${route.path} with ${kind}: ${res.status}`);
      }
    }
    figure('bad tokens', { routes: protectedRoutes.length, cells, failures: failures.length });
    expect(failures).toEqual([]);
  });

  it('survives fuzzed ids, queries and bodies on every route without a 5xx', async () => {
    const tokens = [null, ...Object.values(users).map((u) => u!.token)];
    const nasty = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '李秀英',
        '🧕🏻👩‍👧',
        'a\u200bb\u200d',
        "' OR 1=1 --",
        '<script>alert(1)</script>',
        '../../etc/passwd',
        '%00',
        '9'.repeat(400),
        '-1',
        '1e309',
        'NaN',
        'null',
      ),
      fc.uuid(),
    );
    const value = fc.oneof(
      nasty,
      fc.integer(),
      fc.double(),
      fc.bigInt().map((b) => Number(b)),
      fc.boolean(),
      fc.constant(null),
      fc.array(nasty, { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 3 }),
    );
    const fieldNames = [
      'phone',
      'password',
      'name',
      'learnerType',
      'orgId',
      'role',
      'status',
      'capacity',
      'sessions',
      'marks',
      'code',
      'codes',
      'answers',
      'score',
      'learnerId',
      'jobId',
      'csv',
      'reason',
      'startsOn',
      'endsOn',
      'limit',
      'offset',
      'refreshToken',
      'scope',
      'employerId',
      'courseId',
      'title',
      'positions',
      'stillEmployed',
    ];
    const body = fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 6 });
    const query = fc.dictionary(
      fc.constantFrom('limit', 'offset', 'q', 'role', 'orgId', 'category', 'open', 'status', 'from', 'to', 'ready', 'lang', 'x'),
      nasty,
      { maxKeys: 3 },
    );
    let cases = 0;
    const serverErrors: string[] = [];
    const checkedBefore = t.conformance.checked;
    const violationsBefore = t.conformance.violations.length;
    // DELETE /api/me takes no input and would erase the fuzzing callers themselves.
    for (const route of routes.filter((r) => !(r.method === 'DELETE' && r.path === '/api/me'))) {
      await fc.assert(
        fc.asyncProperty(nasty, query, body, fc.integer({ min: 0, max: tokens.length - 1 }), async (id, q, b, who) => {
          const path = fill(route.path, encodeURIComponent(id).slice(0, 300) || 'x');
          let req = t.http()[route.method.toLowerCase() as 'get'](path).query(q);
          if (tokens[who]) req = req.set('Authorization', `Bearer ${tokens[who]}`);
          const res = await req.send(b);
          cases += 1;
          if (res.status >= 500) serverErrors.push(`${route.method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          return true;
        }),
        { numRuns: 25, seed: 20261124 },
      );
    }
    // Every response above went through the OpenAPI check (harness.ts): documented status, content type and closed schema.
    const schemaViolations = t.conformance.violations.length - violationsBefore;
    figure('fuzzing', {
      routes: routes.length,
      cases,
      serverErrors: serverErrors.length,
      responsesChecked: t.conformance.checked - checkedBefore,
      schemaViolations,
    });
    expect(serverErrors).toEqual([]);
    expect(t.conformance.violations.slice(violationsBefore)).toEqual([]);
  }, 300_000);

  it('refuses huge page sizes, deep JSON and oversized bodies quickly', async () => {
    const admin = users.admin!;
    expect((await t.http().get('/api/users').query({ limit: 1_000_000 }).set(bearer(admin))).status).toBe(400);
    let deep = '1';
    for (let i = 0; i < 50_000; i++) deep = `[${deep}]`;
    const started = Date.now();
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send(`{"phone":"13900000000","password":${deep}}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(Date.now() - started).toBeLessThan(2000);
    const big = await t
      .http()
      .post('/api/imports/learners')
      .set(bearer(users.coordinator!))
      .set('content-type', 'application/json')
      .send(JSON.stringify({ csv: 'x'.repeat(3_000_000) }));
    expect(big.status).toBe(413);
  });

  it('keeps the invariants under concurrency, run after run', async () => {
    const runs = 3;
    let violations = 0;
    const failures: string[] = [];
    const violation = (what: string, detail: unknown) => {
      violations += 1;
      failures.push(`${what}: ${JSON.stringify(detail).slice(0, 600)}`);
    };
    const instructor = users.instructor!;
    const pool = await Promise.all(Array.from({ length: 200 }, () => newUser(t, 'learner', tree.clubA)));
    for (let run = 0; run < runs; run++) {
      // 200 learners race for 30 seats.
      const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 30 });
      const results = await Promise.all(pool.map((l) => t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(l)).send({})));
      const enrolled = results.filter((r) => r.body.status === 'enrolled').length;
      const positions = results
        .filter((r) => r.body.status === 'waitlisted')
        .map((r) => r.body.waitlistPosition)
        .sort((a, b) => a - b);
      if (enrolled !== 30 || positions.join() !== Array.from({ length: 170 }, (_, i) => i + 1).join() || results.some((r) => r.status !== 201)) {
        violation('seats', { enrolled, positions, other: results.filter((r) => r.status !== 201).map((r) => [r.status, r.body]) });
      }

      // Two people mark the same session at once: the result is one of the two batches, and history agrees with it.
      const [{ id: sessionId }] = await t.db.query(
        `INSERT INTO class_sessions (class_id, starts_at, ends_at) VALUES ($1, now() - interval '1 hour', now() + interval '1 hour') RETURNING id`,
        [classId],
      );
      const learners = results.filter((r) => r.body.status === 'enrolled').map((r) => r.body.learnerId as string);
      const batch = (status: string) => ({ marks: learners.map((learnerId) => ({ learnerId, status })) });
      await Promise.all([
        t.http().put(`/api/sessions/${sessionId}/attendance`).set(bearer(instructor)).send(batch('present')),
        t.http().put(`/api/sessions/${sessionId}/attendance`).set(bearer(users.coordinator!)).send(batch('absent')),
      ]);
      const states = await t.db.query(`SELECT DISTINCT status FROM attendance_marks WHERE session_id = $1`, [sessionId]);
      const last = await t.db.query(
        `SELECT DISTINCT ON (learner_id) new_status FROM attendance_history WHERE session_id = $1 ORDER BY learner_id, changed_at DESC, id DESC`,
        [sessionId],
      );
      if (states.length !== 1 || last.some((h: { new_status: string }) => h.new_status !== states[0].status))
        violation('marks', { states, last: last.map((h: { new_status: string }) => h.new_status) });

      // The same certificate 20 times at once.
      await t.db.query(
        `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct) VALUES ('HARD-OPEN', 'care', '加固', 'Hardening', 0, 0) ON CONFLICT DO NOTHING`,
      );
      const openClass = await newClass(t.db, tree.stationA, instructor.id, { courseCode: 'HARD-OPEN' });
      const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
        openClass,
        pool[run].id,
      ]);
      const issued = await Promise.all(
        Array.from({ length: 20 }, () => t.http().post(`/api/enrollments/${enrollmentId}/certificate`).set(bearer(users.coordinator!))),
      );
      if (issued.filter((r) => r.status === 201).length !== 1 || new Set(issued.map((r) => r.body.code)).size !== 1)
        violation(
          'certificate',
          issued.map((r) => [r.status, r.body.code ?? r.body]),
        );

      // Racing referral moves: only one wins.
      const employerId = (await t.db.query(`SELECT employer_id FROM users WHERE id = $1`, [users.employer!.id]))[0].employer_id;
      const [{ id: jobId }] = await t.db.query(
        `INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '岗位', '福州', 1, $2) RETURNING id`,
        [employerId, users.coordinator!.id],
      );
      const [{ id: referralId }] = await t.db.query(
        `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, status) VALUES ($1, $2, $3, $4, $5, 'interviewing') RETURNING id`,
        [pool[run].id, jobId, employerId, tree.clubA, users.coordinator!.id],
      );
      const moves = await Promise.all([
        t.http().patch(`/api/referrals/${referralId}`).set(bearer(users.employer!)).send({ status: 'hired' }),
        t.http().patch(`/api/referrals/${referralId}`).set(bearer(users.coordinator!)).send({ status: 'not_hired' }),
        t.http().patch(`/api/referrals/${referralId}`).set(bearer(users.coordinator!)).send({ status: 'withdrawn' }),
      ]);
      const events = await t.db.query(`SELECT count(*)::int AS n FROM referral_events WHERE referral_id = $1`, [referralId]);
      if (moves.filter((m) => m.status === 200).length !== 1 || events[0].n !== 1)
        violation('referral', { moves: moves.map((m) => [m.status, m.body]), events: events[0].n });
    }
    figure('concurrency', { runs, checksPerRun: 4, violations });
    expect(failures).toEqual([]);
  }, 120_000);

  it('object-level: club B staff and learners get 403/404 with nothing of club A in the body, and nothing changes', async () => {
    const a = users;
    const coordB = await newUser(t, 'coordinator', tree.clubB);
    const instructorB = await newUser(t, 'instructor', tree.stationB);
    const learnerB = await newUser(t, 'learner', tree.clubB);
    const employerB = await newUser(t, 'employer', tree.clubB, { employerId: await newEmployer(t.db, tree.clubB, '乙公司') });
    // Club A's records.
    const secretName = '甲俱乐部机密学员';
    const learnerA = await newUser(t, 'learner', tree.stationA, { name: secretName, learnerType: 'volunteer_mother' });
    const classA = await newClass(t.db, tree.stationA, a.instructor!.id, {
      sessions: [{ startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() }],
    });
    const [{ id: sessionA }] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classA]);
    const [{ id: enrollmentA }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classA,
      learnerA.id,
    ]);
    const codeA =
      (await t
        .http()
        .post('/api/certificates/verify')
        .send({ codes: ['x'] })) && 'ZZZZZZZZZZZ';
    const employerA = (await t.db.query(`SELECT employer_id FROM users WHERE id = $1`, [a.employer!.id]))[0].employer_id;
    const [{ id: jobA }] = await t.db.query(
      `INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '甲岗位', '福州', 1, $2) RETURNING id`,
      [employerA, a.coordinator!.id],
    );
    const [{ id: referralA }] = await t.db.query(
      `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [learnerA.id, jobA, employerA, tree.clubA, a.coordinator!.id],
    );
    const [{ id: followUpA }] = await t.db.query(`INSERT INTO placement_followups (referral_id, day_mark, due_on) VALUES ($1, 30, current_date) RETURNING id`, [
      referralA,
    ]);
    const [{ id: credentialA }] = await t.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by) VALUES ($1, 'GOV-A-1', '电工', '人社局', '2024-01-01', $1) RETURNING id`,
      [learnerA.id],
    );
    const [{ id: practicalA }] = await t.db.query(`SELECT a.id FROM assessments a WHERE a.course_id = $1 AND a.kind = 'practical'`, [
      await courseId(t.db, 'VOC-HOUSE'),
    ]);
    const attempts: [string, string, object?][] = [
      ['GET', `/api/classes/${classA}`],
      ['PATCH', `/api/classes/${classA}`, { capacity: 99 }],
      ['GET', `/api/classes/${classA}/enrollments`],
      ['POST', `/api/classes/${classA}/enrollments`, { learnerId: learnerA.id }],
      ['DELETE', `/api/enrollments/${enrollmentA}`],
      ['GET', `/api/enrollments/${enrollmentA}/attendance`],
      ['GET', `/api/enrollments/${enrollmentA}/requirements`],
      ['POST', `/api/enrollments/${enrollmentA}/certificate`],
      ['PUT', `/api/sessions/${sessionA}/attendance`, { marks: [{ learnerId: learnerA.id, status: 'absent' }] }],
      ['GET', `/api/sessions/${sessionA}/attendance`],
      ['GET', `/api/sessions/${sessionA}/attendance/history`],
      ['POST', `/api/sessions/${sessionA}/check-in-code`],
      ['GET', `/api/learners/${learnerA.id}/readiness`],
      ['GET', `/api/learners/${learnerA.id}/external-credentials`],
      [
        'POST',
        `/api/learners/${learnerA.id}/external-credentials`,
        { certificateNumber: 'GOV-B-9', occupation: '电工', issuingBody: 'x', issuedOn: '2024-01-01' },
      ],
      ['POST', `/api/learners/${learnerA.id}/external-credentials/${credentialA}/check`],
      ['POST', `/api/assessments/${practicalA}/results`, { learnerId: learnerA.id, score: 100 }],
      ['GET', `/api/jobs/${jobA}`],
      ['PATCH', `/api/jobs/${jobA}`, { status: 'closed' }],
      ['GET', `/api/jobs/${jobA}/candidates`],
      ['POST', '/api/referrals', { learnerId: learnerA.id, jobId: jobA }],
      ['GET', `/api/referrals/${referralA}`],
      ['PATCH', `/api/referrals/${referralA}`, { status: 'contacted' }],
      ['POST', `/api/followups/${followUpA}`, { stillEmployed: false }],
      ['GET', `/api/reports/summary?orgId=${tree.clubA}`],
      ['GET', `/api/users?orgId=${tree.clubA}`],
      ['POST', '/api/users', { phone: newPhone(), name: 'x', role: 'learner', learnerType: 'migrant_worker', orgId: tree.clubA }],
      ['POST', '/api/orgs', { name: 'x', kind: 'station', parentId: tree.clubA }],
      ['POST', '/api/imports/learners', { csv: 'name,phone\n', orgId: tree.clubA }],
      ['GET', `/api/certificates/${codeA}/pdf`],
    ];
    const snapshot = () =>
      t.db.query(
        `SELECT (SELECT md5(string_agg(e::text, ',' ORDER BY e.id)) FROM enrollments e) AS e, (SELECT md5(string_agg(m::text, ',' ORDER BY m.learner_id)) FROM attendance_marks m) AS m,
              (SELECT md5(string_agg(k::text, ',' ORDER BY k.id)) FROM classes k) AS k, (SELECT md5(string_agg(f::text, ',' ORDER BY f.id)) FROM referrals f) AS f,
              (SELECT md5(string_agg(j::text, ',' ORDER BY j.id)) FROM job_openings j) AS j, (SELECT md5(string_agg(p::text, ',' ORDER BY p.id)) FROM placement_followups p) AS p,
              (SELECT md5(string_agg(x::text, ',' ORDER BY x.id)) FROM external_credentials x) AS x, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM certificates) AS z`,
      );
    const before = await snapshot();
    let cells = 0;
    const leaks: string[] = [];
    for (const who of [coordB, instructorB, learnerB, employerB]) {
      for (const [method, path, body] of attempts) {
        const res = await t
          .http()
          [method.toLowerCase() as 'get'](path)
          .set(bearer(who))
          .send(body ?? {});
        cells += 1;
        const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
        // Open classes and openings are catalogue information every learner may browse (self-enrollment
        // is not limited to her own club); they must still carry nothing personal.
        const catalogue =
          method === 'GET' &&
          (path.startsWith('/api/classes/') && !path.endsWith('/enrollments')
            ? ['learner', 'employer'].includes(who.role)
            : path === `/api/jobs/${jobA}` && who.role === 'learner');
        const refused = [403, 404].includes(res.status) || (catalogue && res.status === 200);
        if (!refused || text.includes(secretName) || text.includes(learnerA.phone)) leaks.push(`${who.role} ${method} ${path} → ${res.status}`);
      }
    }
    expect(await snapshot()).toEqual(before);
    figure('object-level', { attempts: attempts.length, callers: 4, cells, leaks: leaks.length });
    expect(leaks).toEqual([]);
  });
});
