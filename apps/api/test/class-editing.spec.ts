import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StatsRefreshService } from '../src/reports/stats-refresh.service.js';
import { SeedService } from '../src/seed/seed.service.js';
import { AttendanceService } from '../src/attendance/attendance.service.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newOrg, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const HOUR = 3600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('editing a class after it was created', () => {
  let t: TestApp;
  let tree: TreeIds;
  let instructor: TestUser;
  let otherInstructor: TestUser;
  let coordA: TestUser;
  let coordB: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'E');
    instructor = await newUser(t, 'instructor', tree.stationA);
    otherInstructor = await newUser(t, 'instructor', tree.stationA);
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
    admin = await newUser(t, 'admin', tree.county);
  });
  afterAll(() => t.close());

  /** A class at station A with sessions at these offsets (hours from now, 2 h each), `enrolled` learners and `waitlisted` more. */
  async function classWith(
    offsetsHours: number[],
    enrolled: number,
    options: { capacity?: number; waitlisted?: number; names?: string[]; orgId?: string } = {},
  ) {
    const classId = await newClass(t.db, options.orgId ?? tree.stationA, instructor.id, {
      startsOn: '2020-01-01',
      endsOn: '2035-01-01',
      capacity: options.capacity ?? 30,
      sessions: offsetsHours.map((h) => ({ startsAt: iso(h * HOUR), endsAt: iso(h * HOUR + 2 * HOUR) })),
    });
    const sessions: string[] = (await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1 ORDER BY starts_at`, [classId])).map(
      (r: { id: string }) => r.id,
    );
    const learners: TestUser[] = [];
    const enrollments: string[] = [];
    for (let i = 0; i < enrolled; i++) {
      const l = await newUser(t, 'learner', tree.clubA, options.names?.[i] ? { name: options.names[i] } : {});
      learners.push(l);
      enrollments.push(
        (await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [classId, l.id]))[0].id,
      );
    }
    const waiting: TestUser[] = [];
    for (let i = 0; i < (options.waitlisted ?? 0); i++) {
      const l = await newUser(t, 'learner', tree.clubA);
      waiting.push(l);
      await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status, waitlist_position) VALUES ($1, $2, 'waitlisted', $3)`, [classId, l.id, i + 1]);
    }
    await t.db.query(`UPDATE classes SET enrolled_count = $2, waitlist_count = $3 WHERE id = $1`, [classId, enrolled, waiting.length]);
    return { classId, sessions, learners, enrollments, waiting };
  }

  const changedRows = (sessionId: string) =>
    t.db.query(`SELECT user_id, payload FROM notifications WHERE kind = 'session.changed' AND payload->>'sessionId' = $1`, [sessionId]) as Promise<
      { user_id: string; payload: Record<string, unknown> }[]
    >;

  describe('capacity', () => {
    it('refuses a capacity below the enrolled count with CAPACITY_BELOW_ENROLLED', async () => {
      const c = await classWith([24], 3, { capacity: 3 });
      const res = await t.http().patch(`/api/classes/${c.classId}`).set(bearer(coordA)).send({ capacity: 2 });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CAPACITY_BELOW_ENROLLED');
      expect((await t.db.query(`SELECT capacity FROM classes WHERE id = $1`, [c.classId]))[0].capacity).toBe(3);
    });

    it('raising capacity promotes waitlisted learners in their order', async () => {
      const c = await classWith([24], 2, { capacity: 2, waitlisted: 3 });
      const res = await t.http().patch(`/api/classes/${c.classId}`).set(bearer(coordA)).send({ capacity: 4 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ capacity: 4, enrolledCount: 4, waitlistCount: 1 });
      const statuses = await t.db.query(`SELECT learner_id, status, waitlist_position FROM enrollments WHERE class_id = $1`, [c.classId]);
      const of = (u: TestUser) => statuses.find((s: { learner_id: string }) => s.learner_id === u.id);
      expect(of(c.waiting[0])).toMatchObject({ status: 'enrolled', waitlist_position: null });
      expect(of(c.waiting[1])).toMatchObject({ status: 'enrolled' });
      expect(of(c.waiting[2])).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
    });

    it('changes instructor and place, audited, and tells both instructors', async () => {
      const c = await classWith([24], 1);
      const res = await t.http().patch(`/api/classes/${c.classId}`).set(bearer(coordA)).send({ instructorId: otherInstructor.id, location: '新活动室' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ instructorId: otherInstructor.id, location: '新活动室' });
      const told = await t.db.query(`SELECT user_id FROM notifications WHERE kind = 'session.changed' AND payload->>'classId' = $1`, [c.classId]);
      expect(told.map((r: { user_id: string }) => r.user_id).sort()).toEqual([instructor.id, otherInstructor.id].sort());
      const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [c.classId]);
      expect(audit.map((a: { action: string }) => a.action)).toContain('class.update');
    });
  });

  describe('sessions', () => {
    it('moves a session, tells each enrolled learner and the instructor once, and audits it', async () => {
      const c = await classWith([24, 48], 3, { waitlisted: 1 });
      const startsAt = '2031-03-04T09:00:00+08:00';
      const res = await t
        .http()
        .patch(`/api/sessions/${c.sessions[1]}`)
        .set(bearer(coordA))
        .send({ startsAt, endsAt: '2031-03-04T11:30:00+08:00', location: '二楼教室' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: c.sessions[1], classId: c.classId, location: '二楼教室', cancelledAt: null });
      expect(new Date(res.body.startsAt).toISOString()).toBe('2031-03-04T01:00:00.000Z');
      const rows = await changedRows(c.sessions[1]);
      // One row per enrolled learner (not the waitlisted one) and one for the instructor.
      expect(rows.map((r) => r.user_id).sort()).toEqual([...c.learners.map((l) => l.id), instructor.id].sort());
      expect(rows[0].payload).toMatchObject({ change: 'moved', classId: c.classId, location: '二楼教室', previous: expect.any(Object) });
      const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [c.sessions[1]]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['session.move']);
      // The class dates widen to cover the moved session (China calendar).
      const klass = await t.http().get(`/api/classes/${c.classId}`).set(bearer(coordA));
      expect(klass.body.endsOn).toBe('2035-01-01');
      expect(klass.body.sessions.map((s: { id: string }) => s.id)).toEqual(c.sessions);
    });

    it('refuses a move that ends before it starts, and one outside the caller subtree', async () => {
      const c = await classWith([24], 0);
      const backwards = await t
        .http()
        .patch(`/api/sessions/${c.sessions[0]}`)
        .set(bearer(coordA))
        .send({ startsAt: '2031-03-04T11:00:00+08:00', endsAt: '2031-03-04T09:00:00+08:00' });
      expect(backwards.status).toBe(400);
      const outsider = await t.http().patch(`/api/sessions/${c.sessions[0]}`).set(bearer(coordB)).send({ location: '别处' });
      expect(outsider.status).toBe(404);
      const instructorTries = await t.http().patch(`/api/sessions/${c.sessions[0]}`).set(bearer(instructor)).send({ location: '别处' });
      expect(instructorTries.status).toBe(403);
    });

    it('adds a session, widening the class dates', async () => {
      const c = await classWith([24], 2);
      await t.db.query(`UPDATE classes SET ends_on = '2030-01-01' WHERE id = $1`, [c.classId]);
      const res = await t
        .http()
        .post(`/api/classes/${c.classId}/sessions`)
        .set(bearer(admin))
        .send({ startsAt: '2036-05-10T14:00:00+08:00', endsAt: '2036-05-10T16:00:00+08:00' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ classId: c.classId, location: '社区活动室', cancelledAt: null });
      const klass = await t.http().get(`/api/classes/${c.classId}`).set(bearer(coordA));
      expect(klass.body.sessions).toHaveLength(2);
      expect(klass.body.endsOn).toBe('2036-05-10');
      expect((await changedRows(res.body.id)).map((r) => r.payload.change)).toEqual(['added', 'added', 'added']);
    });

    it('cancels a session: kept, shown as cancelled, learners told once, not counted as held', async () => {
      const c = await classWith([-50, -26, -2], 2);
      const [a, b] = c.learners;
      // She came to the first two; nobody was marked in the third.
      await t
        .http()
        .put(`/api/sessions/${c.sessions[0]}/attendance`)
        .set(bearer(coordA))
        .send({
          marks: [
            { learnerId: a.id, status: 'present' },
            { learnerId: b.id, status: 'absent' },
          ],
        })
        .expect(200);
      await t
        .http()
        .put(`/api/sessions/${c.sessions[1]}/attendance`)
        .set(bearer(coordA))
        .send({
          marks: [
            { learnerId: a.id, status: 'present' },
            { learnerId: b.id, status: 'present' },
          ],
        })
        .expect(200);
      const before = await t.http().get(`/api/enrollments/${c.enrollments[0]}/attendance`).set(bearer(a));
      expect(before.body).toMatchObject({ sessions: 3, attended: 2 });

      const cancel = await t.http().post(`/api/sessions/${c.sessions[2]}/cancel`).set(bearer(coordA));
      expect(cancel.status).toBe(200);
      expect(cancel.body.cancelledAt).toEqual(expect.any(String));
      // A second cancel changes nothing and tells nobody again.
      expect((await t.http().post(`/api/sessions/${c.sessions[2]}/cancel`).set(bearer(coordA))).status).toBe(200);
      const rows = await changedRows(c.sessions[2]);
      expect(rows.map((r) => r.user_id).sort()).toEqual([a.id, b.id, instructor.id].sort());
      expect(rows.every((r) => r.payload.change === 'cancelled')).toBe(true);

      const after = await t.http().get(`/api/enrollments/${c.enrollments[0]}/attendance`).set(bearer(a));
      expect(after.body).toMatchObject({ sessions: 2, totalSessions: 2, attended: 2, rate: 1 });
      const klass = await t.http().get(`/api/classes/${c.classId}`).set(bearer(coordA));
      expect(klass.body.sessions).toHaveLength(3);
      expect(klass.body.sessions[2].cancelledAt).toEqual(expect.any(String));
      // A cancelled session takes no marks and cannot be moved.
      const mark = await t
        .http()
        .put(`/api/sessions/${c.sessions[2]}/attendance`)
        .set(bearer(coordA))
        .send({ marks: [{ learnerId: a.id, status: 'present' }] });
      expect(mark.status).toBe(422);
      expect(mark.body.code).toBe('SESSION_CANCELLED');
      const move = await t.http().patch(`/api/sessions/${c.sessions[2]}`).set(bearer(coordA)).send({ location: '别处' });
      expect(move.body.code).toBe('SESSION_CANCELLED');
    });

    it('leaves marks of a cancelled session out of the roster rates and the dashboard', async () => {
      // A station of its own, so the dashboard counts only this class.
      const station = await newOrg(t.db, 'station', '取消课驿站', tree.clubA);
      const c = await classWith([-50, -26], 1, { orgId: station });
      const [a] = c.learners;
      await t
        .http()
        .put(`/api/sessions/${c.sessions[0]}/attendance`)
        .set(bearer(coordA))
        .send({ marks: [{ learnerId: a.id, status: 'present' }] })
        .expect(200);
      await t
        .http()
        .put(`/api/sessions/${c.sessions[1]}/attendance`)
        .set(bearer(coordA))
        .send({ marks: [{ learnerId: a.id, status: 'absent' }] })
        .expect(200);
      const roster = await t.http().get(`/api/sessions/${c.sessions[0]}/attendance`).set(bearer(instructor));
      expect(roster.body.items[0].rate).toBe(0.5);
      await t.http().post(`/api/sessions/${c.sessions[1]}/cancel`).set(bearer(coordA)).expect(200);
      const again = await t.http().get(`/api/sessions/${c.sessions[0]}/attendance`).set(bearer(instructor));
      expect(again.body.items[0].rate).toBe(1);
      await t.app.get(StatsRefreshService).refreshAll();
      const stats = await t.db.query(`SELECT sum(marks)::int AS marks, sum(attended)::int AS attended FROM org_stats_direct WHERE org_id = $1`, [station]);
      expect(stats[0]).toEqual({ marks: 1, attended: 1 });
    });
  });

  describe('attendance history', () => {
    it('the class instructor reads the history of her own sessions, not of another class', async () => {
      const mine = await classWith([-2], 1);
      await t
        .http()
        .put(`/api/sessions/${mine.sessions[0]}/attendance`)
        .set(bearer(instructor))
        .send({ marks: [{ learnerId: mine.learners[0].id, status: 'late' }] })
        .expect(200);
      const own = await t.http().get(`/api/sessions/${mine.sessions[0]}/attendance/history`).set(bearer(instructor));
      expect(own.status).toBe(200);
      expect(own.body.items).toHaveLength(1);
      const other = await t.http().get(`/api/sessions/${mine.sessions[0]}/attendance/history`).set(bearer(otherInstructor));
      expect(other.status).toBe(404);
      expect((await t.http().get(`/api/sessions/${mine.sessions[0]}/attendance/history`).set(bearer(coordA))).status).toBe(200);
      expect((await t.http().get(`/api/sessions/${mine.sessions[0]}/attendance/history`).set(bearer(coordB))).status).toBe(404);
    });
  });

  describe('check-in', () => {
    it('mints no code for an ended session', async () => {
      const c = await classWith([-5, -1], 1);
      const ended = await t.http().post(`/api/sessions/${c.sessions[0]}/check-in-code`).set(bearer(instructor));
      expect(ended.status).toBe(422);
      expect(ended.body.code).toBe('SESSION_ENDED');
      expect((await t.http().post(`/api/sessions/${c.sessions[1]}/check-in-code`).set(bearer(instructor))).status).toBe(200);
    });

    it('tells the learner whether check-in is open and whether she has checked in', async () => {
      const c = await classWith([-5, -1], 1);
      const [a] = c.learners;
      const ended = await t.http().get(`/api/sessions/${c.sessions[0]}/check-in`).set(bearer(a));
      expect(ended.body).toMatchObject({ state: 'ended', checkedIn: false });
      const { code } = (await t.http().post(`/api/sessions/${c.sessions[1]}/check-in-code`).set(bearer(instructor))).body;
      await t.http().post(`/api/sessions/${c.sessions[1]}/check-in`).set(bearer(a)).send({ code }).expect(200);
      const open = await t.http().get(`/api/sessions/${c.sessions[1]}/check-in`).set(bearer(a));
      expect(open.body).toMatchObject({ state: 'open', checkedIn: true });
      const stranger = await newUser(t, 'learner', tree.clubA);
      expect((await t.http().get(`/api/sessions/${c.sessions[1]}/check-in`).set(bearer(stranger))).status).toBe(404);
    });
  });

  describe('demo data', () => {
    it('marks the running demo classes for the sessions already started, so demo learners are on track', async () => {
      await t.app.get(SeedService).seedDemo();
      const enrollments: { id: string; code: string }[] = await t.db.query(
        `SELECT e.id, c.code FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id
          WHERE c.code IN ('VOC-ELDER', 'LAW-MPL') AND e.status = 'enrolled'`,
      );
      expect(enrollments.map((e) => e.code).sort()).toEqual(['LAW-MPL', 'VOC-ELDER']);
      for (const e of enrollments) {
        const summary = await t.app.get(AttendanceService).enrollmentSummary(e.id);
        expect(summary!.sessions).toBeGreaterThan(0);
        expect(summary).toMatchObject({ attended: summary!.sessions, rate: 1, cannotReachMinimum: false, belowMinimum: false });
      }
      // Each mark has its history row, as a roster save writes.
      const [{ marks, history }] = await t.db.query(
        `SELECT (SELECT count(*)::int FROM attendance_marks) AS marks, (SELECT count(*)::int FROM attendance_history) AS history`,
      );
      expect(history).toBeGreaterThanOrEqual(marks);
    });
  });

  describe('roster order', () => {
    it('sorts names in Chinese (pinyin) order in both rosters', async () => {
      // 张 zhāng, 安 ān, 李 lǐ, 陈 chén: pinyin order is 安 陈 李 张 (code points would put 安 first but 张 before 陈).
      const c = await classWith([-1], 4, { names: ['张敏', '安琪', '李娜', '陈静'] });
      const expected = ['安琪', '陈静', '李娜', '张敏'];
      const session = await t.http().get(`/api/sessions/${c.sessions[0]}/attendance`).set(bearer(instructor));
      expect(session.body.items.map((r: { name: string }) => r.name)).toEqual(expected);
      const roster = await t.http().get(`/api/classes/${c.classId}/enrollments`).set(bearer(coordA));
      expect(roster.body.items.map((r: { name: string }) => r.name)).toEqual(expected);
    });
  });
});
