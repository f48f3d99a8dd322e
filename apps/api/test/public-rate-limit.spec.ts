import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PublicRateLimiter } from '../src/throttle/public-rate-limiter.js';
import { createTestApp, type TestApp } from './harness.js';

/** Windows are aligned to the minute; a check that straddled a boundary would start counting afresh halfway. */
async function awayFromWindowEdge() {
  const intoWindow = Date.now() % 60_000;
  if (intoWindow > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoWindow));
}

describe('public rate limit (certificate verification), per client address and shared by instances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the allowance, and counts reach PostgreSQL', async () => {
    await awayFromWindowEdge();
    const statuses: number[] = [];
    let refused: { status: number; headers: Record<string, string>; body: { code?: string } } | undefined;
    for (let i = 0; i < 7; i++) {
      const res = await t.http().get('/api/certificates/verify/ABCDEFGHJK');
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    expect(refused!.body.code).toBe('RATE_LIMITED');
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused!.headers['retry-after'])).toBeLessThanOrEqual(60);

    await t.app.get(PublicRateLimiter).flush();
    const rows = await t.db.query(`SELECT hits FROM throttle_counters WHERE key LIKE 'public:%'`);
    expect(rows.map((r: { hits: number }) => r.hits)).toEqual([7]);
  });

  it("adds up what two instances admit: a second instance sees the first one's counts after a flush", async () => {
    await awayFromWindowEdge();
    const one = t.app.get(PublicRateLimiter);
    const two = new PublicRateLimiter(t.db); // another API process on the same database
    const key = `public:test-${Date.now()}`;
    try {
      expect([one.consume(key, 60, 5), one.consume(key, 60, 5), one.consume(key, 60, 5)]).toEqual([0, 0, 0]);
      await one.flush();
      // Before it has written anything, the second instance only knows its own counts.
      expect(two.consume(key, 60, 5)).toBe(0);
      await two.flush(); // writes 1, reads back 4
      expect(two.consume(key, 60, 5)).toBe(0); // 5th
      expect(two.consume(key, 60, 5)).toBeGreaterThan(0); // 6th: refused
      await two.flush();
      await one.flush();
      const [row] = await t.db.query(`SELECT hits FROM throttle_counters WHERE key = $1`, [key]);
      expect(row.hits).toBe(6);
    } finally {
      await two.onApplicationShutdown();
    }
  });

  it('starts every address afresh in the next window', async () => {
    const limiter = new PublicRateLimiter(t.db);
    const key = `public:window-${Date.now()}`;
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    try {
      for (let i = 0; i < 5; i++) expect(limiter.consume(key, 60, 5, minute + 1_000)).toBe(0);
      expect(limiter.consume(key, 60, 5, minute + 50_000)).toBe(10);
      await limiter.flush();
      expect(limiter.consume(key, 60, 5, minute + 61_000)).toBe(0);
      await limiter.flush();
      const [row] = await t.db.query(`SELECT hits, (extract(epoch FROM window_started_at) * 1000)::bigint AS start FROM throttle_counters WHERE key = $1`, [
        key,
      ]);
      expect({ hits: row.hits, start: Number(row.start) }).toEqual({ hits: 1, start: minute + 60_000 });
    } finally {
      await limiter.onApplicationShutdown();
    }
  });
});
