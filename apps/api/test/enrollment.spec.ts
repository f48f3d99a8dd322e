import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { SmsClock } from '../src/notifications/sms/sms-dispatcher.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

describe('enrollment: capacity, waitlist, prerequisites, closed classes, scope', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let coordB: TestUser;
  let instructor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '60' });
    tree = await newTree(t.db, 'E');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
    instructor = await newUser(t, 'instructor', tree.stationA);
  });
  afterAll(() => t.close());

  const enrolSelf = (learner: TestUser, classId: string) => t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(learner)).send({});

  it('50 concurrent self-enrollments into 5 seats: exactly 5 enrolled, 45 waitlisted at positions 1..45', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 5 });
    const learners = await Promise.all(Array.from({ length: 50 }, () => newUser(t, 'learner', tree.clubA)));
    const results = await Promise.all(learners.map((l) => enrolSelf(l, classId)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(results.filter((r) => r.body.status === 'enrolled')).toHaveLength(5);
    const positions = results
      .filter((r) => r.body.status === 'waitlisted')
      .map((r) => r.body.waitlistPosition)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    const db = await t.db.query(
      `SELECT k.enrolled_count, k.waitlist_count,
              (SELECT count(*)::int FROM enrollments WHERE class_id = k.id AND status = 'enrolled') AS enrolled,
              (SELECT count(DISTINCT waitlist_position)::int FROM enrollments WHERE class_id = k.id AND status = 'waitlisted') AS distinct_positions
         FROM classes k WHERE k.id = $1`,
      [classId],
    );
    expect(db[0]).toEqual({ enrolled_count: 5, waitlist_count: 45, enrolled: 5, distinct_positions: 45 });
    const cls = await t.http().get(`/api/classes/${classId}`).set(bearer(coordA));
    expect(cls.body).toMatchObject({ capacity: 5, enrolledCount: 5, waitlistCount: 45, seatsLeft: 0 });
  });

  it('a withdrawal promotes the first waitlisted learner in the same transaction and queues her a notification', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 1 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => newUser(t, 'learner', tree.clubA)));
    const ea = await enrolSelf(a, classId);
    const eb = await enrolSelf(b, classId);
    const ec = await enrolSelf(c, classId);
    expect([ea.body.status, eb.body.waitlistPosition, ec.body.waitlistPosition]).toEqual(['enrolled', 1, 2]);
    expect((await t.http().delete(`/api/enrollments/${ea.body.id}`).set(bearer(a))).status).toBe(204);
    const rows = await t.db.query(`SELECT learner_id, status, waitlist_position FROM enrollments WHERE class_id = $1 ORDER BY created_at`, [classId]);
    expect(rows).toEqual([
      { learner_id: a.id, status: 'withdrawn', waitlist_position: null },
      { learner_id: b.id, status: 'enrolled', waitlist_position: null },
      { learner_id: c.id, status: 'waitlisted', waitlist_position: 1 },
    ]);
    const note = await t.db.query(`SELECT id, kind FROM notifications WHERE user_id = $1`, [b.id]);
    expect(note).toEqual([{ id: expect.any(String), kind: 'enrollment.promoted' }]);
    // Its delivery job was queued in the same transaction.
    expect(await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification.deliver' AND data->>'id' = $1`, [note[0].id])).toEqual([
      { n: 1 },
    ]);
    // Delivered in the daytime (China time): at night the text would wait for the morning (quiet hours).
    t.app.get(SmsClock).now = () => new Date('2026-12-07T10:00:00+08:00');
    expect(await t.app.get(NotificationsService).deliver(note[0].id)).toEqual({ status: 'sent' });
    expect((await t.db.query(`SELECT sent_at, sms_status FROM notifications WHERE user_id = $1`, [b.id]))[0]).toEqual({
      sent_at: expect.any(Date),
      sms_status: 'sent',
    });
    // Withdrawing twice changes nothing.
    expect((await t.http().delete(`/api/enrollments/${ea.body.id}`).set(bearer(a))).status).toBe(204);
    expect((await t.db.query(`SELECT enrolled_count, waitlist_count FROM classes WHERE id = $1`, [classId]))[0]).toEqual({
      enrolled_count: 1,
      waitlist_count: 1,
    });
  });

  it('leaving the waitlist closes the gap behind her', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 1 });
    const ls = await Promise.all([1, 2, 3, 4].map(() => newUser(t, 'learner', tree.clubA)));
    const res = [];
    for (const l of ls) res.push(await enrolSelf(l, classId));
    expect((await t.http().delete(`/api/enrollments/${res[2].body.id}`).set(bearer(coordA))).status).toBe(204);
    const rows = await t.db.query(
      `SELECT learner_id, waitlist_position FROM enrollments WHERE class_id = $1 AND status = 'waitlisted' ORDER BY waitlist_position`,
      [classId],
    );
    expect(rows).toEqual([
      { learner_id: ls[1].id, waitlist_position: 1 },
      { learner_id: ls[3].id, waitlist_position: 2 },
    ]);
  });

  it('raising the capacity promotes from the waitlist; lowering below enrolled is refused', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 1 });
    const ls = await Promise.all([1, 2, 3].map(() => newUser(t, 'learner', tree.clubA)));
    for (const l of ls) await enrolSelf(l, classId);
    const up = await t.http().patch(`/api/classes/${classId}`).set(bearer(coordA)).send({ capacity: 2 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ capacity: 2, enrolledCount: 2, waitlistCount: 1 });
    const down = await t.http().patch(`/api/classes/${classId}`).set(bearer(coordA)).send({ capacity: 1 });
    expect(down.status).toBe(422);
    expect(down.body.message).toMatch(/capacity/);
  });

  it('enrolling twice (also from the waitlist) is 409 ALREADY_ENROLLED', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 1 });
    const [a, b] = await Promise.all([1, 2].map(() => newUser(t, 'learner', tree.clubA)));
    await enrolSelf(a, classId);
    await enrolSelf(b, classId);
    expect((await enrolSelf(a, classId)).body.code).toBe('ALREADY_ENROLLED');
    const again = await enrolSelf(b, classId);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ENROLLED');
  });

  it('a missing prerequisite certificate is 422 PREREQUISITE_MISSING; with the certificate she may enrol', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { courseCode: 'VOC-ELEC-2' });
    const learner = await newUser(t, 'learner', tree.clubA);
    const refused = await enrolSelf(learner, classId);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PREREQUISITE_MISSING');
    expect(refused.body.missing).toEqual([expect.objectContaining({ code: 'VOC-ELEC-1' })]);
    await t.db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, expires_at) VALUES ('TESTCERT01', $1, $2, $3, now() + interval '1 year')`,
      [learner.id, await courseId(t.db, 'VOC-ELEC-1'), tree.clubA],
    );
    expect((await enrolSelf(learner, classId)).status).toBe(201);
  });

  it('finished and cancelled classes are 422 CLASS_CLOSED', async () => {
    const learner = await newUser(t, 'learner', tree.clubA);
    const cancelled = await newClass(t.db, tree.stationA, instructor.id, { status: 'cancelled' });
    const past = await newClass(t.db, tree.stationA, instructor.id, { startsOn: '2020-01-01', endsOn: '2020-02-01' });
    for (const classId of [cancelled, past]) {
      const res = await enrolSelf(learner, classId);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CLASS_CLOSED');
    }
    // A coordinator may still record learners into a class entered after the fact.
    expect((await t.http().post(`/api/classes/${past}/enrollments`).set(bearer(coordA)).send({ learnerId: learner.id })).status).toBe(201);
  });

  it("another club's coordinator gets 404 for the class, its roster and its enrollments", async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id);
    const learnerA = await newUser(t, 'learner', tree.clubA);
    const learnerB = await newUser(t, 'learner', tree.clubB);
    const e = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coordA)).send({ phone: learnerA.phone });
    expect(e.status).toBe(201);
    expect((await t.http().get(`/api/classes/${classId}`).set(bearer(coordB))).status).toBe(404);
    expect((await t.http().get(`/api/classes/${classId}/enrollments`).set(bearer(coordB))).status).toBe(404);
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coordB)).send({ learnerId: learnerB.id })).status).toBe(404);
    expect((await t.http().delete(`/api/enrollments/${e.body.id}`).set(bearer(coordB))).status).toBe(404);
    expect((await t.http().patch(`/api/classes/${classId}`).set(bearer(coordB)).send({ capacity: 3 })).status).toBe(404);
    // …and coordinator A cannot enrol a learner of club B.
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coordA)).send({ learnerId: learnerB.id })).status).toBe(404);
    // A learner cannot enrol someone else, nor withdraw someone else's enrollment.
    const other = await newUser(t, 'learner', tree.clubA);
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(other)).send({ learnerId: learnerA.id })).status).toBe(403);
    expect((await t.http().delete(`/api/enrollments/${e.body.id}`).set(bearer(other))).status).toBe(404);
    const unchanged = await t.db.query(`SELECT status FROM enrollments WHERE id = $1`, [e.body.id]);
    expect(unchanged[0].status).toBe('enrolled');
  });

  it('the roster lists enrolled then waitlisted learners; instructors see masked phones; her own list shows waitlist position', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, {
      capacity: 1,
      sessions: [{ startsAt: '2030-01-05T01:00:00Z', endsAt: '2030-01-05T03:00:00Z' }],
    });
    const [a, b] = await Promise.all([1, 2].map(() => newUser(t, 'learner', tree.clubA)));
    await enrolSelf(a, classId);
    await enrolSelf(b, classId);
    const roster = await t.http().get(`/api/classes/${classId}/enrollments`).set(bearer(instructor));
    expect(roster.status).toBe(200);
    expect(roster.body.total).toBe(2);
    expect(roster.body.items.map((r: { status: string }) => r.status)).toEqual(['enrolled', 'waitlisted']);
    expect(roster.body.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const full = await t.http().get(`/api/classes/${classId}/enrollments`).set(bearer(coordA));
    expect(full.body.items[0].phone).toBe(a.phone);
    const otherInstructor = await newUser(t, 'instructor', tree.stationA);
    expect((await t.http().get(`/api/classes/${classId}/enrollments`).set(bearer(otherInstructor))).status).toBe(404);
    const mine = await t.http().get('/api/me/enrollments').set(bearer(b));
    expect(mine.body.items[0]).toMatchObject({ classId, status: 'waitlisted', waitlistPosition: 1, courseCode: 'VOC-HOUSE', sessionCount: 1 });
    expect(new Date(mine.body.items[0].nextSession.startsAt).toISOString()).toBe('2030-01-05T01:00:00.000Z');
  });

  it('bad input names the field', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id);
    expect((await t.http().post(`/api/classes/not-a-uuid/enrollments`).set(bearer(coordA)).send({})).status).toBe(400);
    const noLearner = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coordA)).send({});
    expect(noLearner.status).toBe(400);
    expect(noLearner.body.message).toMatch(/learnerId or phone/);
    const badPhone = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(coordA)).send({ phone: '123' });
    expect(badPhone.status).toBe(400);
    expect(
      (
        await t
          .http()
          .post(`/api/classes/00000000-0000-4000-8000-000000000000/enrollments`)
          .set(bearer(coordA))
          .send({ learnerId: (await newUser(t, 'learner', tree.clubA)).id })
      ).status,
    ).toBe(404);
  });
});
