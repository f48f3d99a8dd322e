import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
/** A session of `hours` starting `offsetDays` from now. */
const session = (offsetDays: number, hours = 2) => {
  const start = Date.now() + offsetDays * DAY;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + hours * HOUR).toISOString() };
};

describe('too late to complete: self-enrollment refused, staff warned', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coord: TestUser;
  let admin: TestUser;
  const code = 'LATE-RULE';

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'L');
    coord = await newUser(t, 'coordinator', tree.clubA);
    admin = await newUser(t, 'admin', tree.county);
    // 80 % of the held sessions and 6 class hours.
    await t.db.query(
      `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct) VALUES ($1, 'vocational', '迟到规则测试', 'Late rule test', 6, 80)`,
      [code],
    );
  });
  afterAll(() => t.close());

  const running = (sessions: { startsAt: string; endsAt: string }[], capacity = 30) =>
    newClass(t.db, tree.stationA, null, { courseCode: code, startsOn: day(-10), endsOn: day(30), sessions, capacity });
  const enrolSelf = (learner: TestUser, classId: string) => t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(learner)).send({});

  it('two of five sessions already held: 3/5 = 60 % < 80 % — she gets 422, nothing is written', async () => {
    const classId = await running([session(-3), session(-1), session(2), session(4), session(6)]);
    const learner = await newUser(t, 'learner', tree.clubA);
    const res = await enrolSelf(learner, classId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_LATE_TO_COMPLETE');
    expect(await t.db.query(`SELECT id FROM enrollments WHERE class_id = $1`, [classId])).toEqual([]);
    expect((await t.db.query(`SELECT enrolled_count FROM classes WHERE id = $1`, [classId]))[0].enrolled_count).toBe(0);
  });

  it('one of five held: 4/5 = 80 % and 8 h still reachable — enrolled, no warning', async () => {
    const classId = await running([session(-1), session(1), session(2), session(3), session(4)]);
    const learner = await newUser(t, 'learner', tree.clubA);
    const res = await enrolSelf(learner, classId);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('enrolled');
    expect(res.body.warnings).toBeUndefined();
  });

  it('the rate would do (4/5) but the hours ahead cannot reach 6 h', async () => {
    const classId = await running([session(-1, 1), session(1, 1), session(2, 1), session(3, 1), session(4, 1)]);
    const res = await enrolSelf(await newUser(t, 'learner', tree.clubA), classId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_LATE_TO_COMPLETE');
  });

  it('a running class whose sessions are all over', async () => {
    const classId = await running([session(-5, 3), session(-4, 3), session(-2, 3)]);
    const res = await enrolSelf(await newUser(t, 'learner', tree.clubA), classId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_LATE_TO_COMPLETE');
  });

  it('joining the waitlist of such a class is refused too', async () => {
    const classId = await running([session(-3), session(-1), session(2), session(4), session(6)], 1);
    const first = await newUser(t, 'learner', tree.clubA);
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coord)).send({ learnerId: first.id })).status).toBe(201);
    const res = await enrolSelf(await newUser(t, 'learner', tree.clubA), classId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_LATE_TO_COMPLETE');
    expect((await t.db.query(`SELECT waitlist_count FROM classes WHERE id = $1`, [classId]))[0].waitlist_count).toBe(0);
  });

  it('a coordinator or admin may still enrol her (records after the fact) and is told: 201 with warnings', async () => {
    const classId = await running([session(-3), session(-1), session(2), session(4), session(6)], 1);
    const [a, b] = await Promise.all([1, 2].map(() => newUser(t, 'learner', tree.clubA)));
    const byCoord = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coord)).send({ learnerId: a.id });
    expect(byCoord.status).toBe(201);
    expect(byCoord.body).toMatchObject({ status: 'enrolled', warnings: ['TOO_LATE_TO_COMPLETE'] });
    const byAdmin = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(admin)).send({ phone: b.phone });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, warnings: ['TOO_LATE_TO_COMPLETE'] });
  });

  it('a class not yet begun is never too late, even while its schedule is short of the hours', async () => {
    const classId = await running([session(1, 1)]);
    expect((await enrolSelf(await newUser(t, 'learner', tree.clubA), classId)).status).toBe(201);
  });

  it('sessions she already attended (an earlier enrollment) count for her', async () => {
    const classId = await running([session(-3), session(-1), session(2), session(4), session(6)]);
    const learner = await newUser(t, 'learner', tree.clubA);
    const first = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coord)).send({ learnerId: learner.id });
    const held = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1 AND starts_at < now()`, [classId]);
    for (const s of held) {
      await t.db.query(
        `INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, marked_by, source) VALUES ($1, $2, $3, 'present', $4, 'roster')`,
        [s.id, learner.id, first.body.id, coord.id],
      );
    }
    expect((await t.http().delete(`/api/enrollments/${first.body.id}`).set(bearer(learner))).status).toBe(204);
    const again = await enrolSelf(learner, classId);
    expect(again.status).toBe(201);
    expect(again.body.warnings).toBeUndefined();
  });
});

describe('erasing an account gives her seats to the waitlist', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coord: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'R');
    coord = await newUser(t, 'coordinator', tree.clubA);
  });
  afterAll(() => t.close());

  const enrol = (learner: TestUser, classId: string) => t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coord)).send({ learnerId: learner.id });

  it('withdraws her from unfinished classes, promotes the first waitlisted learner with a notification, leaves finished classes alone', async () => {
    const upcoming = await newClass(t.db, tree.stationA, null, { capacity: 1 });
    const waitlistOnly = await newClass(t.db, tree.stationA, null, { capacity: 1 });
    const finished = await newClass(t.db, tree.stationA, null, { startsOn: '2020-01-01', endsOn: '2020-02-01' });
    const [her, next, last, other] = await Promise.all([1, 2, 3, 4].map(() => newUser(t, 'learner', tree.clubA)));
    expect((await enrol(her, upcoming)).body.status).toBe('enrolled');
    expect((await enrol(next, upcoming)).body.waitlistPosition).toBe(1);
    expect((await enrol(last, upcoming)).body.waitlistPosition).toBe(2);
    expect((await enrol(other, waitlistOnly)).body.status).toBe('enrolled');
    expect((await enrol(her, waitlistOnly)).body.waitlistPosition).toBe(1);
    expect((await enrol(her, finished)).status).toBe(201);
    await t.db.query(`UPDATE enrollments SET status = 'completed' WHERE class_id = $1`, [finished]);

    expect((await t.http().delete('/api/me').set(bearer(her))).status).toBe(204);

    const rows = await t.db.query(`SELECT class_id, learner_id, status, waitlist_position FROM enrollments WHERE class_id = ANY($1) ORDER BY created_at`, [
      [upcoming, waitlistOnly, finished],
    ]);
    expect(rows).toEqual([
      { class_id: upcoming, learner_id: her.id, status: 'withdrawn', waitlist_position: null },
      { class_id: upcoming, learner_id: next.id, status: 'enrolled', waitlist_position: null },
      { class_id: upcoming, learner_id: last.id, status: 'waitlisted', waitlist_position: 1 },
      { class_id: waitlistOnly, learner_id: other.id, status: 'enrolled', waitlist_position: null },
      { class_id: waitlistOnly, learner_id: her.id, status: 'withdrawn', waitlist_position: null },
      { class_id: finished, learner_id: her.id, status: 'completed', waitlist_position: null },
    ]);
    const counts = await t.db.query(`SELECT id, enrolled_count, waitlist_count FROM classes WHERE id = ANY($1)`, [[upcoming, waitlistOnly]]);
    expect(
      Object.fromEntries(counts.map((c: { id: string; enrolled_count: number; waitlist_count: number }) => [c.id, [c.enrolled_count, c.waitlist_count]])),
    ).toEqual({
      [upcoming]: [1, 1],
      [waitlistOnly]: [1, 0],
    });
    expect(await t.db.query(`SELECT kind FROM notifications WHERE user_id = $1`, [next.id])).toEqual([{ kind: 'enrollment.promoted' }]);
    expect((await t.db.query(`SELECT status FROM users WHERE id = $1`, [her.id]))[0].status).toBe('erased');
  });

  it('when the withdrawal fails the erasure is rolled back as a whole', async () => {
    const classId = await newClass(t.db, tree.stationA, null, { capacity: 1 });
    const her = await newUser(t, 'learner', tree.clubA);
    expect((await enrol(her, classId)).body.status).toBe('enrolled');
    // A trigger makes the class update fail inside the erasure's transaction.
    await t.db.query(`CREATE FUNCTION refuse_erasure_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await t.db.query(
      `CREATE TRIGGER refuse_erasure_test BEFORE UPDATE ON classes FOR EACH ROW WHEN (NEW.id = '${classId}') EXECUTE FUNCTION refuse_erasure_test()`,
    );
    try {
      expect((await t.http().delete('/api/me').set(bearer(her))).status).toBe(500);
    } finally {
      await t.db.query(`DROP TRIGGER refuse_erasure_test ON classes; DROP FUNCTION refuse_erasure_test()`);
    }
    expect((await t.db.query(`SELECT status, name IS NOT NULL AS named FROM users WHERE id = $1`, [her.id]))[0]).toEqual({ status: 'active', named: true });
    expect((await t.db.query(`SELECT status FROM enrollments WHERE class_id = $1`, [classId]))[0].status).toBe('enrolled');
  });
});
