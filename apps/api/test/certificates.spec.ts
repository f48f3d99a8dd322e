import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { extractText } from 'unpdf';
import { normalizeCode } from '../src/certificates/certificate-code.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const HOUR = 3600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('assessments, certificates and readiness', () => {
  let t: TestApp;
  let tree: TreeIds;
  let instructor: TestUser;
  let coordA: TestUser;
  let coordB: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '30', RATE_LIMIT_PER_MINUTE: '100000' });
    tree = await newTree(t.db, 'Z');
    instructor = await newUser(t, 'instructor', tree.stationA);
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
  });
  afterAll(() => t.close());

  /** A learner enrolled in a class of `course` whose `sessions` 2-hour sessions all lie in the past. */
  async function enrolled(course: string, sessions: number, options: { name?: string; learnerType?: 'volunteer_mother' | 'migrant_worker' } = {}) {
    const learner = await newUser(t, 'learner', tree.stationA, options);
    const classId = await newClass(t.db, tree.stationA, instructor.id, {
      courseCode: course,
      startsOn: '2020-01-01',
      endsOn: '2035-01-01',
      sessions: Array.from({ length: sessions }, (_, i) => ({ startsAt: iso(-(i + 1) * 24 * HOUR), endsAt: iso(-(i + 1) * 24 * HOUR + 2 * HOUR) })),
    });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classId,
      learner.id,
    ]);
    return { learner, classId, enrollmentId };
  }

  async function attendAll(classId: string, learnerId: string) {
    const sessions = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classId]);
    for (const s of sessions) {
      const res = await t
        .http()
        .put(`/api/sessions/${s.id}/attendance`)
        .set(bearer(coordA))
        .send({ marks: [{ learnerId, status: 'present' }] });
      expect(res.status).toBe(200);
    }
  }

  async function quizAnswers(course: string, right: boolean) {
    const rows = await t.db.query(
      `SELECT q.id, q.correct, jsonb_array_length(q.options) AS n, a.id AS assessment_id FROM questions q JOIN assessments a ON a.id = q.assessment_id JOIN courses c ON c.id = a.course_id WHERE c.code = $1 AND a.kind = 'quiz'`,
      [course],
    );
    const answers: Record<string, number[]> = {};
    for (const r of rows) answers[r.id] = right ? r.correct : [(r.correct[0] + 1) % r.n];
    return { assessmentId: rows[0].assessment_id as string, answers };
  }

  it('refuses to issue while requirements are unmet, listing each', async () => {
    const { enrollmentId } = await enrolled('LAW-MPL', 2);
    const res = await t.http().post(`/api/enrollments/${enrollmentId}/certificate`).set(bearer(coordA));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('REQUIREMENTS_NOT_MET');
    expect(res.body.missing.map((m: { requirement: string }) => m.requirement)).toEqual(['attendance', 'hours', 'assessment']);
  });

  it('a quiz hides its answers, grades on the server, limits attempts, and issues the certificate when the last requirement is met', async () => {
    const { learner, classId, enrollmentId } = await enrolled('LAW-MPL', 4, { name: '李秀英', learnerType: 'volunteer_mother' });
    await attendAll(classId, learner.id);
    const wrong = await quizAnswers('LAW-MPL', false);
    const view = await t.http().get(`/api/assessments/${wrong.assessmentId}`).set(bearer(learner));
    expect(view.status).toBe(200);
    expect(view.body.questions).toHaveLength(12);
    expect(JSON.stringify(view.body)).not.toMatch(/correct|explanation/);
    const failed = await t.http().post(`/api/assessments/${wrong.assessmentId}/attempts`).set(bearer(learner)).send({ answers: wrong.answers });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ score: 0, passed: false, attemptNo: 1, attemptsLeft: 2, certificateIssued: false });
    expect(failed.body.results[0].explanation.length).toBeGreaterThan(5);
    const right = await quizAnswers('LAW-MPL', true);
    const passed = await t.http().post(`/api/assessments/${right.assessmentId}/attempts`).set(bearer(learner)).send({ answers: right.answers });
    expect(passed.body).toMatchObject({ score: 100, passed: true, attemptNo: 2, certificateIssued: true });
    const mine = await t.http().get('/api/me/certificates').set(bearer(learner));
    expect(mine.body.items).toHaveLength(1);
    const cert = mine.body.items[0];
    expect(cert).toMatchObject({ status: 'valid', hours: 8, course: { code: 'LAW-MPL' }, enrollmentId });
    expect(normalizeCode(cert.code)).toBe(cert.code);
    // Issued 24 months ahead (validityMonths of the law course).
    const months = (new Date(cert.expiresAt).getTime() - new Date(cert.issuedAt).getTime()) / (30.4 * 24 * HOUR);
    expect(Math.round(months)).toBe(24);
    expect((await t.db.query(`SELECT status FROM enrollments WHERE id = $1`, [enrollmentId]))[0].status).toBe('completed');
    expect(await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'certificate.issue' AND entity_id = $1`, [cert.id])).toHaveLength(1);
    // A third attempt is allowed, a fourth is not.
    await t.http().post(`/api/assessments/${right.assessmentId}/attempts`).set(bearer(learner)).send({ answers: wrong.answers });
    const fourth = await t.http().post(`/api/assessments/${right.assessmentId}/attempts`).set(bearer(learner)).send({ answers: right.answers });
    expect(fourth.status).toBe(422);
  });

  it('attendance can be the last requirement: the final mark issues the certificate', async () => {
    const { learner, classId, enrollmentId } = await enrolled('LAW-MPL', 4);
    const right = await quizAnswers('LAW-MPL', true);
    const quiz = await t.http().post(`/api/assessments/${right.assessmentId}/attempts`).set(bearer(learner)).send({ answers: right.answers });
    expect(quiz.body).toMatchObject({ passed: true, certificateIssued: false });
    await attendAll(classId, learner.id);
    expect(await t.db.query(`SELECT 1 FROM certificates WHERE enrollment_id = $1`, [enrollmentId])).toHaveLength(1);
  });

  it('in a course without assessments, the mark that reaches the attendance minimum issues it, and not one before', async () => {
    await t.db.query(
      `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct, validity_months) VALUES ('TEST-ATTEND', 'care', '出勤课程', 'Attendance course', 6, 75, 12) ON CONFLICT DO NOTHING`,
    );
    const { learner, classId, enrollmentId } = await enrolled('TEST-ATTEND', 4);
    const sessions: { id: string }[] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1 ORDER BY starts_at`, [classId]);
    const mark = (sessionId: string, status: string) =>
      t
        .http()
        .put(`/api/sessions/${sessionId}/attendance`)
        .set(bearer(coordA))
        .send({ marks: [{ learnerId: learner.id, status }] });
    const certificates = () => t.db.query(`SELECT 1 FROM certificates WHERE enrollment_id = $1`, [enrollmentId]);
    expect((await mark(sessions[0]!.id, 'present')).status).toBe(200);
    expect((await mark(sessions[1]!.id, 'absent')).status).toBe(200);
    expect((await mark(sessions[2]!.id, 'present')).status).toBe(200);
    expect(await certificates()).toHaveLength(0); // all 4 sessions held, 2 attended: 50 %, 4 of 6 hours
    expect((await mark(sessions[3]!.id, 'late')).status).toBe(200);
    expect(await certificates()).toHaveLength(1); // 3 of 4 = 75 %, 3 × 2 h = 6 hours
  });

  it('a practical grade from the instructor completes a vocational course', async () => {
    const { learner, classId, enrollmentId } = await enrolled('VOC-HOUSE', 20);
    await attendAll(classId, learner.id);
    const quiz = await quizAnswers('VOC-HOUSE', true);
    await t.http().post(`/api/assessments/${quiz.assessmentId}/attempts`).set(bearer(learner)).send({ answers: quiz.answers });
    expect(await t.db.query(`SELECT 1 FROM certificates WHERE enrollment_id = $1`, [enrollmentId])).toHaveLength(0);
    const [{ id: practical }] = await t.db.query(
      `SELECT a.id FROM assessments a JOIN courses c ON c.id = a.course_id WHERE c.code = 'VOC-HOUSE' AND a.kind = 'practical'`,
    );
    const other = await newUser(t, 'instructor', tree.stationB);
    expect((await t.http().post(`/api/assessments/${practical}/results`).set(bearer(other)).send({ learnerId: learner.id, score: 90 })).status).toBe(404);
    const graded = await t
      .http()
      .post(`/api/assessments/${practical}/results`)
      .set(bearer(instructor))
      .send({ learnerId: learner.id, score: 85, note: '操作规范' });
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({ passed: true, certificateIssued: true });
    expect((await t.http().post(`/api/assessments/${practical}/results`).set(bearer(instructor)).send({ learnerId: learner.id, score: 101 })).status).toBe(400);
  });

  describe('with an issued certificate', () => {
    let code: string;
    let learner: TestUser;
    let enrollmentId: string;

    beforeAll(async () => {
      // A course without assessments or attendance rules: complete as soon as enrolled.
      await t.db.query(
        `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct, validity_months) VALUES ('TEST-OPEN', 'care', '测试课程', 'Test course', 0, 0, 12) ON CONFLICT DO NOTHING`,
      );
      const e = await enrolled('TEST-OPEN', 0, { name: '王秀兰' });
      learner = e.learner;
      enrollmentId = e.enrollmentId;
    });

    it('20 concurrent issue calls give one 201 and the same certificate to every other call', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => t.http().post(`/api/enrollments/${enrollmentId}/certificate`).set(bearer(coordA))));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 200)).toHaveLength(19);
      expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
      code = results[0].body.code;
      expect((await t.db.query(`SELECT count(*)::int AS n FROM certificates WHERE enrollment_id = $1`, [enrollmentId]))[0].n).toBe(1);
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{11}$/);
    });

    it('anyone verifies it without signing in and sees only the masked name', async () => {
      const res = await t.http().get(`/api/certificates/verify/${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8).toLowerCase()}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ code, status: 'valid', holderName: '王**', course: { code: 'TEST-OPEN' }, issuer: 'Z 驿站A' });
      expect(JSON.stringify(res.body)).not.toMatch(/王秀兰|learnerId|phone|1[3-9]\d{9}/);
      const typo = code.slice(0, 3) + (code[3] === '2' ? '3' : '2') + code.slice(4);
      expect((await t.http().get(`/api/certificates/verify/${typo}`)).status).toBe(404);
    });

    it('checks up to 100 codes in one call', async () => {
      const codes = [code, 'NOPE', ...Array.from({ length: 98 }, () => 'ABCDEFGHJKM')];
      const res = await t.http().post('/api/certificates/verify').send({ codes });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(100);
      expect(res.body.items[0]).toMatchObject({ found: true, status: 'valid' });
      expect(res.body.items[1]).toMatchObject({ found: false, status: 'unknown' });
      expect(
        (
          await t
            .http()
            .post('/api/certificates/verify')
            .send({ codes: [...codes, code] })
        ).status,
      ).toBe(400);
    });

    it('renders an A4 PDF whose text holds the Chinese name, for the holder and staff only', async () => {
      const res = await t
        .http()
        .get(`/api/certificates/${code}/pdf`)
        .set(bearer(learner))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text } = await extractText(new Uint8Array(res.body as Buffer), { mergePages: true });
      expect(text).toContain('王秀兰');
      expect(text).toContain('结业证书');
      expect((res.body as Buffer).length).toBeLessThan(400_000);
      expect((await t.http().get(`/api/certificates/${code}/pdf`).set(bearer(coordB))).status).toBe(404);
      const stranger = await newUser(t, 'learner', tree.stationA);
      expect((await t.http().get(`/api/certificates/${code}/pdf`).set(bearer(stranger))).status).toBe(404);
      // A staff download is audited under the certificate's org, so the club's admins see who took a copy.
      const staff = await newUser(t, 'coordinator', tree.clubA);
      expect(
        (
          await t
            .http()
            .get(`/api/certificates/${code}/pdf`)
            .set(bearer(staff))
            .buffer(true)
            .parse((r, cb) => {
              r.on('data', () => undefined);
              r.on('end', () => cb(null, null));
            })
        ).status,
      ).toBe(200);
      const audit = await t
        .http()
        .get('/api/audit')
        .query({ action: 'certificate.download' })
        .set(bearer(await newUser(t, 'admin', tree.clubA)));
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'certificate.download', actorId: staff.id })]);
    });

    it('is an Open Badges credential signed with Ed25519 that verifies against the published key, and fails once altered', async () => {
      const res = await t.http().get(`/api/certificates/${code}/credential`).set(bearer(learner));
      expect(res.status).toBe(200);
      const jwks = (await t.http().get('/.well-known/jwks.json')).body;
      expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      const keySet = createLocalJWKSet(jwks);
      const { payload } = await jwtVerify(res.body.credential, keySet);
      expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(payload).toMatchObject({ validFrom: expect.any(String), validUntil: expect.any(String), credentialStatus: expect.any(Object) });
      expect((payload.credentialSubject as { achievement: { criteria: { narrative: string } } }).achievement.criteria.narrative).toBeTruthy();
      const [h, p, s] = res.body.credential.split('.');
      const bytes = Buffer.from(p, 'base64url');
      bytes[10] ^= 1;
      await expect(jwtVerify(`${h}.${bytes.toString('base64url')}.${s}`, keySet)).rejects.toThrow();
    });

    it('revocation is scoped, audit-logged and shown by verification with its reason', async () => {
      expect((await t.http().post(`/api/certificates/${code}/revoke`).set(bearer(coordB)).send({ reason: 'issued_in_error' })).status).toBe(404);
      expect((await t.http().post(`/api/certificates/${code}/revoke`).set(bearer(learner)).send({ reason: 'issued_in_error' })).status).toBe(403);
      expect((await t.http().post(`/api/certificates/${code}/revoke`).set(bearer(coordA)).send({ reason: 'because' })).status).toBe(400);
      const res = await t.http().post(`/api/certificates/${code}/revoke`).set(bearer(coordA)).send({ reason: 'issued_in_error', note: '录入错误' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('revoked');
      const verify = await t.http().get(`/api/certificates/verify/${code}`);
      expect(verify.body).toMatchObject({ status: 'revoked', revocationReason: 'issued_in_error' });
      expect(await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'certificate.revoke'`)).toEqual([{ actor_id: coordA.id }]);
      expect((await t.http().post(`/api/certificates/${code}/revoke`).set(bearer(coordA)).send({ reason: 'other' })).status).toBe(409);
    });

    it('an old certificate points to its renewal while the renewal is in force, and never to another holder', async () => {
      const first = await enrolled('TEST-OPEN', 0);
      const old = await t.http().post(`/api/enrollments/${first.enrollmentId}/certificate`).set(bearer(coordA));
      await t.db.query(`UPDATE certificates SET issued_at = now() - interval '13 months', expires_at = now() - interval '1 month' WHERE code = $1`, [
        old.body.code,
      ]);
      const someoneElse = await enrolled('TEST-OPEN', 0);
      expect((await t.http().post(`/api/enrollments/${someoneElse.enrollmentId}/certificate`).set(bearer(coordA))).status).toBe(201);
      expect((await t.http().get(`/api/certificates/verify/${old.body.code}`)).body).toMatchObject({ status: 'expired', renewedBy: null });

      const classId = await newClass(t.db, tree.stationA, instructor.id, {
        courseCode: 'TEST-OPEN',
        startsOn: '2020-01-01',
        endsOn: '2035-01-01',
        sessions: [],
      });
      const [{ id: again }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
        classId,
        first.learner.id,
      ]);
      const renewed = await t.http().post(`/api/enrollments/${again}/certificate`).set(bearer(coordA));
      expect(renewed.status).toBe(201);
      const oldView = await t.http().get(`/api/certificates/verify/${old.body.code}`);
      expect(oldView.body).toMatchObject({ status: 'expired', renewedBy: { code: renewed.body.code, expiresAt: renewed.body.expiresAt } });
      expect(oldView.body.renewedBy.displayCode.replace(/-/g, '')).toBe(renewed.body.code);
      expect((await t.http().get(`/api/certificates/verify/${renewed.body.code}`)).body.renewedBy).toBeNull();
      const many = await t
        .http()
        .post('/api/certificates/verify')
        .send({ codes: [old.body.code, renewed.body.code] });
      expect(many.body.items.map((i: { renewedBy: { code: string } | null }) => i.renewedBy?.code ?? null)).toEqual([renewed.body.code, null]);

      // A renewal that is revoked no longer vouches for the holder.
      expect((await t.http().post(`/api/certificates/${renewed.body.code}/revoke`).set(bearer(coordA)).send({ reason: 'issued_in_error' })).status).toBe(200);
      expect((await t.http().get(`/api/certificates/verify/${old.body.code}`)).body.renewedBy).toBeNull();
    });

    it('an expired certificate verifies as expired', async () => {
      const e = await enrolled('TEST-OPEN', 0);
      const issued = await t.http().post(`/api/enrollments/${e.enrollmentId}/certificate`).set(bearer(coordA));
      await t.db.query(`UPDATE certificates SET expires_at = now() - interval '1 day' WHERE code = $1`, [issued.body.code]);
      expect((await t.http().get(`/api/certificates/verify/${issued.body.code}`)).body.status).toBe('expired');
    });
  });

  describe('readiness to pair', () => {
    async function certify(learnerId: string, course: string, expiresInDays: number | null) {
      await t.db.query(
        `INSERT INTO certificates (code, learner_id, course_id, org_id, expires_at)
         SELECT 'R' || substr(md5(random()::text), 1, 10), $1, id, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END FROM courses WHERE code = $2`,
        [learnerId, course, tree.stationA, expiresInDays],
      );
    }

    it('is ready only with a valid certificate for every required course; expiring and expired are reported', async () => {
      const mother = await newUser(t, 'learner', tree.stationA, { learnerType: 'volunteer_mother' });
      const before = await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(mother));
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({ ready: false, level: 'not_ready' });
      expect(before.body.missing.map((c: { code: string }) => c.code).sort()).toEqual(['CARE-PSY', 'CARE-SAFE', 'LAW-MPL', 'LAW-PJD']);
      await certify(mother.id, 'LAW-MPL', 400);
      await certify(mother.id, 'LAW-PJD', 400);
      await certify(mother.id, 'CARE-PSY', 400);
      await certify(mother.id, 'CARE-SAFE', 10);
      const ready = await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(coordA));
      expect(ready.body).toMatchObject({ ready: true, level: 'ready', missing: [] });
      expect(ready.body.expiring).toHaveLength(1);
      await t.db.query(
        `UPDATE certificates SET expires_at = now() - interval '1 day' WHERE learner_id = $1 AND course_id = (SELECT id FROM courses WHERE code = 'CARE-SAFE')`,
        [mother.id],
      );
      const amber = await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(coordA));
      expect(amber.body).toMatchObject({ ready: false, level: 'renewal_needed' });
      expect((await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(coordB))).status).toBe(404);
      const others = await newUser(t, 'learner', tree.stationA);
      expect((await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(others))).status).toBe(404);

      const readyMother = await newUser(t, 'learner', tree.stationA, { learnerType: 'volunteer_mother', name: '已就绪妈妈' });
      for (const c of ['LAW-MPL', 'LAW-PJD', 'CARE-PSY', 'CARE-SAFE']) await certify(readyMother.id, c, 365);
      const list = await t.http().get('/api/volunteers').query({ ready: true }).set(bearer(coordA));
      expect(list.status).toBe(200);
      expect(list.body.items.map((v: { name: string }) => v.name)).toEqual(['已就绪妈妈']);
      const notReady = await t.http().get('/api/volunteers').query({ ready: false }).set(bearer(coordA));
      expect(notReady.body.items.map((v: { id: string }) => v.id)).toContain(mother.id);
    });

    it('points a caring mother to a class near her that is yet to start before one already under way', async () => {
      const near = await newTree(t.db, 'N');
      const day = (d: number) => new Date(Date.now() + 8 * HOUR + d * 24 * HOUR).toISOString().slice(0, 10);
      const running = await newClass(t.db, near.stationA, null, { courseCode: 'CARE-SAFE', startsOn: day(-3), endsOn: day(30), status: 'running' });
      const upcoming = await newClass(t.db, near.stationA, null, { courseCode: 'CARE-SAFE', startsOn: day(10), endsOn: day(40) });
      const mother = await newUser(t, 'learner', near.stationA, { learnerType: 'volunteer_mother' });
      const res = await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(mother));
      expect(res.status).toBe(200);
      const item = res.body.items.find((i: { course: { code: string } }) => i.course.code === 'CARE-SAFE');
      expect(item.nextClass).toMatchObject({ id: upcoming, startsOn: day(10) });
      // With none yet to start, the class under way (still open to join) is the one to point to.
      await t.db.query(`UPDATE classes SET status = 'cancelled' WHERE id = $1`, [upcoming]);
      const again = await t.http().get(`/api/learners/${mother.id}/readiness`).set(bearer(mother));
      expect(again.body.items.find((i: { course: { code: string } }) => i.course.code === 'CARE-SAFE').nextClass).toMatchObject({ id: running });
    });
  });
});

