import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SMS_KINDS } from '@hearth/contracts';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/** Her inbox: what she reads (in her language, newest first), what she marks, what she chooses for SMS, and that it is hers alone. */
describe('notification inbox', () => {
  let t: TestApp;
  let tree: TreeIds;
  let instructor: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'N');
    instructor = await newUser(t, 'instructor', tree.stationA);
    coordinator = await newUser(t, 'coordinator', tree.clubA);
  });
  afterAll(() => t.close());

  /** Rows as producers write them, `minutesAgo` apart so the order is known. */
  async function insert(userId: string, rows: { kind: string; payload: object; minutesAgo: number; read?: boolean }[]) {
    const ids: string[] = [];
    for (const r of rows) {
      const [{ id }] = await t.db.query(
        `INSERT INTO notifications (user_id, kind, payload, created_at, read_at) VALUES ($1, $2, $3, now() - make_interval(mins => $4), CASE WHEN $5 THEN now() END) RETURNING id`,
        [userId, r.kind, r.payload, r.minutesAgo, r.read ?? false],
      );
      ids.push(id);
    }
    return ids;
  }

  it('a learner moved off the waitlist finds it in her inbox, in Chinese, linked to her class page', async () => {
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 1 });
    const [a, b] = await Promise.all([newUser(t, 'learner', tree.clubA), newUser(t, 'learner', tree.clubA)]);
    const seat = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(a)).send({});
    const waiting = await t.http().post(`/api/classes/${classId}/enrollments`).set(bearer(b)).send({});
    expect([seat.body.status, waiting.body.status]).toEqual(['enrolled', 'waitlisted']);
    expect((await t.http().get('/api/me/notifications/unread-count').set(bearer(b))).body).toEqual({ unread: 0 });

    expect((await t.http().delete(`/api/enrollments/${seat.body.id}`).set(bearer(a))).status).toBe(204);

    expect((await t.http().get('/api/me/notifications/unread-count').set(bearer(b))).body).toEqual({ unread: 1 });
    const inbox = await t.http().get('/api/me/notifications').set(bearer(b));
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ total: 1, unread: 1 });
    expect(inbox.body.items[0]).toMatchObject({
      kind: 'enrollment.promoted',
      title: '您有名额了：家政服务员',
      link: `/learn/${waiting.body.id}`,
      readAt: null,
    });
    expect(inbox.body.items[0].body).toMatch(/候补/);
    // Nothing for the one who withdrew.
    expect((await t.http().get('/api/me/notifications').set(bearer(a))).body).toEqual({ items: [], total: 0, unread: 0 });
  });

  it('a certificate issued by her coordinator reaches her inbox in English when that is her language', async () => {
    const learner = await newUser(t, 'learner', tree.stationA);
    expect((await t.http().patch('/api/me').set(bearer(learner)).send({ locale: 'en' })).status).toBe(200);
    await t.db.query(
      `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct) VALUES ('INBOX-OPEN', 'care', '收件箱课程', 'Inbox course', 0, 0)`,
    );
    const classId = await newClass(t.db, tree.stationA, instructor.id, { courseCode: 'INBOX-OPEN' });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classId,
      learner.id,
    ]);
    const issued = await t.http().post(`/api/enrollments/${enrollmentId}/certificate`).set(bearer(coordinator));
    expect(issued.status).toBe(201);

    const inbox = await t.http().get('/api/me/notifications').set(bearer(learner));
    expect(inbox.body.items).toHaveLength(1);
    const [item] = inbox.body.items;
    expect(item).toMatchObject({
      kind: 'certificate.issued',
      title: 'Well done! Your certificate is ready',
      link: `/my/certificates/${encodeURIComponent(issued.body.code)}`,
    });
    expect(item.body).toContain(issued.body.code);
    expect(item.body).not.toMatch(/[\u3000-\u303f\uff00-\uffef]|证书/);
  });

  it('lists newest first, pages, filters unread, and counts what the filter matched', async () => {
    const learner = await newUser(t, 'learner', tree.clubA);
    const kinds = ['referral.created', 'certificate.revoked', 'certificate.expiring', 'referral.status', 'certificate.issued'];
    const ids = await insert(
      learner.id,
      kinds.map((kind, i) => ({
        kind,
        payload: { job: '保洁', code: `CODE-${i}`, course: '家政', expiresAt: '2027-01-05T00:00:00Z', reason: 'other', status: 'hired' },
        minutesAgo: 50 - i * 10,
        read: i === 1,
      })),
    );
    const newestFirst = [...ids].reverse();

    const first = await t.http().get('/api/me/notifications?limit=2').set(bearer(learner));
    expect(first.body).toMatchObject({ total: 5, unread: 4 });
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(newestFirst.slice(0, 2));
    const rest = await t.http().get('/api/me/notifications?limit=2&offset=2').set(bearer(learner));
    expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual(newestFirst.slice(2, 4));
    const last = await t.http().get('/api/me/notifications?limit=2&offset=4').set(bearer(learner));
    expect(last.body.items.map((i: { id: string }) => i.id)).toEqual(newestFirst.slice(4));

    const unread = await t.http().get('/api/me/notifications?unread=true').set(bearer(learner));
    expect(unread.body).toMatchObject({ total: 4, unread: 4 });
    expect(unread.body.items.map((i: { id: string }) => i.id)).not.toContain(ids[1]);
    expect(unread.body.items.every((i: { readAt: string | null }) => i.readAt === null)).toBe(true);
    const read = (await t.http().get('/api/me/notifications').set(bearer(learner))).body.items.find((i: { id: string }) => i.id === ids[1]);
    expect(Date.parse(read.readAt)).not.toBeNaN();

    for (const bad of ['limit=0', 'limit=101', 'offset=-1', 'unread=maybe', 'limit=abc']) {
      const res = await t.http().get(`/api/me/notifications?${bad}`).set(bearer(learner));
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('marks read only hers: another woman’s ids change nothing and reveal nothing', async () => {
    const [her, other] = await Promise.all([newUser(t, 'learner', tree.clubA), newUser(t, 'learner', tree.clubB)]);
    const mine = await insert(
      her.id,
      [1, 2, 3].map((m) => ({ kind: 'referral.created', payload: { job: '保洁' }, minutesAgo: m })),
    );
    const theirs = await insert(
      other.id,
      [1, 2].map((m) => ({ kind: 'referral.created', payload: { job: '月嫂' }, minutesAgo: m })),
    );

    // She cannot read them: her list holds only hers.
    const list = await t.http().get('/api/me/notifications').set(bearer(her));
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...mine].sort());
    expect(JSON.stringify(list.body)).not.toContain('月嫂');

    // Naming her own and the other's ids (and an id that exists nowhere) marks just hers, with the same answer as for hers alone.
    const res = await t
      .http()
      .post('/api/me/notifications/read')
      .set(bearer(her))
      .send({ ids: [mine[0], theirs[0], '00000000-0000-4000-8000-000000000000'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unread: 2 });
    expect((await t.http().get('/api/me/notifications/unread-count').set(bearer(other))).body).toEqual({ unread: 2 });
    const onlyTheirs = await t.http().post('/api/me/notifications/read').set(bearer(her)).send({ ids: theirs });
    expect(onlyTheirs.body).toEqual({ unread: 2 });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NOT NULL`, [other.id])).toEqual([{ n: 0 }]);

    // Without ids: all of hers, none of the other's.
    expect((await t.http().post('/api/me/notifications/read').set(bearer(her)).send({})).body).toEqual({ unread: 0 });
    expect((await t.http().get('/api/me/notifications/unread-count').set(bearer(other))).body).toEqual({ unread: 2 });

    for (const body of [{ ids: ['not-an-id'] }, { ids: 'all' }, { ids: [mine[0]], extra: 1 }]) {
      const bad = await t.http().post('/api/me/notifications/read').set(bearer(her)).send(body);
      expect({ body, status: bad.status, code: bad.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await t.http().get('/api/me/notifications')).status).toBe(401);
  });

  it('staff read theirs with staff links and no learner named', async () => {
    const employerId = (await t.db.query(`INSERT INTO employers (org_id, name, industry) VALUES ($1, '收件箱家政', '家政') RETURNING id`, [tree.clubA]))[0].id;
    const employer = await newUser(t, 'employer', tree.clubA, { employerId });
    const referralId = '5a1c3c1e-8f1e-4d35-9b7e-2f6d8a1c0e66';
    await insert(employer.id, [
      { kind: 'referral.created', payload: { job: '住家保洁员', referralId }, minutesAgo: 2 },
      { kind: 'followup.due', payload: { job: '住家保洁员', referralId, dueOn: '2027-01-05' }, minutesAgo: 1 },
    ]);
    const items = (await t.http().get('/api/me/notifications').set(bearer(employer))).body.items;
    expect(items.map((i: { link: string }) => i.link)).toEqual(['/employer/followups', `/employer/referrals/${referralId}`]);
    expect(items[0].body).toBe('“住家保洁员”岗位有一次回访，2027年1月5日 到期。');

    await insert(coordinator.id, [{ kind: 'referral.status', payload: { job: '住家保洁员', status: 'hired', role: 'coordinator' }, minutesAgo: 1 }]);
    const [note] = (await t.http().get('/api/me/notifications').set(bearer(coordinator))).body.items;
    expect(note).toMatchObject({ title: '推荐进展：已录用', link: '/manage/jobs' });
  });

  it('SMS choices: defaults, saved kinds, SMS off and on again, and a clear 400 for an unknown kind', async () => {
    const learner = await newUser(t, 'learner', tree.clubA);
    const initial = await t.http().get('/api/me/notification-preferences').set(bearer(learner));
    expect(initial.body).toEqual({ smsKinds: expect.arrayContaining([...DEFAULT_SMS_KINDS]), smsOptedOutAt: null });
    expect(initial.body.smsKinds).toHaveLength(DEFAULT_SMS_KINDS.length);

    const saved = await t
      .http()
      .put('/api/me/notification-preferences')
      .set(bearer(learner))
      .send({ smsKinds: ['certificate.revoked', 'enrollment.promoted', 'certificate.revoked'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ smsKinds: ['enrollment.promoted', 'certificate.revoked'], smsOptedOutAt: null });
    expect((await t.http().get('/api/me/notification-preferences').set(bearer(learner))).body).toEqual(saved.body);

    const off = await t.http().put('/api/me/notification-preferences').set(bearer(learner)).send({ smsKinds: [], smsOff: true });
    expect(off.body.smsKinds).toEqual([]);
    expect(Date.parse(off.body.smsOptedOutAt)).not.toBeNaN();
    // Saving kinds again without touching the switch keeps SMS off, from the same moment.
    const still = await t
      .http()
      .put('/api/me/notification-preferences')
      .set(bearer(learner))
      .send({ smsKinds: ['session.changed'] });
    expect(still.body).toEqual({ smsKinds: ['session.changed'], smsOptedOutAt: off.body.smsOptedOutAt });
    const on = await t
      .http()
      .put('/api/me/notification-preferences')
      .set(bearer(learner))
      .send({ smsKinds: ['session.changed'], smsOff: false });
    expect(on.body).toEqual({ smsKinds: ['session.changed'], smsOptedOutAt: null });

    const unknown = await t
      .http()
      .put('/api/me/notification-preferences')
      .set(bearer(learner))
      .send({ smsKinds: ['session.changed', 'marketing.promo'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(unknown.body.message)).toMatch(/smsKinds must only name notification kinds: enrollment\.promoted/);
    for (const body of [{}, { smsKinds: 'session.changed' }, { smsKinds: [], smsOff: 'yes' }, { smsKinds: [], other: true }]) {
      const bad = await t.http().put('/api/me/notification-preferences').set(bearer(learner)).send(body);
      expect({ body, status: bad.status, code: bad.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    // Another woman's choices are hers.
    const other = await newUser(t, 'learner', tree.clubA);
    expect((await t.http().get('/api/me/notification-preferences').set(bearer(other))).body.smsOptedOutAt).toBeNull();
  });

  it('her export holds her notifications and choices; erasure removes both, in the transaction that erases her', async () => {
    const learner = await newUser(t, 'learner', tree.clubA);
    const [readId] = await insert(learner.id, [
      { kind: 'certificate.issued', payload: { code: 'ERASE-1', course: '家政' }, minutesAgo: 3 },
      { kind: 'referral.created', payload: { job: '保洁' }, minutesAgo: 1 },
    ]);
    await t
      .http()
      .post('/api/me/notifications/read')
      .set(bearer(learner))
      .send({ ids: [readId] });
    await t
      .http()
      .put('/api/me/notification-preferences')
      .set(bearer(learner))
      .send({ smsKinds: ['certificate.issued'] });

    const exported = (await t.http().get('/api/me/export').set(bearer(learner))).body;
    expect(exported.notifications.map((n: { kind: string }) => n.kind)).toEqual(['certificate.issued', 'referral.created']);
    expect(exported.notifications[0].readAt).not.toBeNull();
    expect(exported.notifications[1].readAt).toBeNull();
    expect(exported.notificationPreferences).toEqual([expect.objectContaining({ smsKinds: ['certificate.issued'], smsOptedOutAt: null })]);

    const other = await newUser(t, 'learner', tree.clubA);
    await insert(other.id, [{ kind: 'referral.created', payload: { job: '保洁' }, minutesAgo: 1 }]);

    expect((await t.http().delete('/api/me').set(bearer(learner))).status).toBe(204);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [learner.id])).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notification_preferences WHERE user_id = $1`, [learner.id])).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [other.id])).toEqual([{ n: 1 }]);
    expect((await t.http().get('/api/me/notifications').set(bearer(learner))).status).toBe(401);
  });

  it('erasure that fails leaves her notifications in place (one transaction)', async () => {
    const learner = await newUser(t, 'learner', tree.clubA);
    await insert(learner.id, [{ kind: 'referral.created', payload: { job: '保洁' }, minutesAgo: 1 }]);
    await t.http().put('/api/me/notification-preferences').set(bearer(learner)).send({ smsKinds: [] });
    // A trigger makes the last step of erasure (its audit record) fail.
    await t.db.query(
      `CREATE FUNCTION inbox_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.action = 'user.erase' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
    );
    await t.db.query(`CREATE TRIGGER inbox_test_refuse BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION inbox_test_refuse()`);
    try {
      expect((await t.http().delete('/api/me').set(bearer(learner))).status).toBe(500);
    } finally {
      await t.db.query(`DROP TRIGGER inbox_test_refuse ON audit_events; DROP FUNCTION inbox_test_refuse()`);
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [learner.id])).toEqual([{ n: 1 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notification_preferences WHERE user_id = $1`, [learner.id])).toEqual([{ n: 1 }]);
  });
});
