import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DEFAULT_SMS_KINDS } from '@hearth/contracts';
import type { OutgoingNotification } from '../src/notifications/notification-provider.js';
import { SmsClock, SmsDispatcher } from '../src/notifications/sms/sms-dispatcher.js';
import { createTestApp, type TestApp } from './harness.js';
import { newTree, newUser, type TreeIds } from './factories.js';
import { aliyunOk, aliyunRefusal, FakeProvider } from './sms-fake.js';

/** An instant given as China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);

/**
 * The dispatch policy end to end: real PostgreSQL, the real Alibaba Cloud SDK, and a local fake of
 * its endpoint that records what was texted. The clock is set per test.
 */
describe('SmsDispatcher policy', () => {
  const fake = new FakeProvider(() => aliyunOk());
  let t: TestApp;
  let tree: TreeIds;
  let dispatcher: SmsDispatcher;
  let now = china('2026-12-07T10:00:00');

  beforeAll(async () => {
    await fake.start();
    t = await createTestApp({
      SMS_PROVIDER: 'aliyun',
      SMS_ACCESS_KEY_ID: 'test-key-id',
      SMS_ACCESS_KEY_SECRET: 'test-key-secret',
      SMS_SIGN_NAME: '巾帼学堂',
      SMS_ENDPOINT: fake.url,
      SMS_TEMPLATE_SESSION_REMINDER: 'SMS_480000001',
      SMS_TEMPLATE_ENROLLMENT_PROMOTED: 'SMS_480000002',
      SMS_TEMPLATE_CERTIFICATE_EXPIRING: 'SMS_480000003',
      SMS_DAILY_CAP: '3',
      SMS_TIMEOUT_SECONDS: '2',
    });
    tree = await newTree(t.db, 'SMS');
    dispatcher = t.app.get(SmsDispatcher);
    t.app.get(SmsClock).now = () => now;
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  beforeEach(() => {
    now = china('2026-12-07T10:00:00');
  });

  async function learner() {
    const u = await newUser(t, 'learner', tree.clubA);
    return u;
  }

  /** A notification row as the delivery job would hand it over. */
  async function notification(user: { id: string; phone: string | null }, kind: string, payload: Record<string, unknown>): Promise<OutgoingNotification> {
    // Reminders are unique per person, session and moment: give each row a session of its own.
    if (kind === 'session.reminder') payload = { ...payload, sessionId: randomUUID() };
    const rows: { id: string }[] = await t.db.query(`INSERT INTO notifications (user_id, kind, payload) VALUES ($1, $2, $3) RETURNING id`, [
      user.id,
      kind,
      payload,
    ]);
    return { id: rows[0].id, userId: user.id, phone: user.phone, locale: 'zh-CN', kind, payload };
  }

  const reminder = {
    classId: 'c1',
    sessionId: 's1',
    course: '家政服务员',
    startsAt: '2026-12-08T01:00:00Z',
    endsAt: '2026-12-08T03:00:00Z',
    location: '鼓山镇服务点',
    when: 'tomorrow',
  };

  it('texts a default kind through the provider, records it once, and audits kind and time without the text or the phone', async () => {
    const her = await learner();
    const n = await notification(her, 'session.reminder', reminder);
    const before = fake.requests.length;
    fake.answerNext(aliyunOk('biz-777'));
    expect(await dispatcher.dispatch(n)).toEqual({ status: 'sent', providerMessageId: 'biz-777' });
    expect(fake.requests.length).toBe(before + 1);
    const q = Object.fromEntries(fake.requests.at(-1)!.url.searchParams);
    expect(q).toMatchObject({ PhoneNumbers: `+86${her.phone}`, SignName: '巾帼学堂', TemplateCode: 'SMS_480000001' });
    expect(JSON.parse(q.TemplateParam)).toEqual({ course: '家政服务员', time: '12月8日 09:00', place: '鼓山镇服务点' });

    const rows = await t.db.query(`SELECT user_id, kind, provider, provider_message_id, status, sent_at FROM sms_messages WHERE notification_id = $1`, [n.id]);
    expect(rows).toEqual([{ user_id: her.id, kind: 'session.reminder', provider: 'aliyun', provider_message_id: 'biz-777', status: 'sent', sent_at: now }]);
    const audit = await t.db.query(`SELECT action, entity_type, entity_id, org_id, details FROM audit_events WHERE action = 'sms.sent' AND entity_id = $1`, [
      her.id,
    ]);
    expect(audit).toEqual([
      { action: 'sms.sent', entity_type: 'user', entity_id: her.id, org_id: tree.clubA, details: { kind: 'session.reminder', provider: 'aliyun' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(her.phone.slice(-4));
    expect(JSON.stringify(audit)).not.toContain('家政');
  });

  it('is idempotent: a second dispatch, or two at once, text her once', async () => {
    const her = await learner();
    const n = await notification(her, 'enrollment.promoted', { classId: 'c1', course: '养老护理员' });
    const before = fake.requests.length;
    expect((await dispatcher.dispatch(n)).status).toBe('sent');
    expect(await dispatcher.dispatch(n)).toEqual({ status: 'skipped', reason: 'already-sent' });

    const m = await notification(her, 'enrollment.promoted', { classId: 'c2', course: '育婴员' });
    const both = await Promise.all([dispatcher.dispatch(m), dispatcher.dispatch(m)]);
    expect(both.map((o) => o.status).sort()).toEqual(['sent', 'skipped']);
    expect(both).toContainEqual({ status: 'skipped', reason: 'already-sent' });
    expect(fake.requests.length).toBe(before + 2);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM sms_messages WHERE user_id = $1`, [her.id]))[0].n).toBe(2);
  });

  it('texts only the kinds she chose (defaults without a row), and nothing while she is opted out', async () => {
    expect(DEFAULT_SMS_KINDS).not.toContain('certificate.expiring');
    const her = await learner();
    const expiring = { code: 'HXABCDEFGHJ', course: '家政服务员', expiresAt: '2027-01-05T00:00:00Z' };
    const before = fake.requests.length;
    expect(await dispatcher.dispatch(await notification(her, 'certificate.expiring', expiring))).toEqual({ status: 'skipped', reason: 'not-chosen' });

    await t.db.query(`INSERT INTO notification_preferences (user_id, sms_kinds) VALUES ($1, $2)`, [her.id, ['certificate.expiring']]);
    expect(await dispatcher.dispatch(await notification(her, 'session.reminder', reminder))).toEqual({ status: 'skipped', reason: 'not-chosen' });
    expect((await dispatcher.dispatch(await notification(her, 'certificate.expiring', expiring))).status).toBe('sent');
    expect(JSON.parse(fake.requests.at(-1)!.url.searchParams.get('TemplateParam')!)).toEqual({
      course: '家政服务员',
      code: 'HXABCDEFGHJ',
      date: '2027年1月5日',
    });

    await t.db.query(`UPDATE notification_preferences SET sms_opted_out_at = now() WHERE user_id = $1`, [her.id]);
    expect(await dispatcher.dispatch(await notification(her, 'certificate.expiring', expiring))).toEqual({ status: 'skipped', reason: 'opted-out' });
    expect(fake.requests.length).toBe(before + 1);
  });

  it('skips a kind the deployment has no template for, and someone without a phone', async () => {
    const her = await learner();
    await t.db.query(`INSERT INTO notification_preferences (user_id, sms_kinds) VALUES ($1, $2)`, [her.id, ['certificate.issued', 'session.reminder']]);
    expect(await dispatcher.dispatch(await notification(her, 'certificate.issued', { code: 'HXABCDEFGHJ', course: '家政服务员' }))).toEqual({
      status: 'skipped',
      reason: 'unsupported-kind',
    });
    expect(await dispatcher.dispatch(await notification({ id: her.id, phone: null }, 'session.reminder', reminder))).toEqual({
      status: 'skipped',
      reason: 'no-phone',
    });
    expect(await dispatcher.dispatch({ ...(await notification(her, 'session.reminder', reminder)), kind: 'something.else' })).toEqual({
      status: 'skipped',
      reason: 'unsupported-kind',
    });
  });

  it('waits out quiet hours (21:00–08:00 China time) until 08:00 China time, then sends', async () => {
    const her = await learner();
    const n = await notification(her, 'session.reminder', reminder);
    const before = fake.requests.length;
    now = china('2026-12-07T21:00:00');
    expect(await dispatcher.dispatch(n)).toEqual({ status: 'deferred', reason: 'quiet-hours', until: china('2026-12-08T08:00:00') });
    now = china('2026-12-08T02:30:00');
    expect(await dispatcher.dispatch(n)).toEqual({ status: 'deferred', reason: 'quiet-hours', until: china('2026-12-08T08:00:00') });
    now = china('2026-12-08T07:59:59');
    expect(await dispatcher.dispatch(n)).toMatchObject({ status: 'deferred', until: china('2026-12-08T08:00:00') });
    expect(fake.requests.length).toBe(before);
    now = china('2026-12-08T08:00:00');
    expect((await dispatcher.dispatch(n)).status).toBe('sent');
    now = china('2026-12-08T20:59:00');
    expect((await dispatcher.dispatch(await notification(her, 'session.reminder', reminder))).status).toBe('sent');
  });

  it('caps her texts per China calendar day (SMS_DAILY_CAP=3) and starts again the next China day', async () => {
    const her = await learner();
    now = china('2026-12-07T08:30:00');
    for (let i = 0; i < 3; i += 1)
      expect((await dispatcher.dispatch(await notification(her, 'enrollment.promoted', { classId: `c${i}`, course: '育婴员' }))).status).toBe('sent');
    now = china('2026-12-07T20:00:00');
    const fourth = await notification(her, 'enrollment.promoted', { classId: 'c4', course: '育婴员' });
    expect(await dispatcher.dispatch(fourth)).toEqual({ status: 'skipped', reason: 'daily-cap' });
    // Someone else's texts do not count against hers.
    const other = await learner();
    expect((await dispatcher.dispatch(await notification(other, 'enrollment.promoted', { classId: 'c5', course: '育婴员' }))).status).toBe('sent');
    now = china('2026-12-08T08:00:00');
    expect((await dispatcher.dispatch(await notification(her, 'enrollment.promoted', { classId: 'c6', course: '育婴员' }))).status).toBe('sent');
  });

  it("defers on the provider's flow control past its window, and sends then", async () => {
    const her = await learner();
    const n = await notification(her, 'session.reminder', reminder);
    now = china('2026-12-07T10:00:00');
    fake.answerNext(aliyunRefusal('isv.BUSINESS_LIMIT_CONTROL', '触发小时级流控Permits:5'));
    expect(await dispatcher.dispatch(n)).toEqual({ status: 'deferred', reason: 'rate-limited', until: china('2026-12-07T11:00:00') });
    expect(await t.db.query(`SELECT 1 FROM sms_messages WHERE notification_id = $1`, [n.id])).toEqual([]);
    // A day-level limit late in the evening waits for the next morning, not for midnight.
    now = china('2026-12-07T20:30:00');
    fake.answerNext(aliyunRefusal('isv.BUSINESS_LIMIT_CONTROL', '触发天级流控Permits:10'));
    expect(await dispatcher.dispatch(n)).toEqual({ status: 'deferred', reason: 'rate-limited', until: china('2026-12-08T08:00:00') });
    now = china('2026-12-08T08:00:00');
    expect((await dispatcher.dispatch(n)).status).toBe('sent');
  });

  it('throws on transient trouble (the job retries) and sends on the retry; a permanent refusal is final', async () => {
    const her = await learner();
    const n = await notification(her, 'session.reminder', reminder);
    fake.answerNext({ status: 503, json: { Code: 'ServiceUnavailable', Message: 'busy' } });
    await expect(dispatcher.dispatch(n)).rejects.toThrow(/unavailable/);
    fake.answerNext('drop');
    await expect(dispatcher.dispatch(n)).rejects.toThrow();
    expect((await dispatcher.dispatch(n)).status).toBe('sent');

    const m = await notification(her, 'session.reminder', reminder);
    fake.answerNext(aliyunRefusal('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号'));
    const refused = { status: 'failed', reason: 'invalid-number', code: 'isv.MOBILE_NUMBER_ILLEGAL' };
    expect(await dispatcher.dispatch(m)).toEqual(refused);
    const before = fake.requests.length;
    expect(await dispatcher.dispatch(m)).toEqual(refused);
    expect(fake.requests.length).toBe(before);
    // A refused text does not count against her daily cap.
    expect((await t.db.query(`SELECT status FROM sms_messages WHERE notification_id = $1`, [m.id]))[0].status).toBe('failed');
  });

  it('erasing her data (DELETE /api/me) removes her SMS records with her notifications', async () => {
    const her = await learner();
    const n = await notification(her, 'session.reminder', reminder);
    expect((await dispatcher.dispatch(n)).status).toBe('sent');
    expect((await t.http().delete('/api/me').set('Authorization', `Bearer ${her.token}`)).status).toBe(204);
    expect(await t.db.query(`SELECT 1 FROM sms_messages WHERE user_id = $1`, [her.id])).toEqual([]);
  });
});
