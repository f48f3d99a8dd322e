import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { newPhone } from './factories.js';

// Its own file (and so its own app): passport keeps strategies in a process-wide registry,
// so two Nest apps in one test file would share one JwtStrategy.
describe('login throttling per client address', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp({ LOGIN_FAILURES_PER_ADDRESS: '6', LOGIN_FAILURES_PER_PHONE: '100' });
  });
  afterAll(() => fresh.close());

  it('throttles one address only at its own, higher limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fresh.http().post('/api/auth/login').send({ phone: newPhone(), password: 'nope-nope' })).status);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
