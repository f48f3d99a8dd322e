import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OutgoingNotification } from '../src/notifications/notification-provider.js';
import { SmsDispatcher, type SmsOutcome } from '../src/notifications/sms/sms-dispatcher.js';
import { JobQueue } from '../src/queue/job-queue.service.js';
import { JOBS } from '../src/queue/jobs.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newClass, newEmployer, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/**
 * Every notification kind from its real cause, through the API or the cron job's handler run through
 * the queue (with a controlled clock), with the real workers delivering each one: a counting
 * SmsDispatcher shows each notification dispatched exactly once.
 */
describe('notification kinds from their causes, each delivered once', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let instructor: TestUser;
  const dispatched = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({ QUEUE_WORKERS: 'on', QUEUE_POLLING_SECONDS: '1', DB_POOL_SIZE: '20' });
    const sms = t.app.get(SmsDispatcher);
    sms.dispatch = async (n: OutgoingNotification): Promise<SmsOutcome> => {
      dispatched.set(n.id, (dispatched.get(n.id) ?? 0) + 1);
      return { status: 'sent' };
    };
    tree = await newTree(t.db, 'N');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    instructor = await newUser(t, 'instructor', tree.stationA);
  });
  afterAll(() => t.close());

  /** The notifications of `kind` to `userId`, once each has been delivered (waits up to 20 s). */
  async function delivered(userId: string, kind: string, count = 1): Promise<{ id: string; payload: Record<string, unknown> }[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await t.db.query(`SELECT id, payload, sms_status FROM notifications WHERE user_id = $1 AND kind = $2 ORDER BY created_at`, [userId, kind]);
      if (rows.length >= count && rows.every((r: { sms_status: string }) => r.sms_status === 'sent')) {
        expect(rows).toHaveLength(count);
        for (const r of rows) expect(dispatched.get(r.id)).toBe(1);
        return rows;
      }
      if (Date.now() > deadline) throw new Error(`${kind} for ${userId}: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('enrollment.promoted: a seat freed moves the first waitlisted learner in', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 1 });
    const [a, b] = [await newUser(t, 'learner', tree.stationA), await newUser(t, 'learner', tree.stationA)];
    const ea = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(a)).send({});
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(b)).send({})).body.status).toBe('waitlisted');
    expect((await t.http().delete(`/api/enrollments/${ea.body.id}`).set(bearer(a))).status).toBe(204);
    const [n] = await delivered(b.id, 'enrollment.promoted');
    expect(n.payload).toEqual({ classId, course: expect.any(String) });
  });

  it('session.changed: a moved and a cancelled session reach the learner and the instructor', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, {
      startsOn: '2020-01-01',
      endsOn: '2035-01-01',
      sessions: [{ startsAt: iso(3 * DAY), endsAt: iso(3 * DAY + 2 * HOUR) }],
    });
    const learner = await newUser(t, 'learner', tree.stationA);
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(learner)).send({})).status).toBe(201);
    const [{ id: sessionId }] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classId]);
    expect(
      (
        await t
          .http()
          .patch(`/api/sessions/${sessionId}`)
          .set(bearer(coordA))
          .send({ startsAt: iso(4 * DAY), endsAt: iso(4 * DAY + 2 * HOUR), location: '二楼' })
      ).status,
    ).toBe(200);
    expect((await t.http().post(`/api/sessions/${sessionId}/cancel`).set(bearer(coordA))).status).toBe(200);
    const rows = await delivered(learner.id, 'session.changed', 2);
    expect(rows.map((r) => r.payload.change).sort()).toEqual(['cancelled', 'moved'].sort());
    expect(rows[0].payload).toMatchObject({ classId, sessionId, startsAt: expect.stringMatching(/Z$/), location: '二楼' });
    const mine = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'session.changed' AND payload->>'sessionId' = $2`,
      [instructor.id, sessionId],
    );
    expect(mine).toEqual([{ n: 2 }]);
  });

  it('certificate.issued and certificate.revoked, then certificate.expiring from the clock', async () => {
    await t.db.query(
      `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct, validity_months) VALUES ('TEST-OPEN', 'care', '测试课程', 'Test course', 0, 0, 12) ON CONFLICT DO NOTHING`,
    );
    const learner = await newUser(t, 'learner', tree.stationA);
    const classId = await newClass(t.db, tree.stationA, instructor.id, { courseCode: 'TEST-OPEN', startsOn: '2020-01-01', endsOn: '2035-01-01' });
    const enrol = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(learner)).send({});
    const issued = await t.http().post(`/api/enrollments/${enrol.body.id}/certificate`).set(bearer(coordA));
    expect(issued.status).toBe(201);
    const [n] = await delivered(learner.id, 'certificate.issued');
    expect(n.payload).toEqual({ code: issued.body.code, course: '测试课程' });
    expect((await t.http().post(`/api/certificates/${issued.body.code}/revoke`).set(bearer(coordA)).send({ reason: 'issued_in_error' })).status).toBe(200);
    expect((await delivered(learner.id, 'certificate.revoked'))[0].payload).toEqual({ code: issued.body.code, reason: 'issued_in_error' });

    // Another certificate of hers reaches 30 days before its end: the hourly job of old is now a cron job.
    const other = await newUser(t, 'learner', tree.stationA);
    const e2 = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(other)).send({});
    const c2 = await t.http().post(`/api/enrollments/${e2.body.id}/certificate`).set(bearer(coordA));
    await t.db.query(`UPDATE certificates SET expires_at = now() + interval '29 days' WHERE code = $1`, [c2.body.code]);
    await t.app.get(JobQueue).runNow(JOBS.certificateExpiry);
    await t.app.get(JobQueue).runNow(JOBS.certificateExpiry);
    const [x] = await delivered(other.id, 'certificate.expiring');
    expect(x.payload).toEqual({ code: c2.body.code, course: '测试课程', expiresAt: expect.stringMatching(/Z$/) });
  });

  it('referral.created, referral.status to her and to the referring coordinator, followup.due to coordinator and employer', async () => {
    const employerId = await newEmployer(t.db, tree.clubA);
    const staff = await newUser(t, 'employer', tree.clubA, { employerId });
    const job = await t
      .http()
      .post('/api/jobs')
      .set(bearer(coordA))
      .send({
        employerId,
        title: '住家保姆',
        description: '照顾老人',
        requiredCourseIds: [await courseId(t.db, 'VOC-HOUSE')],
        location: '福州',
        positions: 1,
        wageMin: 5000,
        wageMax: 6000,
      });
    expect(job.status).toBe(201);
    const learner = await newUser(t, 'learner', tree.stationA);
    await t.db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, hours) SELECT 'K' || substr(md5(random()::text), 1, 10), $1, id, $2, 40 FROM courses WHERE code = 'VOC-HOUSE'`,
      [learner.id, tree.stationA],
    );
    expect((await t.http().post('/api/me/consents').set(bearer(learner)).send({ scope: 'referrals' })).status).toBe(201);
    const ref = await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: learner.id, jobId: job.body.id });
    expect(ref.status).toBe(201);
    expect((await delivered(learner.id, 'referral.created'))[0].payload).toEqual({ job: '住家保姆', referralId: ref.body.id });
    for (const status of ['contacted', 'interviewing', 'hired'])
      expect((await t.http().patch(`/api/referrals/${ref.body.id}`).set(bearer(staff)).send({ status })).status).toBe(200);
    const hers = await delivered(learner.id, 'referral.status', 3);
    expect(hers.map((r) => r.payload)).toEqual(
      ['contacted', 'interviewing', 'hired'].map((status) => ({ job: '住家保姆', status, referralId: ref.body.id, role: 'learner' })),
    );
    const coordinators = await delivered(coordA.id, 'referral.status', 3);
    expect(coordinators[2].payload).toEqual({ job: '住家保姆', status: 'hired', referralId: ref.body.id, role: 'coordinator' });

    // Nothing is due yet; 31 days on, the 30-day follow-up is, once.
    const queue = t.app.get(JobQueue);
    expect(await queue.runNow(JOBS.followupsDue)).toEqual({ written: 0 });
    expect(await queue.runNow(JOBS.followupsDue, { now: iso(31 * DAY) })).toEqual({ written: 2 });
    expect(await queue.runNow(JOBS.followupsDue, { now: iso(32 * DAY) })).toEqual({ written: 0 });
    for (const user of [coordA, staff]) {
      const [f] = await delivered(user.id, 'followup.due');
      expect(f.payload).toEqual({ referralId: ref.body.id, job: '住家保姆', dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    }
  });

  it('session.reminder the evening before and the morning of, to learner and instructor, never twice, never for a cancelled session', async () => {
    // A China date well ahead, so the real clock's runs leave these sessions alone.
    const d = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const next = new Date(Date.parse(`${d}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
    const classId = await newClass(t.db, tree.stationA, instructor.id, {
      startsOn: '2020-01-01',
      endsOn: '2035-01-01',
      sessions: [
        { startsAt: at(next, '10:00'), endsAt: at(next, '12:00') },
        { startsAt: at(next, '14:00'), endsAt: at(next, '16:00') },
      ],
    });
    const learner = await newUser(t, 'learner', tree.stationA);
    expect((await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(learner)).send({})).status).toBe(201);
    const [morning, afternoon] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1 ORDER BY starts_at`, [classId]);
    expect((await t.http().post(`/api/sessions/${afternoon.id}/cancel`).set(bearer(coordA))).status).toBe(200);
    const queue = t.app.get(JobQueue);
    const run = async (now: string) => ((await queue.runNow(JOBS.sessionReminders, { now: new Date(now).toISOString() })) as { written: number }).written;

    expect(await run(at(d, '17:59'))).toBe(0); // not yet evening
    expect(await run(at(d, '18:00'))).toBe(2); // her and the instructor
    expect(await run(at(d, '18:01'))).toBe(0); // never twice
    expect(await run(at(next, '06:59'))).toBe(0);
    expect(await run(at(next, '07:00'))).toBe(2);
    expect(await run(at(next, '09:00'))).toBe(0);
    // A session added that morning for the evening is reminded at the next run, still before it starts.
    const added = await t
      .http()
      .post(`/api/classes/${classId}/sessions`)
      .set(bearer(coordA))
      .send({ startsAt: at(next, '19:00'), endsAt: at(next, '20:00') });
    expect(added.status).toBe(201);
    expect(await run(at(next, '09:01'))).toBe(2);
    expect(await run(at(next, '19:30'))).toBe(0); // started: too late, and reminded already
    const hers = await delivered(learner.id, 'session.reminder', 3);
    expect(hers.filter((r) => r.payload.sessionId === added.body.id).map((r) => r.payload.when)).toEqual(['today']);
    expect(hers.filter((r) => r.payload.sessionId === morning.id).map((r) => r.payload)).toEqual(
      ['tomorrow', 'today'].map((when) => ({
        classId,
        sessionId: morning.id,
        course: expect.any(String),
        startsAt: new Date(at(next, '10:00')).toISOString(),
        endsAt: new Date(at(next, '12:00')).toISOString(),
        location: '社区活动室',
        when,
        role: 'learner',
      })),
    );
    const theirs = await delivered(instructor.id, 'session.reminder', 3);
    expect(theirs.map((r) => r.payload.role)).toEqual(['instructor', 'instructor', 'instructor']);
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE payload->>'sessionId' = $1 AND kind = 'session.reminder'`, [afternoon.id]),
    ).toEqual([{ n: 0 }]);
  });
});
