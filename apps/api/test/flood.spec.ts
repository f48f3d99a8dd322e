import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { routeInventory } from '../src/common/route-inventory.js';
import { createTestApp, type TestApp } from './harness.js';
import { newPhone, newTree, newUser, PASSWORD, type TestUser, type TreeIds } from './factories.js';

const POOL = 4;
const FLOOD_SMS_SECRET = 'flood-sms-reply-secret-0123456789';
const FLOOD = 5 * POOL;

interface Call {
  method: 'get' | 'post';
  path: string;
  body?: object;
}

// One app per file (passport keeps one JwtStrategy per process). A 4-connection pool, so 5× the pool
// is 20 requests per route at once, all routes together.
describe('anonymous flood on a small pool', () => {
  let t: TestApp;
  let tree: TreeIds;
  let learner: TestUser;
  let claimedPhone: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: String(POOL), RATE_LIMIT_PER_MINUTE: '1000000', SMS_REPLY_SECRET: FLOOD_SMS_SECRET });
    tree = await newTree(t.db, 'FL');
    learner = await newUser(t, 'learner', tree.clubA);
    claimedPhone = newPhone();
    await t.db.query(`INSERT INTO users (phone, name, role, org_id, learner_type) VALUES ($1, '钱梅', 'learner', $2, 'migrant_worker')`, [
      claimedPhone,
      tree.clubA,
    ]);
  });
  afterAll(() => t.close());

  /**
   * Every route an anonymous caller may use, each as the requests an attacker would send. A public
   * route missing here fails the test, so a new one is flooded too.
   */
  const floods: Record<string, () => Call[]> = {
    'POST /api/auth/register': () => [
      // The original finding: a club-registered phone, a wrong activation code.
      {
        method: 'post',
        path: '/api/auth/register',
        body: { phone: claimedPhone, password: 'attacker-pw-1', name: '冒充', learnerType: 'migrant_worker', claimCode: String(10_000_000 + n++) },
      },
      { method: 'post', path: '/api/auth/register', body: { phone: learner.phone, password: 'attacker-pw-1', name: '冒充', learnerType: 'migrant_worker' } },
      { method: 'post', path: '/api/auth/register', body: { phone: newPhone(), password: 'a-new-password', name: '新人', learnerType: 'volunteer_mother' } },
    ],
    'POST /api/auth/login': () => [
      { method: 'post', path: '/api/auth/login', body: { phone: learner.phone, password: 'wrong-password' } },
      { method: 'post', path: '/api/auth/login', body: { phone: learner.phone, password: PASSWORD } },
      { method: 'post', path: '/api/auth/login', body: { phone: newPhone(), password: 'wrong-password' } },
    ],
    'POST /api/auth/refresh': () => [
      { method: 'post', path: '/api/auth/refresh', body: { refreshToken: `garbage-${n++}-garbage-garbage-garbage` } },
      { method: 'post', path: '/api/auth/refresh', body: { refreshToken: learner.refreshToken } },
    ],
    'GET /api/certificates/verify/:code': () => [{ method: 'get', path: `/api/certificates/verify/HX-NOPE-${n++}` }],
    'POST /api/certificates/verify': () => [{ method: 'post', path: '/api/certificates/verify', body: { codes: [`HX-NOPE-${n++}`, 'HX-ABCD-EFGH'] } }],
    'GET /api/courses': () => [{ method: 'get', path: '/api/courses' }],
    'GET /api/courses/:idOrCode': () => [{ method: 'get', path: '/api/courses/VOC-HOUSE' }],
    'GET /api/health': () => [{ method: 'get', path: '/api/health' }],
    'GET /.well-known/jwks.json': () => [{ method: 'get', path: '/.well-known/jwks.json' }],
    'GET /api/orgs/joinable': () => [
      { method: 'get', path: `/api/orgs/joinable?q=${encodeURIComponent(`驿站${n++}`)}` },
      { method: 'get', path: `/api/orgs/joinable?q=${encodeURIComponent('俱乐部')}` },
    ],
    'GET /api/credentials/issuer': () => [{ method: 'get', path: '/api/credentials/issuer' }],
    'GET /api/credentials/status/:id': () => [
      { method: 'get', path: '/api/credentials/status/1' },
      { method: 'get', path: `/api/credentials/status/${900_000 + n++}` },
    ],
    'POST /api/credentials/holder-check/:code': () => [
      { method: 'post', path: `/api/credentials/holder-check/HX-NOPE-${n++}`, body: { phone: '13800000000' } },
    ],
    // A guessed secret (401) and the right one with an unknown number (a lookup that finds nobody).
    'POST /api/sms/replies/aliyun': () => [
      { method: 'post', path: `/api/sms/replies/aliyun?token=guess-${n++}`, body: [{ phone_number: newPhone(), content: 'TD' }] },
      { method: 'post', path: `/api/sms/replies/aliyun?token=${FLOOD_SMS_SECRET}`, body: [{ phone_number: newPhone(), content: 'TD' }] },
    ],
    'POST /api/sms/replies/tencent': () => [
      { method: 'post', path: `/api/sms/replies/tencent?token=guess-${n++}`, body: { mobile: newPhone(), nationcode: '86', text: 'TD' } },
      { method: 'post', path: `/api/sms/replies/tencent?token=${FLOOD_SMS_SECRET}`, body: { mobile: newPhone(), nationcode: '86', text: '退订' } },
    ],
  };

  it('5× the pool size at once on each public route in turn: no 5xx, /api/health always answers and nothing waits on the pool', async () => {
    const publicRoutes = routeInventory(t.app)
      .filter((r) => r.rule?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.filter((r) => !floods[r])).toEqual([]);

    // Over one listening socket with fetch (supertest would open a server per request, and check every
    // body against the OpenAPI document: client-side work in this same process that is not the API's).
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as { port: number };
    let address = 0;
    const send = async (c: Call) => {
      // From many addresses, as a botnet would: the per-address limits must not be what saves the pool.
      const headers: Record<string, string> = { 'x-forwarded-for': `203.0.113.${(address++ % 250) + 1}` };
      if (c.body) headers['content-type'] = 'application/json';
      const res = await fetch(`http://127.0.0.1:${port}${c.path}`, {
        method: c.method.toUpperCase(),
        headers,
        body: c.body ? JSON.stringify(c.body) : undefined,
      });
      await res.arrayBuffer();
      return { call: c, status: res.status };
    };
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      await res.arrayBuffer();
      return res.status;
    };
    // Warm up as a running API is (the first call of a route compiles its code; the first JWKS call makes the issuer's key).
    for (const route of publicRoutes) for (const c of floods[route]()) await send(c);
    const healthMs: number[] = [];
    const healthStatuses: number[] = [];
    // How long each request waited for a pool connection: what a starved pool shows first, and what this
    // shared 2-core machine's CPU load does not inflate the way it inflates round trips.
    const poolWaitMs: number[] = [];
    const driver = t.db.driver as unknown as { obtainMasterConnection: () => Promise<unknown> };
    const obtain = driver.obtainMasterConnection.bind(driver);
    driver.obtainMasterConnection = async () => {
      const at = performance.now();
      try {
        return await obtain();
      } finally {
        poolWaitMs.push(performance.now() - at);
      }
    };
    const answers: { call: Call; status: number }[] = [];
    const started = performance.now();
    // Route by route, 5× the pool at once (each route's kinds of request in turn), while /api/health is
    // asked again and again: the health check needs a pool connection too, so a wave that held them
    // all (the registration finding) shows as a slow or failed probe, not only as 5xx on the wave.
    for (const route of publicRoutes) {
      const kinds = floods[route]();
      const wave = Array.from({ length: FLOOD }, (_, i) => (i < kinds.length ? kinds[i] : floods[route]()[i % kinds.length]));
      // A probe every 25 ms while the wave is in flight, each on its own (not waiting for the one before).
      const probes: Promise<void>[] = [];
      const probeOnce = async () => {
        const at = performance.now();
        const status = await health();
        healthMs.push(performance.now() - at);
        healthStatuses.push(status);
      };
      probes.push(probeOnce());
      const ticker = setInterval(() => probes.push(probeOnce()), 25);
      const waveStarted = performance.now();
      const firstProbe = healthMs.length;
      answers.push(...(await Promise.all(wave.map(send))));
      clearInterval(ticker);
      await Promise.all(probes);
      if (process.env.FLOOD_DEBUG) console.log(route, Math.round(performance.now() - waveStarted), healthMs.slice(firstProbe).map(Math.round));
    }
    const elapsed = performance.now() - started;

    const failed = answers.filter((a) => a.status >= 500);
    const sorted = [...healthMs].sort((a, b) => a - b);
    const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * q) - 1)];
    const p99 = percentile(healthMs, 0.99);
    const poolWaitP99 = percentile(poolWaitMs, 0.99);
    console.log(
      `FIGURE ${JSON.stringify({ name: 'anonymous flood', pool: POOL, routes: publicRoutes.length, perWave: FLOOD, requests: answers.length, fivexx: failed.length, ms: Math.round(elapsed), healthProbes: healthMs.length, healthP99Ms: Math.round(p99), healthMaxMs: Math.round(sorted[sorted.length - 1]), poolWaits: poolWaitMs.length, poolWaitP99Ms: Math.round(poolWaitP99), poolWaitMaxMs: Math.round(Math.max(...poolWaitMs)) })}`,
    );
    expect(failed.map((a) => `${a.status} ${a.call.method.toUpperCase()} ${a.call.path}`)).toEqual([]);
    expect(healthStatuses.length).toBeGreaterThanOrEqual(publicRoutes.length);
    expect(healthStatuses.filter((s) => s !== 200)).toEqual([]);
    // A starved pool (the finding) makes requests wait the pool's whole 5 s connect timeout, then 503.
    // Here no probe and no connection wait may take even half of that. On a quiet machine health's p99
    // is well under 1 s (SECURITY.md); the ceiling leaves room for this shared 2-core machine's CPU
    // load, which slows every round trip and every query alike (measured: p99 up to 1.3 s at load 20).
    expect(Math.max(...poolWaitMs)).toBeLessThan(2500);
    expect(sorted[sorted.length - 1]).toBeLessThan(2500);
    // And health stays under the issue's 1 s for nine probes in ten even on a loaded machine.
    expect(percentile(healthMs, 0.9)).toBeLessThan(1000);
    // The club's phone is still unclaimed: 5 codes were checked, the rest refused.
    expect((await t.db.query(`SELECT password_hash FROM users WHERE phone = $1`, [claimedPhone]))[0].password_hash).toBeNull();
  });
});
