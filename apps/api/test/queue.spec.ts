import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/config.js';
import type { OutgoingNotification } from '../src/notifications/notification-provider.js';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { SmsDispatcher, type SmsOutcome } from '../src/notifications/sms/sms-dispatcher.js';
import { createTestApp, type TestApp } from './harness.js';
import { newTree, newUser, type TestUser } from './factories.js';

const QUEUE_ENV = {
  QUEUE_WORKERS: 'on',
  QUEUE_POLLING_SECONDS: '1',
  QUEUE_MAINTENANCE_SECONDS: '1',
  DELIVERY_RETRY_LIMIT: '2',
  DELIVERY_RETRY_DELAY_SECONDS: '1',
  DELIVERY_CONCURRENCY: '3',
};

type Behaviour = (n: OutgoingNotification, call: number) => Promise<SmsOutcome>;

/**
 * The job queue under notification delivery: a delivery job exists exactly when its notification
 * does (same transaction), two API instances on one database dispatch each notification once,
 * errors retry with backoff then fail for good, and a deferral reschedules.
 */
describe('job queue: notification delivery', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let learner: TestUser;
  const calls = new Map<string, { count: number; by: Set<string> }>();
  let behaviour: Behaviour = async () => ({ status: 'sent' });

  function counting(app: NestFastifyApplication, name: string) {
    app.get(SmsDispatcher).dispatch = async (n: OutgoingNotification) => {
      const c = calls.get(n.id) ?? { count: 0, by: new Set<string>() };
      c.count += 1;
      c.by.add(name);
      calls.set(n.id, c);
      return behaviour(n, c.count);
    };
  }

  beforeAll(async () => {
    t = await createTestApp({ ...QUEUE_ENV, DB_POOL_SIZE: '20' });
    // A second API instance on the same database, with its own workers.
    second = await createApp(
      loadConfig({
        DATABASE_URL: t.databaseUrl,
        JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_ITERATIONS: '1',
        ...QUEUE_ENV,
      }),
    );
    await second.init();
    counting(t.app, 'first');
    counting(second, 'second');
    const tree = await newTree(t.db, 'Q');
    learner = await newUser(t, 'learner', tree.stationA);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const queue = (kind: 'certificate.issued', n: number) =>
    t.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await t.app.get(NotificationsService).queue(tx, learner.id, kind, { code: `Q${i}`, course: '测试' }));
      return ids;
    });

  async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('a rolled-back change leaves neither the notification nor its delivery job', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification.deliver'`);
    await expect(
      t.db.transaction(async (tx) => {
        await t.app.get(NotificationsService).queue(tx, learner.id, 'certificate.issued', { code: 'ROLLBACK', course: '测试' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE payload->>'code' = 'ROLLBACK'`)).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification.deliver'`)).toEqual(before);
  });

  it('two API instances deliver 120 notifications, each dispatched exactly once', async () => {
    behaviour = async () => {
      await new Promise((r) => setTimeout(r, 20));
      return { status: 'sent' };
    };
    const ids = await queue('certificate.issued', 120);
    await until(
      'all sent',
      async () => (await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE id = ANY($1) AND sms_status = 'sent'`, [ids]))[0].n === 120,
    );
    expect(ids.map((id) => calls.get(id)?.count)).toEqual(ids.map(() => 1));
    const byInstance = { first: ids.filter((id) => calls.get(id)!.by.has('first')).length, second: ids.filter((id) => calls.get(id)!.by.has('second')).length };
    console.log(`FIGURE ${JSON.stringify({ name: 'delivery across two instances', notifications: 120, ...byInstance })}`);
    expect(byInstance.first + byInstance.second).toBe(120);
    // Running a delivery again (a duplicate job, a retry after a crash) dispatches nothing more.
    expect(await t.app.get(NotificationsService).deliver(ids[0])).toEqual({ status: 'sent' });
    expect(calls.get(ids[0])!.count).toBe(1);
  });

  it('a provider error retries with exponential backoff, then the notification is marked failed', async () => {
    behaviour = async () => {
      throw new Error('provider unavailable');
    };
    const [id] = await queue('certificate.issued', 1);
    const row = await until(
      'failed',
      async () => (await t.db.query(`SELECT sms_status, attempts, last_error FROM notifications WHERE id = $1 AND sms_status = 'failed'`, [id]))[0],
    );
    expect(row).toEqual({ sms_status: 'failed', attempts: 3, last_error: 'provider unavailable' });
    expect(calls.get(id)!.count).toBe(3); // the first attempt and DELIVERY_RETRY_LIMIT=2 retries
    const [job] = await t.db.query(
      `SELECT state, retry_count, retry_limit, retry_backoff FROM pgboss.job WHERE name = 'notification.deliver' AND data->>'id' = $1`,
      [id],
    );
    expect(job).toEqual({ state: 'failed', retry_count: 2, retry_limit: 2, retry_backoff: true });
  });

  it("'deferred' reschedules the delivery at the given time, then sends once", async () => {
    const deferredAt = new Map<string, number>();
    behaviour = async (n, call) => {
      if (call === 1) {
        deferredAt.set(n.id, Date.now());
        return { status: 'deferred', until: new Date(Date.now() + 3000), reason: 'quiet-hours' };
      }
      return { status: 'sent' };
    };
    const [id] = await queue('certificate.issued', 1);
    await until(
      'deferred',
      async () => (await t.db.query(`SELECT 1 FROM notifications WHERE id = $1 AND sms_status = 'deferred' AND sms_detail = 'quiet-hours'`, [id])).length === 1,
    );
    // The rescheduled job waits for `until`.
    const [later] = await t.db.query(`SELECT start_after FROM pgboss.job WHERE name = 'notification.deliver' AND data->>'id' = $1 AND state = 'created'`, [id]);
    expect(later.start_after.getTime()).toBeGreaterThanOrEqual(deferredAt.get(id)! + 2500);
    await until('sent', async () => (await t.db.query(`SELECT 1 FROM notifications WHERE id = $1 AND sms_status = 'sent'`, [id])).length === 1);
    const sentAt = (await t.db.query(`SELECT sms_at FROM notifications WHERE id = $1`, [id]))[0].sms_at as Date;
    expect(sentAt.getTime() - deferredAt.get(id)!).toBeGreaterThanOrEqual(2900);
    expect(calls.get(id)!.count).toBe(2);
  });
});