describe('external qualifications', () => {
  let t: TestApp;
  let tree: TreeIds;
  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'X');
  });
  afterAll(() => t.close());

  it('a learner records a government qualification, a coordinator checks it; others cannot see it', async () => {
    const learner = await newUser(t, 'learner', tree.stationA);
    const coord = await newUser(t, 'coordinator', tree.clubA);
    const outsider = await newUser(t, 'coordinator', tree.clubB);
    const body = {
      certificateNumber: '2035000123456',
      occupation: '养老护理员',
      level: '五级/初级工',
      issuingBody: '福建省职业技能鉴定指导中心',
      issuedOn: '2024-05-20',
    };
    const created = await t.http().post(`/api/learners/${learner.id}/external-credentials`).set(bearer(learner)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, checkedAt: null, lookupUrl: expect.stringContaining('osta') });
    expect((await t.http().post(`/api/learners/${learner.id}/external-credentials`).set(bearer(learner)).send(body)).status).toBe(409);
    expect(
      (
        await t
          .http()
          .post(`/api/learners/${learner.id}/external-credentials`)
          .set(bearer(learner))
          .send({ ...body, issuedOn: 'yesterday' })
      ).status,
    ).toBe(400);
    for (const issuedOn of ['2024', '2024-W21', '2024-05-20T00:00:00Z', '2024-02-30']) {
      const bad = await t
        .http()
        .post(`/api/learners/${learner.id}/external-credentials`)
        .set(bearer(learner))
        .send({ ...body, issuedOn });
      expect({ issuedOn, status: bad.status, message: bad.body.message }).toEqual({
        issuedOn,
        status: 400,
        message: expect.stringMatching(/issuedOn must be a date written YYYY-MM-DD/),
      });
    }
    expect((await t.http().post(`/api/learners/${learner.id}/external-credentials/${created.body.id}/check`).set(bearer(outsider))).status).toBe(404);
    const checked = await t.http().post(`/api/learners/${learner.id}/external-credentials/${created.body.id}/check`).set(bearer(coord));
    expect(checked.status).toBe(200);
    expect(checked.body.checkedBy).toBe(coord.id);
    expect((await t.http().get(`/api/learners/${learner.id}/external-credentials`).set(bearer(outsider))).status).toBe(404);
  });
});
