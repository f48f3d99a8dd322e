import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { newCertificateCode } from '../src/certificates/certificate-code.js';
import { PrivacyService } from '../src/privacy/privacy.service.js';
import { StatsRefreshService } from '../src/reports/stats-refresh.service.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newEmployer, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

describe('federation dashboards', () => {
  let t: TestApp;
  let tree: TreeIds;
  let countyAdmin: TestUser;
  let coordA: TestUser;
  const refresh = () => t.app.get(StatsRefreshService).refreshAll();

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'D');
    countyAdmin = await newUser(t, 'admin', tree.county);
    coordA = await newUser(t, 'coordinator', tree.clubA);
    const instructorA = await newUser(t, 'instructor', tree.stationA);
    const instructorB = await newUser(t, 'instructor', tree.stationB);
    // Club A: 3 learners (2 volunteer mothers, one of them ready), club B: 2 learners (1 volunteer mother).
    const ready = await newUser(t, 'learner', tree.stationA, { learnerType: 'volunteer_mother' });
    await newUser(t, 'learner', tree.stationA, { learnerType: 'volunteer_mother' });
    const a3 = await newUser(t, 'learner', tree.clubA, { learnerType: 'migrant_worker' });
    const b1 = await newUser(t, 'learner', tree.stationB, { learnerType: 'volunteer_mother' });
    const b2 = await newUser(t, 'learner', tree.stationB, { learnerType: 'migrant_worker' });
    for (const code of ['LAW-MPL', 'LAW-PJD', 'CARE-PSY', 'CARE-SAFE']) {
      await t.db.query(
        `INSERT INTO certificates (code, learner_id, course_id, org_id, issued_at, expires_at) SELECT $1, $2, id, $3, '2026-03-10', now() + interval '1 year' FROM courses WHERE code = $4`,
        [`D${code}`, ready.id, tree.stationA, code],
      );
    }
    await t.db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, issued_at, status, revocation_reason) SELECT 'DREVOKED', $1, id, $2, '2026-03-10', 'revoked', 'fraud' FROM courses WHERE code = 'VOC-HOUSE'`,
      [a3.id, tree.stationA],
    );
    // Enrollments: two live and one withdrawn in club A (March), two in club B (April).
    const classA = await newClass(t.db, tree.stationA, instructorA.id, { sessions: [{ startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T03:00:00Z' }] });
    const classB = await newClass(t.db, tree.stationB, instructorB.id, { sessions: [{ startsAt: '2026-04-05T01:00:00Z', endsAt: '2026-04-05T03:00:00Z' }] });
    const enrol = (classId: string, learnerId: string, status: string, at: string) =>
      t.db.query(
        `INSERT INTO enrollments (class_id, learner_id, status, created_at, withdrawn_at) VALUES ($1, $2, $3, $4, CASE WHEN $3 = 'withdrawn' THEN now() END)`,
        [classId, learnerId, status, at],
      );
    await enrol(classA, ready.id, 'enrolled', '2026-03-01T02:00:00Z');
    await enrol(classA, a3.id, 'enrolled', '2026-03-01T02:00:00Z');
    await enrol(classA, b2.id, 'withdrawn', '2026-03-01T02:00:00Z');
    await enrol(classB, b1.id, 'enrolled', '2026-04-01T02:00:00Z');
    await enrol(classB, b2.id, 'enrolled', '2026-04-01T02:00:00Z');
    const mark = async (classId: string, learnerId: string, status: string) => {
      const [{ id: sessionId }] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classId]);
      const [{ id: enrollmentId }] = await t.db.query(`SELECT id FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status <> 'withdrawn'`, [
        classId,
        learnerId,
      ]);
      await t.db.query(
        `INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, source, marked_by) VALUES ($1, $2, $3, $4, 'roster', $5)`,
        [sessionId, learnerId, enrollmentId, status, instructorA.id],
      );
    };
    await mark(classA, ready.id, 'present');
    await mark(classA, a3.id, 'absent');
    await mark(classB, b1.id, 'late');
    await mark(classB, b2.id, 'present');
    // Referrals from club B: two, one hired (in April).
    const employer = await newEmployer(t.db, tree.clubB);
    const [{ id: jobId }] = await t.db.query(
      `INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '保洁', '福州', 2, $2) RETURNING id`,
      [employer, countyAdmin.id],
    );
    await t.db.query(
      `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, status, created_at, hired_at) VALUES ($1, $2, $3, $4, $5, 'hired', '2026-04-02', '2026-04-20')`,
      [b1.id, jobId, employer, tree.clubB, countyAdmin.id],
    );
    await t.db.query(
      `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, status, created_at) VALUES ($1, $2, $3, $4, $5, 'interviewing', '2026-04-03')`,
      [b2.id, jobId, employer, tree.clubB, countyAdmin.id],
    );
    await refresh();
  });
  afterAll(() => t.close());

  it('gives exact totals for the county and each club', async () => {
    const res = await t.http().get('/api/reports/summary').query({ orgId: tree.county }).set(bearer(countyAdmin));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      learners: 5,
      volunteerMothers: 3,
      readyVolunteerMothers: 1,
      enrollments: 4,
      attendanceRate: 0.75,
      certificatesIssued: 4,
      referrals: 2,
      hires: 1,
      placementRate: 0.5,
      funnel: { referred: 0, contacted: 0, interviewing: 1, hired: 1, notHired: 0, withdrawn: 0 },
    });
    const byName = Object.fromEntries(res.body.breakdown.map((b: { name: string }) => [b.name, b]));
    expect(byName['D 俱乐部A']).toMatchObject({
      kind: 'club',
      learners: 3,
      volunteerMothers: 2,
      readyVolunteerMothers: 1,
      enrollments: 2,
      attendanceRate: 0.5,
      certificatesIssued: 4,
      referrals: 0,
      hires: 0,
      placementRate: null,
    });
    expect(byName['D 俱乐部B']).toMatchObject({
      learners: 2,
      volunteerMothers: 1,
      readyVolunteerMothers: 0,
      enrollments: 2,
      attendanceRate: 1,
      certificatesIssued: 0,
      referrals: 2,
      hires: 1,
    });
    expect(res.body.trend.map((m: { month: string; enrollments: number }) => [m.month, m.enrollments])).toEqual([
      ['2026-03', 2],
      ['2026-04', 2],
    ]);
    expect(res.body.byCourse.find((c: { code: string }) => c.code === 'VOC-HOUSE')).toMatchObject({ enrollments: 4, attendanceRate: 0.75 });
    // Totals are numbers, never strings.
    expect(typeof res.body.learners).toBe('number');
  });

  it('filters by date (whole months) and the city sees the same totals as its only county', async () => {
    const april = await t.http().get('/api/reports/summary').query({ orgId: tree.county, from: '2026-04-01', to: '2026-04-30' }).set(bearer(countyAdmin));
    expect(april.body).toMatchObject({ enrollments: 2, certificatesIssued: 0, referrals: 2, hires: 1, attendanceRate: 1 });
    const bad = await t.http().get('/api/reports/summary').query({ from: '2026-05-01', to: '2026-04-01' }).set(bearer(countyAdmin));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'from must not be after to' });
  });

  it('takes from/to only as calendar dates YYYY-MM-DD, naming the field it refuses', async () => {
    const summary = (query: Record<string, string>) =>
      t
        .http()
        .get('/api/reports/summary')
        .query({ orgId: tree.county, ...query })
        .set(bearer(countyAdmin));
    const notDates = [
      '2026',
      '2026-W10',
      '2026-04',
      '2026-096',
      '20260405',
      '2026-02-30',
      '2026-13-01',
      '0000-01-01',
      '2026-4-5',
      '2026-04-05T00:00:00Z',
      ' 2026-04-05',
      '',
    ];
    for (const field of ['from', 'to'] as const) {
      for (const value of notDates) {
        const res = await summary({ [field]: value });
        expect({ field, value, status: res.status, code: res.body.code }).toEqual({ field, value, status: 400, code: 'VALIDATION_FAILED' });
        expect(res.body.message).toBe(`${field} must be a date written YYYY-MM-DD, e.g. ${field === 'from' ? '2026-01-01' : '2026-12-31'}`);
      }
    }
    // A value given twice arrives as a list: refused too.
    const twice = await t.http().get('/api/reports/summary?from=2026-04-01&from=2026-04-02').set(bearer(countyAdmin));
    expect(twice.status).toBe(400);
    expect(twice.body.message).toMatch(/^from must be a date/);
    // Both wrong: both named, and no ordering complaint about values that are not dates.
    const both = await summary({ from: '2026-W10', to: '2026' });
    expect(both.body.messages).toEqual(['from must be a date written YYYY-MM-DD, e.g. 2026-01-01', 'to must be a date written YYYY-MM-DD, e.g. 2026-12-31']);
    // from after to within one month is refused too, not only across months.
    const sameMonth = await summary({ from: '2026-04-20', to: '2026-04-10' });
    expect(sameMonth.status).toBe(400);
    expect(sameMonth.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'from must not be after to' });
    // Good ranges still work: a leap day, one day, and either end alone; the CSV takes the same query.
    const leap = await summary({ from: '2024-02-29', to: '2026-04-30' });
    expect(leap.status).toBe(200);
    expect(leap.body).toMatchObject({ from: '2024-02-29', to: '2026-04-30', enrollments: 4 });
    expect((await summary({ from: '2026-04-05', to: '2026-04-05' })).body).toMatchObject({ enrollments: 2, referrals: 2 });
    expect((await summary({ from: '2026-04-01' })).body).toMatchObject({ from: '2026-04-01', to: null, enrollments: 2 });
    expect((await summary({ to: '2026-03-31' })).body).toMatchObject({ from: null, to: '2026-03-31', enrollments: 2 });
    const csv = await t.http().get('/api/reports/summary.csv').query({ orgId: tree.county, from: '2026-04-01', to: '2026-04-30' }).set(bearer(countyAdmin));
    expect(csv.status).toBe(200);
    const badCsv = await t.http().get('/api/reports/summary.csv').query({ orgId: tree.county, from: '2026-W10' }).set(bearer(countyAdmin));
    expect(badCsv.status).toBe(400);
    expect(badCsv.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'from must be a date written YYYY-MM-DD, e.g. 2026-01-01' });
  });

  it('stays current as records change', async () => {
    const learner = await newUser(t, 'learner', tree.stationB, { learnerType: 'volunteer_mother' });
    await refresh();
    const res = await t.http().get('/api/reports/summary').query({ orgId: tree.clubB }).set(bearer(countyAdmin));
    expect(res.body).toMatchObject({ learners: 3, volunteerMothers: 2 });
    expect(learner.id).toBeTruthy();
  });

  it('is scoped: coordinators see their subtree only, an org above is 404, learners and employers 403', async () => {
    expect((await t.http().get('/api/reports/summary').set(bearer(coordA))).body.org.id).toBe(tree.clubA);
    expect((await t.http().get('/api/reports/summary').query({ orgId: tree.county }).set(bearer(coordA))).status).toBe(404);
    expect((await t.http().get('/api/reports/summary').query({ orgId: tree.clubB }).set(bearer(coordA))).status).toBe(404);
    const learner = await newUser(t, 'learner', tree.clubA);
    expect((await t.http().get('/api/reports/summary').set(bearer(learner))).status).toBe(403);
  });

  it('exports the breakdown as CSV with a BOM', async () => {
    const res = await t.http().get('/api/reports/summary.csv').query({ orgId: tree.county }).set(bearer(countyAdmin));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trim().split('\n');
    expect(lines[0]).toContain('爱心妈妈');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['D 俱乐部A', 'D 俱乐部B']);
  });

  it("writes the level in the reader's language and org names that look like formulas as plain text", async () => {
    const names = ['=HYPERLINK("http://x","y")', '-2+3', "+cmd|' /C calc'!A0", '@SUM(1,2)'];
    const city = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: 'D 公式市', kind: 'club', parentId: tree.county });
    expect(city.status).toBe(201);
    for (const name of names) {
      const created = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name, kind: 'station', parentId: city.body.id });
      expect(created.status).toBe(201);
    }
    await refresh();
    // Read with an independent parser, as a spreadsheet import would.
    const read = async (lang: string) => {
      const res = await t.http().get('/api/reports/summary.csv').query({ orgId: city.body.id, lang }).set(bearer(countyAdmin));
      expect(res.status).toBe(200);
      return parse(res.text, { bom: true }) as string[][];
    };
    const zh = await read('zh-CN');
    expect(zh[0].slice(0, 2)).toEqual(['组织', '层级']);
    expect(
      zh
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(names.map((n) => `'${n}`).sort());
    expect(zh.slice(1).map((r) => r[1])).toEqual(names.map(() => '服务站'));
    for (const cell of zh.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const en = await read('en');
    expect(en[0].slice(0, 2)).toEqual(['Organisation', 'Kind']);
    expect(en.slice(1).map((r) => r[1])).toEqual(names.map(() => 'Station'));
    const county = await t.http().get('/api/reports/summary.csv').query({ orgId: tree.county }).set(bearer(countyAdmin));
    expect((parse(county.text, { bom: true }) as string[][]).slice(1).map((r) => r[1])).toEqual(['俱乐部', '俱乐部', '俱乐部']);
  });
});

