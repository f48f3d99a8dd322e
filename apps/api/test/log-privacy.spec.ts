import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newPhone, newTree, newUser } from './factories.js';

/** Logs at the most talkative level must still hold no phone number, password or token. */
describe('privacy of logs', () => {
  let t: TestApp;
  const file = join(mkdtempSync(join(tmpdir(), 'hearth-logs-')), 'api.log');

  beforeAll(async () => {
    process.env.LOG_FILE = file;
    t = await createTestApp({ LOG_LEVEL: 'trace' });
    delete process.env.LOG_FILE;
  });
  afterAll(() => t.close());

  it('has 0 phone numbers, passwords or tokens after a session of typical traffic', async () => {
    const tree = await newTree(t.db, 'L');
    const coord = await newUser(t, 'coordinator', tree.clubA);
    const phone = newPhone();
    const password = 'a-very-secret-password';
    const reg = await t.http().post('/api/auth/register').send({ phone, password, name: '日志测试', learnerType: 'migrant_worker', orgId: tree.clubA });
    await t.http().post('/api/auth/login').send({ phone, password: 'wrong-password-here' });
    const login = await t.http().post('/api/auth/login').send({ phone, password });
    await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken });
    await t.http().get('/api/users').query({ q: phone }).set(bearer(coord));
    await t.http().get(`/api/users?q=${phone}`).set('Authorization', `Bearer ${login.body.accessToken}`);
    await t
      .http()
      .post('/api/users')
      .set(bearer(coord))
      .send({ phone: newPhone(), name: '新人', role: 'learner', learnerType: 'migrant_worker', orgId: tree.clubA, password });
    await t.http().get('/api/me').set('Authorization', 'Bearer broken.token.here');
    const log = readFileSync(file, 'utf8');
    expect(log.length).toBeGreaterThan(1000);
    const hits = {
      phones: (log.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []).length,
      passwords: [password, 'wrong-password-here'].filter((p) => log.includes(p)).length,
      tokens: [reg.body.accessToken, reg.body.refreshToken, login.body.accessToken, login.body.refreshToken].filter((tok) => log.includes(tok)).length,
    };
    console.log(`FIGURE ${JSON.stringify({ name: 'log scan', bytes: log.length, ...hits })}`);
    expect(hits).toEqual({ phones: 0, passwords: 0, tokens: 0 });
  });
});
