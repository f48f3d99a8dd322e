import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
// @ts-expect-error plain JS helper shared with npm start
import { freePort, startEmbeddedPostgres } from '../../scripts/embedded-db.mjs';

/**
 * Kill -9 the API, and separately PostgreSQL, again and again while a client writes enrollments and
 * attendance batches, recording every write it got a 2xx for. Afterwards every acknowledged write
 * must be there, none half-written, and retries must have created no duplicates.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Production refuses a published secret, so each run makes its own.
const RESILIENCE_SECRET = randomBytes(32).toString('base64url');
const SECONDS = Number(process.env.RESILIENCE_SECONDS ?? 20);
const figure = (name: string, value: Record<string, number>) => console.log(`FIGURE ${JSON.stringify({ name, ...value })}`);

interface Db {
  url: (db?: string) => string;
  port: number;
  stop: () => Promise<void>;
  createDatabase: (n: string) => Promise<void>;
}

describe('crash safety', () => {
  let dir: string;
  let db: Db;
  let api: ChildProcess | null = null;
  let apiPort: number;
  const env = () => ({
    ...process.env,
    DATABASE_URL: db.url('hearth'),
    JWT_SECRET: RESILIENCE_SECRET,
    API_PORT: String(apiPort),
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    SEED_DEMO: 'false',
    ADMIN_PHONE: '13600000001',
    ADMIN_PASSWORD: 'resilience-pw',
    NOTIFICATIONS_POLL: 'off',
  });
  const base = () => `http://127.0.0.1:${apiPort}`;

  async function startApi() {
    api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { env: env(), stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${base()}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('API did not come up');
  }

  function killApi() {
    api?.kill('SIGKILL');
    api = null;
  }

  function killPostgres() {
    const pid = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-resilience-'));
    chmodSync(dir, 0o755);
    db = await startEmbeddedPostgres({ dir });
    await db.createDatabase('hearth');
    apiPort = await freePort();
    await startApi();
  });
  afterAll(async () => {
    killApi();
    await db?.stop().catch(() => undefined);
  });

  it('keeps every acknowledged write, half-writes none and duplicates none', async () => {
    const call = async (method: string, path: string, token: string | null, body?: unknown) => {
      const res = await fetch(`${base()}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    };
    const admin = (await call('POST', '/api/auth/login', null, { phone: '13600000001', password: 'resilience-pw' })).body;
    const adminToken = admin.accessToken;
    const orgs = (await call('GET', '/api/orgs', adminToken)).body.items;
    const mk = async (name: string, kind: string, parentId: string) => (await call('POST', '/api/orgs', adminToken, { name, kind, parentId })).body.id;
    const province = await mk('韧性省', 'province', orgs[0].id);
    const city = await mk('韧性市', 'city', province);
    const county = await mk('韧性县', 'county', city);
    const club = await mk('韧性俱乐部', 'club', county);
    const station = await mk('韧性驿站', 'station', club);
    const instructor = (
      await call('POST', '/api/users', adminToken, { phone: '13600000002', name: '讲师', role: 'instructor', orgId: station, password: 'resilience-pw' })
    ).body;
    const courses = (await call('GET', '/api/courses', null)).body.items;
    const now = Date.now();
    const klass = (
      await call('POST', '/api/classes', adminToken, {
        courseId: courses.find((c: { code: string }) => c.code === 'VOC-HOUSE').id,
        orgId: station,
        instructorId: instructor.id,
        startsOn: new Date(now - 86400_000).toISOString().slice(0, 10),
        endsOn: new Date(now + 86400_000 * 30).toISOString().slice(0, 10),
        capacity: 1000,
        sessions: [{ startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 7200_000).toISOString() }],
      })
    ).body;
    const sessionId = klass.sessions[0].id;
    const learners: string[] = [];
    for (let i = 0; i < 400; i++)
      learners.push(
        (
          await call('POST', '/api/users', adminToken, {
            phone: `136${String(10000000 + i)}`,
            name: `学员${i}`,
            role: 'learner',
            learnerType: 'migrant_worker',
            orgId: station,
            password: 'resilience-pw',
          })
        ).body.id,
      );

    // Tokens expire in 15 minutes and the API restarts keep them valid (same JWT secret, state in PostgreSQL).
    const acked = { enrollments: new Set<string>(), batches: new Map<string, number>() };
    let attempts = 0;
    const kills = { api: 0, postgres: 0 };
    /** Retries one logical write until the API answers, as a phone would. */
    const retry = async (fn: () => Promise<{ status: number; body: { code?: string; changed?: number } }>) => {
      for (;;) {
        attempts += 1;
        try {
          const res = await fn();
          if (res.status < 500) return res;
        } catch {
          // connection refused or reset: the API is down; try again
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    const deadline = Date.now() + SECONDS * 1000;
    const killer = (async () => {
      let round = 0;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 700 + Math.random() * 800));
        round += 1;
        if (round % 3 === 0) {
          killPostgres();
          kills.postgres += 1;
          db = await startEmbeddedPostgres({ dir, port: db.port });
        } else {
          killApi();
          kills.api += 1;
          await startApi();
        }
      }
    })();

    let next = 0;
    const writer = (async () => {
      while (Date.now() < deadline && next < learners.length) {
        const learnerId = learners[next++];
        const res = await retry(() => call('POST', `/api/classes/${klass.id}/enrollments`, adminToken, { learnerId }));
        // 409 ALREADY_ENROLLED on a retry means the first attempt was stored: acknowledged too.
        if (res.status === 201 || res.body.code === 'ALREADY_ENROLLED') acked.enrollments.add(learnerId);
        const enrolled = [...acked.enrollments].slice(-40);
        const clientMutationId = randomUUID();
        const status = next % 2 === 0 ? 'present' : 'late';
        const mark = await retry(() =>
          call('PUT', `/api/sessions/${sessionId}/attendance`, adminToken, { clientMutationId, marks: enrolled.map((id) => ({ learnerId: id, status })) }),
        );
        if (mark.status === 200) acked.batches.set(clientMutationId, mark.body.changed ?? 0);
      }
    })();
    await Promise.all([killer, writer]);

    const client = new pg.Client({ connectionString: db.url('hearth') });
    await client.connect();
    try {
      const live = await client.query(
        `SELECT learner_id, count(*)::int AS n FROM enrollments WHERE class_id = $1 AND status <> 'withdrawn' GROUP BY learner_id`,
        [klass.id],
      );
      const byLearner = new Map(live.rows.map((r: { learner_id: string; n: number }) => [r.learner_id, r.n]));
      const lostEnrollments = [...acked.enrollments].filter((id) => !byLearner.has(id)).length;
      const duplicateEnrollments = live.rows.filter((r: { n: number }) => r.n > 1).length;
      const [{ enrolled_count }] = (await client.query(`SELECT enrolled_count FROM classes WHERE id = $1`, [klass.id])).rows;
      const counterDrift = Math.abs(enrolled_count - live.rows.length);
      let lostBatches = 0;
      let halfWritten = 0;
      for (const [cmid, changed] of acked.batches) {
        const key = await client.query(`SELECT response FROM idempotency_keys WHERE key = $1`, [`attendance:${cmid}`]);
        if (key.rowCount !== 1) lostBatches += 1;
        const history = await client.query(`SELECT count(*)::int AS n FROM attendance_history WHERE client_mutation_id = $1`, [cmid]);
        if (history.rows[0].n !== changed) halfWritten += 1;
      }
      figure('kill -9', {
        seconds: SECONDS,
        apiKills: kills.api,
        postgresKills: kills.postgres,
        requests: attempts,
        acknowledgedEnrollments: acked.enrollments.size,
        acknowledgedBatches: acked.batches.size,
        lost: lostEnrollments + lostBatches,
        halfWritten,
        duplicates: duplicateEnrollments,
        counterDrift,
      });
      expect(kills.api + kills.postgres).toBeGreaterThan(3);
      expect(acked.enrollments.size).toBeGreaterThan(5);
      expect({ lostEnrollments, lostBatches, halfWritten, duplicateEnrollments, counterDrift }).toEqual({
        lostEnrollments: 0,
        lostBatches: 0,
        halfWritten: 0,
        duplicateEnrollments: 0,
        counterDrift: 0,
      });
    } finally {
      await client.end();
    }
  });
});
