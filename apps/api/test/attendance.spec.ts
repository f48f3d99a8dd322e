import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkInCode, currentWindow } from '../src/attendance/check-in-code.js';
import { deriveKey, KEY_LABELS } from '../src/config/keys.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const HOUR = 3600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const CODE_SECRET = deriveKey('test-secret-test-secret-test-secret-0123456789', KEY_LABELS.checkInCode);

describe('attendance', () => {
  let t: TestApp;
  let tree: TreeIds;
  let instructor: TestUser;
  let otherInstructor: TestUser;
  let coordA: TestUser;
  let coordB: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '20' });
    tree = await newTree(t.db, 'A');
    instructor = await newUser(t, 'instructor', tree.stationA);
    otherInstructor = await newUser(t, 'instructor', tree.stationB);
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
  });
  afterAll(() => t.close());

  /** A class with sessions at the given offsets from now (2 h each), and `n` enrolled learners. */
  async function classWith(offsetsHours: number[], n: number, durationHours = 2) {
    const classId = await newClass(t.db, tree.stationA, instructor.id, {
      startsOn: '2020-01-01',
      endsOn: '2035-01-01',
      capacity: 100,
      sessions: offsetsHours.map((h) => ({ startsAt: iso(h * HOUR), endsAt: iso(h * HOUR + durationHours * HOUR) })),
    });
    const sessions: string[] = (await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1 ORDER BY starts_at`, [classId])).map(
      (r: { id: string }) => r.id,
    );
    const learners: TestUser[] = [];
    const enrollments: string[] = [];
    for (let i = 0; i < n; i++) {
      const l = await newUser(t, 'learner', tree.clubA);
      learners.push(l);
      enrollments.push(
        (await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [classId, l.id]))[0].id,
      );
    }
    await t.db.query(`UPDATE classes SET enrolled_count = $2 WHERE id = $1`, [classId, n]);
    return { classId, sessions, learners, enrollments };
  }

  const put = (who: TestUser, sessionId: string, body: object) => t.http().put(`/api/sessions/${sessionId}/attendance`).set(bearer(who)).send(body);

  it('marks a whole roster in one request', async () => {
    const c = await classWith([-3], 40);
    const marks = c.learners.map((l, i) => ({ learnerId: l.id, status: i % 10 === 0 ? 'absent' : 'present' }));
    const res = await put(instructor, c.sessions[0], { marks });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ saved: 40, changed: 40 });
    const roster = await t.http().get(`/api/sessions/${c.sessions[0]}/attendance`).set(bearer(instructor));
    expect(roster.body.total).toBe(40);
    expect(roster.body.items.filter((r: { status: string }) => r.status === 'absent')).toHaveLength(4);
    expect(roster.body.items[0]).toEqual(
      expect.objectContaining({ learnerId: expect.any(String), name: expect.any(String), enrollmentId: expect.any(String) }),
    );
  });

  it('is all or nothing: one learner not enrolled makes it 422 and saves nothing; a bad status is 400', async () => {
    const c = await classWith([-3], 3);
    const stranger = await newUser(t, 'learner', tree.clubA);
    const res = await put(instructor, c.sessions[0], {
      marks: [...c.learners.map((l) => ({ learnerId: l.id, status: 'present' })), { learnerId: stranger.id, status: 'present' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_ENROLLED');
    expect(res.body.learnerIds).toEqual([stranger.id]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE session_id = $1`, [c.sessions[0]]))[0].n).toBe(0);
    const bad = await put(instructor, c.sessions[0], { marks: [{ learnerId: c.learners[0].id, status: 'sleeping' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/marks\[0\]\.status must be one of/);
    const dup = await put(instructor, c.sessions[0], {
      marks: [
        { learnerId: c.learners[0].id, status: 'present' },
        { learnerId: c.learners[0].id, status: 'late' },
      ],
    });
    expect(dup.status).toBe(400);
  });

  it('a replayed batch applies once, even 5 replays at the same time; the same key with other marks is 422', async () => {
    const c = await classWith([-3], 5);
    const body = { clientMutationId: 'phone-7f3a-0001', marks: c.learners.map((l) => ({ learnerId: l.id, status: 'late', note: '下雨' })) };
    const results = await Promise.all(Array.from({ length: 5 }, () => put(instructor, c.sessions[0], body)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body)).toEqual(Array(5).fill({ saved: 5, changed: 5 }));
    expect((await t.db.query(`SELECT count(*)::int AS n FROM attendance_history WHERE session_id = $1`, [c.sessions[0]]))[0].n).toBe(5);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE session_id = $1`, [c.sessions[0]]))[0].n).toBe(5);
    const mismatch = await put(instructor, c.sessions[0], { ...body, marks: body.marks.map((m) => ({ ...m, status: 'present' })) });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await t.db.query(`SELECT DISTINCT status FROM attendance_marks WHERE session_id = $1`, [c.sessions[0]])).toEqual([{ status: 'late' }]);
  });

  it('keeps a history of corrections that coordinators can read', async () => {
    const c = await classWith([-3], 1);
    await put(instructor, c.sessions[0], { marks: [{ learnerId: c.learners[0].id, status: 'absent' }] });
    await put(instructor, c.sessions[0], { marks: [{ learnerId: c.learners[0].id, status: 'absent' }] });
    await put(coordA, c.sessions[0], { marks: [{ learnerId: c.learners[0].id, status: 'excused', note: '病假条' }] });
    const history = await t.http().get(`/api/sessions/${c.sessions[0]}/attendance/history`).set(bearer(coordA));
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { from: string | null; to: string; changedBy: string }) => [h.from, h.to, h.changedBy])).toEqual([
      [null, 'absent', instructor.id],
      ['absent', 'excused', coordA.id],
    ]);
    expect(history.body.items[1].toNote).toBe('病假条');
    // The class's own instructor reads it too (another class's instructor does not: class-editing.spec.ts).
    expect((await t.http().get(`/api/sessions/${c.sessions[0]}/attendance/history`).set(bearer(instructor))).status).toBe(200);
    expect((await t.http().get(`/api/sessions/${c.sessions[0]}/attendance/history`).set(bearer(coordB))).status).toBe(404);
  });

  it('scopes marking: another club instructor or coordinator 404, a learner 403', async () => {
    const c = await classWith([-3], 1);
    const marks = [{ learnerId: c.learners[0].id, status: 'present' }];
    expect((await put(otherInstructor, c.sessions[0], { marks })).status).toBe(404);
    expect((await put(coordB, c.sessions[0], { marks })).status).toBe(404);
    expect((await put(c.learners[0], c.sessions[0], { marks })).status).toBe(403);
    expect((await t.http().get(`/api/sessions/${c.sessions[0]}/attendance`).set(bearer(otherInstructor))).status).toBe(404);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM attendance_marks WHERE session_id = $1`, [c.sessions[0]]))[0].n).toBe(0);
  });

  it('after 7 days only a coordinator may mark; a session not yet started cannot be marked', async () => {
    const c = await classWith([-24 * 8, 5], 1);
    const marks = [{ learnerId: c.learners[0].id, status: 'present' }];
    const late = await put(instructor, c.sessions[0], { marks });
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('MARKING_WINDOW_CLOSED');
    expect((await put(coordA, c.sessions[0], { marks })).status).toBe(200);
    const early = await put(instructor, c.sessions[1], { marks });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('SESSION_NOT_STARTED');
  });

  it('counts sessions held, attended, rate and class hours, and flags who can no longer reach the minimum', async () => {
    // VOC-HOUSE needs 80 %. Five sessions: three held (2 h, 2 h, 2 h), two to come.
    const c = await classWith([-72, -48, -1.5, 24, 48], 2);
    const [a, b] = c.learners;
    await put(coordA, c.sessions[0], {
      marks: [
        { learnerId: a.id, status: 'present' },
        { learnerId: b.id, status: 'absent' },
      ],
    });
    await put(coordA, c.sessions[1], {
      marks: [
        { learnerId: a.id, status: 'late' },
        { learnerId: b.id, status: 'absent' },
      ],
    });
    await put(instructor, c.sessions[2], {
      marks: [
        { learnerId: a.id, status: 'excused' },
        { learnerId: b.id, status: 'present' },
      ],
    });
    const ea = await t.http().get(`/api/enrollments/${c.enrollments[0]}/attendance`).set(bearer(a));
    expect(ea.status).toBe(200);
    expect(ea.body).toMatchObject({ sessions: 3, attended: 2, hours: 4, cannotReachMinimum: false, belowMinimum: true });
    expect(ea.body.rate).toBeCloseTo(2 / 3, 3);
    const eb = await t.http().get(`/api/enrollments/${c.enrollments[1]}/attendance`).set(bearer(instructor));
    expect(eb.body).toMatchObject({ sessions: 3, attended: 1, hours: 2, cannotReachMinimum: true });
    expect((await t.http().get(`/api/enrollments/${c.enrollments[1]}/attendance`).set(bearer(a))).status).toBe(404);
    const roster = await t.http().get(`/api/sessions/${c.sessions[2]}/attendance`).set(bearer(instructor));
    const flagged = roster.body.items.find((r: { learnerId: string }) => r.learnerId === b.id);
    expect(flagged.cannotReachMinimum).toBe(true);
  });

  describe('self check-in with a rotating code', () => {
    it('an enrolled learner checks in with the current code during the session window', async () => {
      const c = await classWith([-0.5], 2);
      const code = await t.http().post(`/api/sessions/${c.sessions[0]}/check-in-code`).set(bearer(instructor));
      expect(code.status).toBe(200);
      expect(code.body.code).toMatch(/^\d{6}$/);
      expect(new Date(code.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 25_000);
      const ok = await t.http().post(`/api/sessions/${c.sessions[0]}/check-in`).set(bearer(c.learners[0])).send({ code: code.body.code });
      expect(ok.status).toBe(200);
      const mark = await t.db.query(`SELECT status, source FROM attendance_marks WHERE session_id = $1 AND learner_id = $2`, [c.sessions[0], c.learners[0].id]);
      expect(mark).toEqual([{ status: 'present', source: 'check-in' }]);
      // The previous window's code is still accepted (60 s in all); an older one is not.
      const previous = checkInCode(CODE_SECRET, c.sessions[0], currentWindow() - 1);
      expect((await t.http().post(`/api/sessions/${c.sessions[0]}/check-in`).set(bearer(c.learners[1])).send({ code: previous })).status).toBe(200);
      const expired = checkInCode(CODE_SECRET, c.sessions[0], currentWindow() - 3);
      const old = await t
        .http()
        .post(`/api/sessions/${c.sessions[0]}/check-in`)
        .set(bearer(c.learners[1]))
        .send({ code: expired === code.body.code ? '000000' : expired });
      expect(old.status).toBe(422);
      expect(old.body.code).toBe('CHECK_IN_CODE_INVALID');
    });

    it('refuses a wrong code, a learner not enrolled, and check-in outside the session window', async () => {
      const c = await classWith([-0.5, -5], 1);
      const code = (await t.http().post(`/api/sessions/${c.sessions[1]}/check-in-code`).set(bearer(instructor))).body.code;
      const wrong = await t
        .http()
        .post(`/api/sessions/${c.sessions[1]}/check-in`)
        .set(bearer(c.learners[0]))
        .send({ code: code === '123456' ? '654321' : '123456' });
      expect(wrong.status).toBe(422);
      const stranger = await newUser(t, 'learner', tree.clubA);
      const current = (await t.http().post(`/api/sessions/${c.sessions[1]}/check-in-code`).set(bearer(instructor))).body.code;
      const notEnrolled = await t.http().post(`/api/sessions/${c.sessions[1]}/check-in`).set(bearer(stranger)).send({ code: current });
      expect(notEnrolled.status).toBe(422);
      expect(notEnrolled.body.code).toBe('NOT_ENROLLED');
      // No code is minted for an ended session (SESSION_ENDED); a code computed by hand is still refused.
      expect((await t.http().post(`/api/sessions/${c.sessions[0]}/check-in-code`).set(bearer(instructor))).body.code).toBe('SESSION_ENDED');
      const past = checkInCode(CODE_SECRET, c.sessions[0], currentWindow());
      const closed = await t.http().post(`/api/sessions/${c.sessions[0]}/check-in`).set(bearer(c.learners[0])).send({ code: past });
      expect(closed.status).toBe(422);
      expect(closed.body.code).toBe('CHECK_IN_CLOSED');
      expect((await t.http().post(`/api/sessions/${c.sessions[1]}/check-in-code`).set(bearer(otherInstructor))).status).toBe(404);
      expect((await t.http().post(`/api/sessions/${c.sessions[1]}/check-in`).set(bearer(c.learners[0])).send({ code: '12ab' })).status).toBe(400);
    });
  });
});
