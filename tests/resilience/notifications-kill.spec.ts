import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
// @ts-expect-error plain JS helper shared with npm start
import { freePort, startEmbeddedPostgres } from '../../scripts/embedded-db.mjs';

/**
 * Kill -9 the API while a slow SMS provider is working through a batch of 201 notifications (one
 * session moved for a class of 200 learners and its instructor), start it again, and count what the
 * provider finished sending: every notification exactly once, none lost, none doubled.
 * The provider is the log provider made slow (NOTIFICATIONS_LOG_DELAY_MS): it logs "sms
 * sending" when a send starts and "sms" when it completes; the kill lands while a send is
 * in progress, so that send never completed and must be done again after the restart.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = randomBytes(32).toString('base64url');
const LEARNERS = 200;
const KILL_AFTER = 60;
const figure = (name: string, value: Record<string, number>) => console.log(`FIGURE ${JSON.stringify({ name, ...value })}`);

interface Db {
  url: (db?: string) => string;
  port: number;
  stop: () => Promise<void>;
  createDatabase: (n: string) => Promise<void>;
}

describe('notification delivery survives kill -9', () => {
  let db: Db;
  let api: ChildProcess | null = null;
  let apiPort: number;
  const started = new Map<string, number>();
  const completed = new Map<string, number>();
  let onStart: ((count: number) => void) | null = null;
  const env = () => ({
    ...process.env,
    DATABASE_URL: db.url('hearth'),
    JWT_SECRET: SECRET,
    API_PORT: String(apiPort),
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SEED_DEMO: 'false',
    ADMIN_PHONE: '13700000001',
    ADMIN_PASSWORD: 'resilience-pw',
    RATE_LIMIT_PER_MINUTE: '1000000',
    NOTIFICATIONS_LOG_DELAY_MS: '100',
    SMS_QUIET_HOURS: 'off',
    SMS_DAILY_CAP: '100',
    SMS_TIMEOUT_SECONDS: '1',
    DELIVERY_CONCURRENCY: '1',
    DELIVERY_EXPIRE_SECONDS: '3',
    DELIVERY_RETRY_DELAY_SECONDS: '1',
    QUEUE_MAINTENANCE_SECONDS: '1',
    QUEUE_POLLING_SECONDS: '1',
  });
  const base = () => `http://127.0.0.1:${apiPort}`;

  async function startApi() {
    api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { env: env(), stdio: ['ignore', 'pipe', 'ignore'] });
    createInterface({ input: api.stdout! }).on('line', (line) => {
      if (!line.includes('"notification')) return;
      let entry: { msg?: string; notificationId?: string };
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (!entry.notificationId) return;
      if (entry.msg === 'sms sending') {
        started.set(entry.notificationId, (started.get(entry.notificationId) ?? 0) + 1);
        onStart?.([...started.values()].reduce((a, b) => a + b, 0));
      } else if (entry.msg === 'sms') completed.set(entry.notificationId, (completed.get(entry.notificationId) ?? 0) + 1);
    });
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${base()}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('API did not come up');
  }

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-delivery-'));
    chmodSync(dir, 0o755);
    db = await startEmbeddedPostgres({ dir });
    await db.createDatabase('hearth');
    apiPort = await freePort();
    await startApi();
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.stop().catch(() => undefined);
  });

  it('dispatches each notification exactly once across a kill -9 mid-batch', async () => {
    const call = async (method: string, path: string, token: string | null, body?: unknown) => {
      const res = await fetch(`${base()}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    };
    const token = (await call('POST', '/api/auth/login', null, { phone: '13700000001', password: 'resilience-pw' })).body.accessToken;
    const orgs = (await call('GET', '/api/orgs', token)).body.items;
    let parent = orgs[0].id;
    for (const [name, kind] of [
      ['投递省', 'province'],
      ['投递市', 'city'],
      ['投递县', 'county'],
      ['投递俱乐部', 'club'],
      ['投递驿站', 'station'],
    ])
      parent = (await call('POST', '/api/orgs', token, { name, kind, parentId: parent })).body.id;
    const instructor = (
      await call('POST', '/api/users', token, { phone: '13700000002', name: '讲师', role: 'instructor', orgId: parent, password: 'resilience-pw' })
    ).body;
    const courses = (await call('GET', '/api/courses', null)).body.items;
    const now = Date.now();
    const klass = (
      await call('POST', '/api/classes', token, {
        courseId: courses.find((c: { code: string }) => c.code === 'VOC-HOUSE').id,
        orgId: parent,
        instructorId: instructor.id,
        startsOn: new Date(now).toISOString().slice(0, 10),
        endsOn: new Date(now + 86400_000 * 30).toISOString().slice(0, 10),
        capacity: 1000,
        sessions: [{ startsAt: new Date(now + 86400_000 * 5).toISOString(), endsAt: new Date(now + 86400_000 * 5 + 7200_000).toISOString() }],
      })
    ).body;
    for (let i = 0; i < LEARNERS; i++) {
      const learner = (
        await call('POST', '/api/users', token, {
          phone: `137${String(10000000 + i)}`,
          name: `学员${i}`,
          role: 'learner',
          learnerType: 'migrant_worker',
          orgId: parent,
          password: 'resilience-pw',
        })
      ).body;
      expect((await call('POST', `/api/classes/${klass.id}/enrollments`, token, { learnerId: learner.id })).status).toBe(201);
    }

    // One change, 201 notifications in its transaction; the kill lands in the middle of the provider's sends.
    const killed = new Promise<void>((resolveKill) => {
      onStart = (count) => {
        if (count === KILL_AFTER) {
          api?.kill('SIGKILL');
          api = null;
          onStart = null;
          resolveKill();
        }
      };
    });
    const moved = await call('PATCH', `/api/sessions/${klass.sessions[0].id}`, token, {
      startsAt: new Date(now + 86400_000 * 6).toISOString(),
      endsAt: new Date(now + 86400_000 * 6 + 7200_000).toISOString(),
      location: '新教室',
    });
    expect(moved.status).toBe(200);
    await killed;
    const completedAtKill = completed.size;
    const restartedAt = Date.now();
    await startApi();

    const client = new pg.Client({ connectionString: db.url('hearth') });
    await client.connect();
    try {
      const ids: string[] = (
        await client.query(`SELECT id FROM notifications WHERE kind = 'session.changed' AND payload->>'classId' = $1`, [klass.id])
      ).rows.map((r: { id: string }) => r.id);
      expect(ids).toHaveLength(LEARNERS + 1);
      for (let i = 0; ; i++) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM notifications WHERE id = ANY($1) AND sms_status = 'sent'`, [ids]);
        if (rows[0].n === ids.length) break;
        if (i > 600) throw new Error(`only ${rows[0].n} of ${ids.length} sent after the restart`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const lost = ids.filter((id) => !completed.has(id)).length;
      const doubled = ids.filter((id) => (completed.get(id) ?? 0) > 1).length;
      const interrupted = ids.filter((id) => (started.get(id) ?? 0) > 1).length;
      figure('kill -9 mid-delivery', {
        notifications: ids.length,
        completedBeforeKill: completedAtKill,
        sendsInterruptedAndRedone: interrupted,
        secondsToFinishAfterRestart: Math.round((Date.now() - restartedAt) / 100) / 10,
        lost,
        doubled,
      });
      expect(completedAtKill).toBeGreaterThan(KILL_AFTER - 5);
      expect(completedAtKill).toBeLessThan(ids.length);
      expect({ lost, doubled, dispatches: [...completed.entries()].filter(([id]) => ids.includes(id)).reduce((n, [, c]) => n + c, 0) }).toEqual({
        lost: 0,
        doubled: 0,
        dispatches: ids.length,
      });
    } finally {
      await client.end();
    }
  });
});