describe('the attendance rate: one definition for the learner and the dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is attended (present or late) over the sessions held so far, per enrolled learner: unmarked counts as absent, future sessions do not count', async () => {
    const tree = await newTree(t.db, 'R');
    const admin = await newUser(t, 'admin', tree.county);
    const coordinator = await newUser(t, 'coordinator', tree.clubA);
    const instructor = await newUser(t, 'instructor', tree.stationA);
    const ago = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
    // Three sessions held (in the last few hours, so all in this month), one still to come.
    const held = [72, 48, 24].map((h) => ({ startsAt: ago(h), endsAt: ago(h - 2) }));
    const classId = await newClass(t.db, tree.stationA, instructor.id, {
      startsOn: '2020-01-01',
      endsOn: '2099-01-01',
      status: 'running',
      sessions: [...held, { startsAt: ago(-48), endsAt: ago(-50) }],
    });
    const sessions: { id: string }[] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1 ORDER BY starts_at`, [classId]);
    const a = await newUser(t, 'learner', tree.stationA);
    const b = await newUser(t, 'learner', tree.stationA);
    const enrol = async (learnerId: string) =>
      (await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [classId, learnerId]))[0]
        .id as string;
    const [ea, eb] = [await enrol(a.id), await enrol(b.id)];
    const mark = (sessionId: string, learnerId: string, enrollmentId: string, status: string) =>
      t.db.query(`INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, source, marked_by) VALUES ($1, $2, $3, $4, 'roster', $5)`, [
        sessionId,
        learnerId,
        enrollmentId,
        status,
        instructor.id,
      ]);
    // A: present, late, excused (2 of 3). B: present, then never marked (1 of 3). The future session is marked for A: it must not count.
    await mark(sessions[0].id, a.id, ea, 'present');
    await mark(sessions[1].id, a.id, ea, 'late');
    await mark(sessions[2].id, a.id, ea, 'excused');
    await mark(sessions[3].id, a.id, ea, 'present');
    await mark(sessions[0].id, b.id, eb, 'present');

    const mine = async (learner: TestUser, enrollmentId: string) =>
      (await t.http().get(`/api/enrollments/${enrollmentId}/attendance`).set(bearer(learner))).body;
    expect(await mine(a, ea)).toMatchObject({ sessions: 3, attended: 2, rate: 0.6667 });
    expect(await mine(b, eb)).toMatchObject({ sessions: 3, attended: 1, rate: 0.3333 });

    await t.app.get(StatsRefreshService).refreshAll();
    // The dashboard: (2 + 1) attended of (3 + 3) held, not 3 of the 5 marks recorded on held sessions.
    const summary = await t.http().get('/api/reports/summary').query({ orgId: tree.county }).set(bearer(admin));
    expect(summary.status).toBe(200);
    expect(summary.body.attendanceRate).toBe(0.5);
    const club = await t.http().get('/api/reports/summary').set(bearer(coordinator));
    expect(club.body.attendanceRate).toBe(0.5);

    // Time passing is a change too: a session that started since the last refresh counts without any write.
    await t.db.query(`DELETE FROM stats_dirty`);
    await t.db.query(`UPDATE class_sessions SET starts_at = now() - interval '1 minute', ends_at = now() + interval '1 hour' WHERE id = $1`, [sessions[3].id]);
    // A session moved (or added, or removed) marks its org for the refresher at once…
    expect(await t.db.query(`SELECT 1 FROM stats_dirty WHERE org_id = $1`, [tree.stationA])).toHaveLength(1);
    // …and one that merely started since the last refresh is found by the refresher itself.
    await t.db.query(`DELETE FROM stats_dirty`);
    await t.db.query(`UPDATE stats_refreshes SET refreshed_at = now() - interval '10 minutes'`);
    await t.app.get(StatsRefreshService).refreshAll();
    expect(await mine(a, ea)).toMatchObject({ sessions: 4, attended: 3, rate: 0.75 });
    const later = await t.http().get('/api/reports/summary').query({ orgId: tree.county }).set(bearer(admin));
    // (3 + 1) of (4 + 4).
    expect(later.body.attendanceRate).toBe(0.5);
    // A withdrawn learner is not expected in class any more: (3) of (4).
    await t.db.query(`UPDATE enrollments SET status = 'withdrawn' WHERE id = $1`, [eb]);
    await t.app.get(StatsRefreshService).refreshAll();
    expect((await t.http().get('/api/reports/summary').query({ orgId: tree.county }).set(bearer(admin))).body.attendanceRate).toBe(0.75);
  });
});

describe('audit and personal-data rights', () => {
  let t: TestApp;
  let tree: TreeIds;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'P');
  });
  afterAll(() => t.close());

  it('admins browse and filter audit events of their subtree; others may not', async () => {
    const admin = await newUser(t, 'admin', tree.clubA);
    const coord = await newUser(t, 'coordinator', tree.clubA);
    await t
      .http()
      .post('/api/users')
      .set(bearer(coord))
      .send({ phone: '13812340000', name: '审计测试', role: 'learner', learnerType: 'migrant_worker', orgId: tree.stationA });
    const res = await t.http().get('/api/audit').query({ action: 'user.create' }).set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'user.create', actorId: coord.id, entityType: 'user' });
    expect(JSON.stringify(res.body)).not.toContain('13812340000');
    expect((await t.http().get('/api/audit').set(bearer(coord))).status).toBe(403);
    const otherAdmin = await newUser(t, 'admin', tree.clubB);
    expect((await t.http().get('/api/audit').query({ action: 'user.create' }).set(bearer(otherAdmin))).body.total).toBe(0);
  });

  it('the export holds every table that keeps rows about a person', async () => {
    const learner = await newUser(t, 'learner', tree.stationA, { name: '导出测试' });
    const res = await t.http().get('/api/me/export').set(bearer(learner));
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ id: learner.id, phone: learner.phone, name: '导出测试' });
    // Every table with a column pointing at users must be in the export (or be a known non-personal link).
    const personal = await t.db.query(
      `SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name
         JOIN information_schema.key_column_usage kc ON kc.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND cu.table_name = 'users' AND kc.column_name IN ('user_id', 'learner_id')`,
    );
    const exported: Record<string, string> = {
      enrollments: 'enrollments',
      attendance_marks: 'attendance',
      attendance_history: 'attendanceHistory',
      assessment_attempts: 'quizAttempts',
      assessment_results: 'practicalResults',
      certificates: 'certificates',
      external_credentials: 'externalCredentials',
      consent_events: 'consents',
      referrals: 'referrals',
      notifications: 'notifications',
      notification_preferences: 'notificationPreferences',
      sms_messages: 'smsMessages',
      refresh_tokens: 'sessions',
    };
    // Linked to a user but holding nothing about her: an activation code's hash, deleted the moment she claims the account (before she could export).
    const notPersonal = new Set(['account_claims']);
    for (const { table_name } of personal.filter((p: { table_name: string }) => !notPersonal.has(p.table_name))) {
      expect({ table: table_name, covered: table_name in exported }).toEqual({ table: table_name, covered: true });
      expect(res.body).toHaveProperty(exported[table_name]);
    }
    expect(await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'data.export' AND actor_id = $1`, [learner.id])).toHaveLength(1);
  });

  it('every section of the export holds her rows in the published shape', async () => {
    // One row in each section, so the response check (harness) validates every section's items, not just empty lists.
    const learner = await newUser(t, 'learner', tree.stationA, { name: '全量导出' });
    const coord = await newUser(t, 'coordinator', tree.clubA);
    const instructor = await newUser(t, 'instructor', tree.stationA);
    const classId = await newClass(t.db, tree.stationA, instructor.id, { sessions: [{ startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T03:00:00Z' }] });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classId,
      learner.id,
    ]);
    const [{ id: sessionId }] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classId]);
    await t.db.query(
      `INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, note, source, marked_by) VALUES ($1, $2, $3, 'late', '堵车', 'roster', $4)`,
      [sessionId, learner.id, enrollmentId, instructor.id],
    );
    await t.db.query(
      `INSERT INTO attendance_history (session_id, learner_id, old_status, new_status, old_note, new_note, source, changed_by) VALUES ($1, $2, NULL, 'late', '未到', '堵车', 'roster', $3)`,
      [sessionId, learner.id, instructor.id],
    );
    const [quiz] = await t.db.query(`SELECT a.id FROM assessments a JOIN classes k ON k.course_id = a.course_id WHERE k.id = $1 ORDER BY a.position LIMIT 1`, [
      classId,
    ]);
    await t.db.query(
      `INSERT INTO assessment_attempts (assessment_id, enrollment_id, learner_id, attempt_no, score, passed, answers) VALUES ($1, $2, $3, 1, 80, true, $4)`,
      [quiz.id, enrollmentId, learner.id, { [quiz.id]: [0, 2] }],
    );
    await t.db.query(
      `INSERT INTO assessment_results (assessment_id, enrollment_id, learner_id, score, passed, note, graded_by) VALUES ($1, $2, $3, 90, true, '操作规范', $4)`,
      [quiz.id, enrollmentId, learner.id, instructor.id],
    );
    await t.db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, hours, expires_at) SELECT $1, $2, course_id, $3, 12.5, now() + interval '1 year' FROM classes WHERE id = $4`,
      [newCertificateCode(), learner.id, tree.stationA, classId],
    );
    await t.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by) VALUES ($1, 'GOV-EXPORT-1', '家政服务员', '人社局', '2024-01-01', $1)`,
      [learner.id],
    );
    expect((await t.http().post('/api/me/consents').set(bearer(learner)).send({ scope: 'referrals' })).status).toBe(201);
    const employer = await newEmployer(t.db, tree.clubA);
    const [{ id: jobId }] = await t.db.query(
      `INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '保洁', '福州', 1, $2) RETURNING id`,
      [employer, coord.id],
    );
    const [{ id: referralId }] = await t.db.query(
      `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, status, note, hired_at) VALUES ($1, $2, $3, $4, $5, 'hired', '做事细心', now()) RETURNING id`,
      [learner.id, jobId, employer, tree.stationA, coord.id],
    );
    await t.db.query(
      `INSERT INTO referral_events (referral_id, from_status, to_status, note, actor_id) VALUES ($1, NULL, 'referred', '做事细心', $2), ($1, 'referred', 'hired', '下周一上岗', $2)`,
      [referralId, coord.id],
    );
    await t.db.query(
      `INSERT INTO placement_followups (referral_id, day_mark, due_on, still_employed, wage_band, note) VALUES ($1, 30, '2026-05-01', true, '5000_6999', '雇主满意'), ($1, 90, '2026-07-01', NULL, NULL, NULL)`,
      [referralId],
    );
    const [sent] = await t.db.query(`INSERT INTO notifications (user_id, kind, payload) VALUES ($1, 'referral.created', '{"job":"保洁"}') RETURNING id`, [
      learner.id,
    ]);
    await t.db.query(
      `INSERT INTO sms_messages (user_id, notification_id, kind, provider, status, sent_at) VALUES ($1, $2, 'referral.created', 'log', 'sent', now())`,
      [learner.id, sent.id],
    );
    expect(
      (
        await t
          .http()
          .put('/api/me/notification-preferences')
          .set(bearer(learner))
          .send({ smsKinds: ['certificate.issued'], smsOff: true })
      ).status,
    ).toBe(200);

    const res = await t.http().get('/api/me/export').set(bearer(learner));
    expect(res.status).toBe(200);
    for (const section of Object.keys(PrivacyService.SOURCES)) expect({ section, rows: res.body[section].length > 0 }).toEqual({ section, rows: true });
    expect(res.body.externalCredentials[0].issuedOn).toBe('2024-01-01');
    expect(res.body.certificates[0].hours).toBe(12.5);
    expect(res.body.referrals[0].history.map((h: { to: string }) => h.to)).toEqual(['referred', 'hired']);
    // The free text erasure blanks is hers, so it is in her export too.
    expect(res.body.attendance[0].note).toBe('堵车');
    expect(res.body.attendanceHistory[0]).toMatchObject({ from: null, to: 'late', fromNote: '未到', toNote: '堵车' });
    expect(res.body.practicalResults[0].note).toBe('操作规范');
    expect(res.body.referrals[0].note).toBe('做事细心');
    expect(res.body.referrals[0].history.map((h: { note: string | null }) => h.note)).toEqual(['做事细心', '下周一上岗']);
    expect(res.body.followUps.map((f: { dayMark: number; note: string | null }) => [f.dayMark, f.note])).toEqual([
      [30, '雇主满意'],
      [90, null],
    ]);
  });

  it('erasure leaves no personal data anywhere, keeps her certificate verifiable and the counts right, and frees her phone', async () => {
    const learner = await newUser(t, 'learner', tree.stationA, { name: '抹除测试', learnerType: 'volunteer_mother' });
    const code = newCertificateCode();
    const instructor = await newUser(t, 'instructor', tree.stationA);
    const classId = await newClass(t.db, tree.stationA, instructor.id, { sessions: [{ startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T03:00:00Z' }] });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'completed') RETURNING id`, [
      classId,
      learner.id,
    ]);
    const [{ id: sessionId }] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classId]);
    await t.db.query(
      `INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, note, source, marked_by) VALUES ($1, $2, $3, 'present', '抹除测试 请假后补', 'roster', $4)`,
      [sessionId, learner.id, enrollmentId, instructor.id],
    );
    await t.db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, enrollment_id) SELECT $4, $1, id, $2, $3 FROM courses WHERE code = 'LAW-MPL'`,
      [learner.id, tree.stationA, enrollmentId, code],
    );
    await t.http().post('/api/me/consents').set(bearer(learner)).send({ scope: 'referrals' });
    await t.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by) VALUES ($1, 'GOV-ERASE-1', '家政服务员', '人社局', '2024-01-01', $1)`,
      [learner.id],
    );
    await t.app.get(StatsRefreshService).refreshAll();
    const before = (await t.db.query(`SELECT enrollments, certificates FROM org_stats_subtree WHERE org_id = $1`, [tree.stationA])).reduce(
      (s: number, r: { enrollments: number }) => s + r.enrollments,
      0,
    );

    expect((await t.http().delete('/api/me').set(bearer(learner))).status).toBe(204);
    expect((await t.http().get('/api/me').set(bearer(learner))).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').send({ refreshToken: learner.refreshToken })).status).toBe(401);

    // Scan every text-like column of every table for her phone and her name.
    const columns = await t.db.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')`,
    );
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      const found = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE $1 OR "${column_name}"::text LIKE $2`, [
        `%${learner.phone}%`,
        '%抹除测试%',
      ]);
      if (found[0].n > 0) hits.push(`${table_name}.${column_name}`);
    }
    expect(hits).toEqual([]);

    const verify = await t.http().get(`/api/certificates/verify/${code}`);
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ status: 'valid', holderName: null });
    await t.app.get(StatsRefreshService).refreshAll();
    const after = (await t.db.query(`SELECT enrollments FROM org_stats_subtree WHERE org_id = $1`, [tree.stationA])).reduce(
      (s: number, r: { enrollments: number }) => s + r.enrollments,
      0,
    );
    expect(after).toBe(before);
    const again = await t
      .http()
      .post('/api/auth/register')
      .send({ phone: learner.phone, password: 'new-person-pw', name: '新用户', learnerType: 'migrant_worker' });
    expect(again.status).toBe(201);
    expect(await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'user.erase' AND entity_id = $1`, [learner.id])).toHaveLength(1);
  });
});
