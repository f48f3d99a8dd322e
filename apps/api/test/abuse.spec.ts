import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import { KNOWN_SECRETS } from '@hearth/contracts';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { deriveKey, KEY_LABELS } from '../src/config/keys.js';
import { NestedPoolConnectionError, poolGuardViolations } from '../src/database/pool-guard.js';
import { newTemporaryPassword } from '../src/users/users.service.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newPhone, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
const repoFile = (name: string) => readFileSync(new URL(`../../../${name}`, import.meta.url), 'utf8');

const HOUR = 3600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
let address = 0;
/** A client address of its own (the tests connect over loopback, whose X-Forwarded-For the API trusts by default). */
const newAddress = () => `198.51.100.${++address}`;

// One app per file (passport keeps one JwtStrategy per process). A small pool, so that holding one
// connection while waiting for another would show at once.
describe('abuse resistance', () => {
  let t: TestApp;
  let tree: TreeIds;
  let instructor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '4', REGISTRATIONS_PER_ADDRESS_PER_HOUR: '5', CHECK_IN_ATTEMPTS_PER_SESSION: '5' });
    tree = await newTree(t.db, 'AB');
    instructor = await newUser(t, 'instructor', tree.stationA);
  });
  afterAll(() => t.close());

  const register = (phone: string, from: string, extra: object = {}) =>
    t
      .http()
      .post('/api/auth/register')
      .set('X-Forwarded-For', from)
      .send({ phone, password: 'my-own-password', name: '测试', learnerType: 'migrant_worker', ...extra });

  describe('the pool guard (test mode)', () => {
    it('throws when a transaction asks the pool for a second connection, and not for its own queries', async () => {
      const before = poolGuardViolations.length;
      await expect(t.db.transaction(async (tx) => (await tx.query('SELECT 1 AS one'))[0].one)).resolves.toBe(1);
      await expect(t.db.transaction(async () => t.db.query('SELECT 1'))).rejects.toBeInstanceOf(NestedPoolConnectionError);
      await expect(t.db.transaction(async () => t.db.transaction(async (inner) => inner.query('SELECT 1')))).rejects.toBeInstanceOf(NestedPoolConnectionError);
      expect(poolGuardViolations.length).toBe(before + 2);
      // Queries outside transactions, many at once, are what the pool is for.
      await expect(Promise.all(Array.from({ length: 12 }, () => t.db.query('SELECT 1')))).resolves.toHaveLength(12);
      poolGuardViolations.splice(before);
    });
  });

  describe('registration', () => {
    it('is throttled per client address, counted before the password is hashed: 20 at once from one address, 5 get through', async () => {
      const from = newAddress();
      const answers = await Promise.all(Array.from({ length: 20 }, () => register(newPhone(), from)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      const refused = answers.find((a) => a.status === 429)!;
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
      // Another address (another station's Wi-Fi) is not affected.
      expect((await register(newPhone(), newAddress())).status).toBe(201);
      // An existing phone is refused at the limit too: the oracle closes with the rest.
      expect((await register(answers.find((a) => a.status === 201)!.body.user.phone, from)).status).toBe(429);
    });

    it('20 wrong activation codes at once for a club-registered phone, on a 4-connection pool: 5 checked, the rest 429, no 5xx, health stays up', async () => {
      const phone = newPhone();
      await t.db.query(`INSERT INTO users (phone, name, role, org_id, learner_type) VALUES ($1, '钱梅', 'learner', $2, 'migrant_worker')`, [phone, tree.clubA]);
      const started = Date.now();
      const [answers, health] = await Promise.all([
        Promise.all(Array.from({ length: 20 }, (_, i) => register(phone, newAddress(), { claimCode: String(10_000_000 + i) }))),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          const at = Date.now();
          const res = await t.http().get('/api/health');
          return { status: res.status, ms: Date.now() - at };
        })(),
      ]);
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 422)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(15);
      expect(answers.find((a) => a.status === 429)!.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(health.status).toBe(200);
      expect(health.ms).toBeLessThan(1000);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await t.db.query(`SELECT password_hash FROM users WHERE phone = $1`, [phone]))[0].password_hash).toBeNull();
    });
  });

  describe('self check-in codes', () => {
    async function openSession(learners: number) {
      const classId = await newClass(t.db, tree.stationA, instructor.id, {
        startsOn: '2020-01-01',
        endsOn: '2035-01-01',
        capacity: 10,
        sessions: [{ startsAt: iso(-0.5 * HOUR), endsAt: iso(1.5 * HOUR) }],
      });
      const [{ id: sessionId }] = await t.db.query(`SELECT id FROM class_sessions WHERE class_id = $1`, [classId]);
      const people: TestUser[] = [];
      for (let i = 0; i < learners; i++) {
        const l = await newUser(t, 'learner', tree.clubA);
        await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled')`, [classId, l.id]);
        people.push(l);
      }
      return { sessionId: sessionId as string, learners: people };
    }
    const currentCode = async (sessionId: string) =>
      (await t.http().post(`/api/sessions/${sessionId}/check-in-code`).set(bearer(instructor))).body.code as string;
    const wrongFor = (code: string, i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const checkIn = (who: TestUser, sessionId: string, code: string) => t.http().post(`/api/sessions/${sessionId}/check-in`).set(bearer(who)).send({ code });

    it('five wrong codes lock that learner out of that session (429 with Retry-After), even with the right code; others are unaffected', async () => {
      const s = await openSession(2);
      const code = await currentCode(s.sessionId);
      for (let i = 0; i < 5; i++) {
        const wrong = await checkIn(s.learners[0], s.sessionId, wrongFor(code, i));
        expect(wrong.status).toBe(422);
        expect(wrong.body.code).toBe('CHECK_IN_CODE_INVALID');
      }
      const locked = await checkIn(s.learners[0], s.sessionId, await currentCode(s.sessionId));
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      expect(await t.db.query(`SELECT 1 FROM attendance_marks WHERE session_id = $1 AND learner_id = $2`, [s.sessionId, s.learners[0].id])).toHaveLength(0);
      // Her classmate still checks in; a right code after wrong ones starts her count afresh.
      for (let i = 0; i < 4; i++) expect((await checkIn(s.learners[1], s.sessionId, wrongFor(code, i))).status).toBe(422);
      expect((await checkIn(s.learners[1], s.sessionId, await currentCode(s.sessionId))).status).toBe(200);
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM throttle_counters WHERE key LIKE $1`, [`check-in:${s.sessionId}:${s.learners[1].id}`]))[0].n,
      ).toBe(0);
    });

    it('counts before comparing: 30 guesses sent at once get 5 compared', async () => {
      const s = await openSession(1);
      const code = await currentCode(s.sessionId);
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => checkIn(s.learners[0], s.sessionId, wrongFor(code, i))));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((x) => x === 422)).toHaveLength(5);
      expect(statuses.filter((x) => x === 429)).toHaveLength(25);
    });
  });
  describe('keys, tokens and temporary passwords', () => {
    it("activation codes are HMAC'd with an HKDF sub-key of the master secret, not the master secret itself", async () => {
      const coordinator = await newUser(t, 'coordinator', tree.clubA);
      const [{ id }] = await t.db.query(
        `INSERT INTO users (phone, name, role, org_id, learner_type) VALUES ($1, '孙丽', 'learner', $2, 'migrant_worker') RETURNING id`,
        [newPhone(), tree.clubA],
      );
      const issued = await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordinator));
      expect(issued.status).toBe(201);
      const [{ code_hash: stored }] = await t.db.query(`SELECT code_hash FROM account_claims WHERE user_id = $1`, [id]);
      const message = `account-claim:${issued.body.code}`;
      expect(stored).toBe(createHmac('sha256', deriveKey(TEST_SECRET, KEY_LABELS.accountClaim)).update(message).digest('hex'));
      expect(stored).not.toBe(createHmac('sha256', TEST_SECRET).update(message).digest('hex'));
      expect(deriveKey(TEST_SECRET, KEY_LABELS.accountClaim).equals(deriveKey(TEST_SECRET, KEY_LABELS.checkInCode))).toBe(false);
    });

    it('refuses an access token signed with the real secret but without exp or ver', async () => {
      const learner = await newUser(t, 'learner', tree.clubA);
      const sign = (payload: object, options: jwt.SignOptions = {}) =>
        jwt.sign({ sub: learner.id, typ: 'access', sid: (jwt.decode(learner.token) as { sid: string }).sid, ...payload }, TEST_SECRET, {
          algorithm: 'HS256',
          issuer: 'hearth',
          audience: 'hearth-api',
          ...options,
        });
      const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect((await me(sign({ ver: 0 }, { expiresIn: 60 }))).status).toBe(200);
      expect((await me(sign({ ver: 0 }))).status).toBe(401);
      expect((await me(sign({}, { expiresIn: 60 }))).status).toBe(401);
      expect((await me(sign({ ver: '0' }, { expiresIn: 60 }))).status).toBe(401);
    });

    it('temporary passwords draw every character uniformly (chi-square over 200,000 characters)', () => {
      const counts = new Map<string, number>();
      for (let i = 0; i < 20_000; i++) for (const ch of newTemporaryPassword()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      const expected = 200_000 / counts.size;
      const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
      expect(counts.size).toBe(31);
      // 30 degrees of freedom: above 80 happens by chance about once in ten million; a byte modulo 31 scores about 560.
      expect(chiSquare).toBeLessThan(80);
    });
  });

  describe('deployment defaults', () => {
    const base = { DATABASE_URL: 'postgres://h@localhost/h', NODE_ENV: 'production', JWT_SECRET: 'k7Qm2vX9pL4wR8tY1nB6cF3hJ0sD5gA_eZuIoPq' };
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };

    it('production refuses published, placeholder and short JWT secrets', () => {
      expect(refusal(base)).toBeNull();
      const published = [...repoFile('docker-compose.yml').matchAll(/JWT_SECRET:\s*\$\{JWT_SECRET:-([^}]+)\}/g)].map((m) => m[1]);
      for (const secret of [
        ...KNOWN_SECRETS,
        ...published,
        'changeme',
        'change-me-change-me-change-me-change-me',
        'x'.repeat(40),
        'my-jwt-secret-for-production-please-1234',
      ]) {
        expect(refusal({ ...base, JWT_SECRET: secret })).toMatch(/^JWT_SECRET /);
      }
      // Development and tests keep their convenient secrets.
      expect(refusal({ ...base, NODE_ENV: 'development', JWT_SECRET: KNOWN_SECRETS[0] })).toBeNull();
    });

    it('production refuses TRUST_PROXY=true (any client could name its own address); an address or CIDR is the proxy', () => {
      expect(refusal({ ...base, TRUST_PROXY: 'true' })).toMatch(/TRUST_PROXY=true would believe X-Forwarded-For from any client/);
      expect(refusal({ ...base, TRUST_PROXY: '2' })).toMatch(/not a hop count/);
      expect(loadConfig({ ...base, TRUST_PROXY: '172.28.5.10' }).trustProxy).toBe('172.28.5.10');
      expect(loadConfig(base).trustProxy).toBe('loopback');
      expect(loadConfig({ ...base, API_DOCS: 'false' }).apiDocs).toBe(false);
      expect(loadConfig(base).apiDocs).toBe(true);
    });

    it('docker-compose.yml requires its secrets, publishes only the web, and trusts only the web container', () => {
      const compose = repoFile('docker-compose.yml');
      expect(compose).toMatch(/JWT_SECRET: \$\{JWT_SECRET:\?/);
      expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?/);
      expect(compose).not.toMatch(/_SECRET: \$\{\w+:-/);
      const api = compose.slice(compose.indexOf('\n  api:'), compose.indexOf('\n  web:'));
      expect(api).not.toMatch(/^\s*ports:/m);
      const trusted = /TRUST_PROXY: "?([^"\n]+)"?/.exec(api)![1];
      expect(trusted).not.toMatch(/^(true|\*)$/i);
      const web = compose.slice(compose.indexOf('\n  web:'));
      expect(/ipv4_address: ([\d.]+)/.exec(web)![1]).toBe(trusted);
    });
  });
});
