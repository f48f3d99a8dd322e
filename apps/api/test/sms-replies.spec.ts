import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SMS_KINDS } from '@hearth/contracts';
import { routeInventory } from '../src/common/route-inventory.js';
import { SmsClock, SmsDispatcher } from '../src/notifications/sms/sms-dispatcher.js';
import { isOptOutReply } from '../src/notifications/sms/sms-replies.service.js';
import { createTestApp, type TestApp } from './harness.js';
import { newPhone, newTree, newUser, type TreeIds } from './factories.js';

const SECRET = 'reply-secret-0123456789abcdef';

/** Replies (上行短信) pushed by each provider to its callback URL: a "stop" reply opts her out. */
describe('SMS reply callbacks', () => {
  let t: TestApp;
  let tree: TreeIds;

  beforeAll(async () => {
    t = await createTestApp({ SMS_REPLY_SECRET: SECRET });
    tree = await newTree(t.db, 'REPLY');
  });
  afterAll(() => t.close());

  const prefs = async (userId: string) =>
    (await t.db.query(`SELECT sms_kinds, sms_opted_out_at FROM notification_preferences WHERE user_id = $1`, [userId]))[0] ?? null;

  it('refuse a missing or wrong secret with 401, on both routes, and change nothing', async () => {
    const her = await newUser(t, 'learner', tree.clubA);
    const aliyun = [{ phone_number: her.phone, content: 'TD', send_time: '2026-12-07 10:00:00', sign_name: '巾帼学堂', dest_code: '1234', sequence_id: 1 }];
    const tencent = { mobile: her.phone, nationcode: '86', text: 'TD', sign: '巾帼学堂', time: 1796488053, extend: '' };
    for (const path of ['/api/sms/replies/aliyun', `/api/sms/replies/aliyun?token=${SECRET.slice(0, -1)}x`, `/api/sms/replies/aliyun?token=${SECRET}extra`]) {
      const res = await t.http().post(path).send(aliyun);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.http().post('/api/sms/replies/tencent?token=nope').send(tencent)).status).toBe(401);
    expect((await t.http().post('/api/sms/replies/tencent').set('X-Sms-Reply-Token', 'nope').send(tencent)).status).toBe(401);
    expect(await prefs(her.id)).toBeNull();
  });

  it('Alibaba Cloud: TD opts her out (defaults kept as her kinds), answered {code: 0}', async () => {
    const her = await newUser(t, 'learner', tree.clubA);
    const other = await newUser(t, 'learner', tree.clubA);
    const res = await t
      .http()
      .post(`/api/sms/replies/aliyun?token=${SECRET}`)
      .send([
        { phone_number: her.phone, content: ' td ', send_time: '2026-12-07 10:00:00', sign_name: '巾帼学堂', dest_code: '1234', sequence_id: 1234567890 },
        {
          phone_number: other.phone,
          content: '好的，谢谢',
          send_time: '2026-12-07 10:00:01',
          sign_name: '巾帼学堂',
          dest_code: '1234',
          sequence_id: 1234567891,
        },
      ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, msg: '接收成功' });
    const p = await prefs(her.id);
    expect(p.sms_kinds).toEqual([...DEFAULT_SMS_KINDS]);
    expect(p.sms_opted_out_at).toBeInstanceOf(Date);
    expect(await prefs(other.id)).toBeNull();
    const audit = await t.db.query(`SELECT action, entity_id, details FROM audit_events WHERE action = 'sms.opted_out' AND entity_id = $1`, [her.id]);
    expect(audit).toEqual([{ action: 'sms.opted_out', entity_id: her.id, details: { provider: 'aliyun' } }]);

    // After that, nothing is texted to her.
    const n = (
      await t.db.query(
        `INSERT INTO notifications (user_id, kind, payload) VALUES ($1, 'enrollment.promoted', '{"classId":"c","course":"育婴员"}') RETURNING id`,
        [her.id],
      )
    )[0].id;
    expect(
      await t.app
        .get(SmsDispatcher)
        .dispatch({ id: n, userId: her.id, phone: her.phone, locale: 'zh-CN', kind: 'enrollment.promoted', payload: { classId: 'c', course: '育婴员' } }),
    ).toEqual({ status: 'skipped', reason: 'opted-out' });
  });

  it('Tencent Cloud: 退订 from +86 opts her out and keeps the kinds she chose, answered {result: 0}', async () => {
    const her = await newUser(t, 'learner', tree.clubA);
    await t.db.query(`INSERT INTO notification_preferences (user_id, sms_kinds) VALUES ($1, $2)`, [her.id, ['certificate.issued']]);
    const res = await t
      .http()
      .post('/api/sms/replies/tencent')
      .set('X-Sms-Reply-Token', SECRET)
      .send({ mobile: her.phone, nationcode: '86', text: '退订', sign: '巾帼学堂', time: 1796488053, extend: '' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: 0, errmsg: 'OK' });
    const p = await prefs(her.id);
    expect(p.sms_kinds).toEqual(['certificate.issued']);
    expect(p.sms_opted_out_at).toBeInstanceOf(Date);

    // A second TD keeps the first opt-out time and writes no second audit event.
    await t.http().post(`/api/sms/replies/tencent?token=${SECRET}`).send({ mobile: her.phone, nationcode: '86', text: 'T', time: 1796488099 });
    expect((await prefs(her.id)).sms_opted_out_at).toEqual(p.sms_opted_out_at);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'sms.opted_out' AND entity_id = $1`, [her.id]))[0].n).toBe(1);
  });

  it('an unknown number, or one abroad, is answered the same and changes nothing (no enumeration)', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM notification_preferences`))[0].n;
    const unknown = await t.http().post(`/api/sms/replies/tencent?token=${SECRET}`).send({ mobile: newPhone(), nationcode: '86', text: 'TD', time: 1 });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ result: 0, errmsg: 'OK' });
    const her = await newUser(t, 'learner', tree.clubA);
    expect((await t.http().post(`/api/sms/replies/tencent?token=${SECRET}`).send({ mobile: her.phone, nationcode: '852', text: 'TD', time: 1 })).body).toEqual({
      result: 0,
      errmsg: 'OK',
    });
    const aliyun = await t
      .http()
      .post(`/api/sms/replies/aliyun?token=${SECRET}`)
      .send([{ phone_number: newPhone(), content: 'N', send_time: 'x', sign_name: 'x', dest_code: '1', sequence_id: 2 }]);
    expect(aliyun.body).toEqual({ code: 0, msg: '接收成功' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM notification_preferences`))[0].n).toBe(before);
  });

  it("a body that is not the provider's shape is a 400, not a 500", async () => {
    expect((await t.http().post(`/api/sms/replies/aliyun?token=${SECRET}`).send({ phone_number: '13900000000', content: 'TD' })).status).toBe(400);
    expect(
      (
        await t
          .http()
          .post(`/api/sms/replies/aliyun?token=${SECRET}`)
          .send([{ phone_number: 13900000000 }])
      ).status,
    ).toBe(400);
    expect(
      (
        await t
          .http()
          .post(`/api/sms/replies/tencent?token=${SECRET}`)
          .send([{ mobile: '13900000000', text: 'TD' }])
      ).status,
    ).toBe(400);
  });

  it('are public routes limited per client address like the other public routes', () => {
    const rules = routeInventory(t.app).filter((r) => r.path.startsWith('/api/sms/replies/'));
    expect(rules.map((r) => [r.method, r.path, r.rule])).toEqual([
      ['POST', '/api/sms/replies/aliyun', { kind: 'public', rateLimited: true }],
      ['POST', '/api/sms/replies/tencent', { kind: 'public', rateLimited: true }],
    ]);
  });

  it('the default log provider applies the same rules and texts into the log, once', async () => {
    t.app.get(SmsClock).now = () => new Date('2026-12-07T10:00:00+08:00');
    const her = await newUser(t, 'learner', tree.clubA);
    const payload = { classId: 'c', course: '育婴员' };
    const id = (
      await t.db.query(`INSERT INTO notifications (user_id, kind, payload) VALUES ($1, 'enrollment.promoted', $2) RETURNING id`, [her.id, payload])
    )[0].id;
    const n = { id, userId: her.id, phone: her.phone, locale: 'zh-CN', kind: 'enrollment.promoted', payload };
    const sent = await t.app.get(SmsDispatcher).dispatch(n);
    expect(sent).toEqual({ status: 'sent', providerMessageId: expect.stringMatching(/^log-/) });
    expect(await t.app.get(SmsDispatcher).dispatch(n)).toEqual({ status: 'skipped', reason: 'already-sent' });
    expect((await t.db.query(`SELECT provider, status FROM sms_messages WHERE notification_id = $1`, [id]))[0]).toEqual({ provider: 'log', status: 'sent' });
  });

  it('reads TD, T, N and 退订 in any case and width as stop, and nothing else', () => {
    for (const yes of ['TD', 'td', ' Td ', 'T', 't', 'N', 'n', '退订', '退订。', 'ＴＤ', 'TD.']) expect([yes, isOptOutReply(yes)]).toEqual([yes, true]);
    for (const no of ['好的', 'TDD', 'NO', 'stop TD', '', '退订吗？', '1']) expect([no, isOptOutReply(no)]).toEqual([no, false]);
  });
});
