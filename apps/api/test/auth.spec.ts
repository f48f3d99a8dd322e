import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newPhone, newTree, newUser, PASSWORD, type TreeIds } from './factories.js';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

describe('auth', () => {
  let t: TestApp;
  let tree: TreeIds;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_FAILURES_PER_PHONE: '5', LOGIN_FAILURES_PER_ADDRESS: '12' });
    tree = await newTree(t.db);
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('creates a learner and returns tokens without secrets', async () => {
      const phone = newPhone();
      const res = await t
        .http()
        .post('/api/auth/register')
        .send({ phone, password: 'longenough1', name: '李秀英', learnerType: 'migrant_worker', orgId: tree.clubA });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ phone, name: '李秀英', role: 'learner', roles: ['learner'], learnerType: 'migrant_worker', orgId: tree.clubA });
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(JSON.stringify(res.body.user)).not.toMatch(/password|hash|\$argon2/i);
      const stored = await t.db.query('SELECT password_hash FROM users WHERE phone = $1', [phone]);
      expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    });

    it('refuses a phone already taken with 409 PHONE_TAKEN', async () => {
      const phone = newPhone();
      const body = { phone, password: 'longenough1', name: '王芳', learnerType: 'volunteer_mother' };
      expect((await t.http().post('/api/auth/register').send(body)).status).toBe(201);
      const again = await t
        .http()
        .post('/api/auth/register')
        .send({ ...body, name: '别人' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PHONE_TAKEN');
    });

    it('lists every problem of a bad body at once', async () => {
      const res = await t.http().post('/api/auth/register').send({ phone: '12345', password: 'short', name: '', learnerType: 'teacher', role: 'admin' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const text = res.body.messages.join('\n');
      for (const word of ['phone', 'password', 'name', 'learnerType', 'role is not an accepted field']) expect(text).toContain(word);
    });

    it('accepts a 128-character password, refuses 129, and never truncates', async () => {
      const phone = newPhone();
      const long = 'p'.repeat(100) + 'q'.repeat(28);
      expect((await t.http().post('/api/auth/register').send({ phone, password: long, name: '长密码', learnerType: 'migrant_worker' })).status).toBe(201);
      expect(
        (
          await t
            .http()
            .post('/api/auth/register')
            .send({ phone: newPhone(), password: 'x'.repeat(129), name: '太长', learnerType: 'migrant_worker' })
        ).status,
      ).toBe(400);
      expect((await t.http().post('/api/auth/login').send({ phone, password: long })).status).toBe(200);
      expect(
        (
          await t
            .http()
            .post('/api/auth/login')
            .send({ phone, password: 'p'.repeat(100) + 'q'.repeat(27) })
        ).status,
      ).toBe(401);
      expect(
        (
          await t
            .http()
            .post('/api/auth/login')
            .send({ phone, password: long.slice(0, 72) })
        ).status,
      ).toBe(401);
    });

    it('refuses an unknown orgId with a clear 400', async () => {
      const res = await t
        .http()
        .post('/api/auth/register')
        .send({ phone: newPhone(), password: 'longenough1', name: '某', learnerType: 'migrant_worker', orgId: '00000000-0000-4000-8000-000000000000' });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/orgId/);
    });
  });

  describe('login', () => {
    it('gives the same 401 message for an unknown phone and a wrong password', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const wrong = await t.http().post('/api/auth/login').send({ phone: user.phone, password: 'wrong-password' });
      const unknown = await t.http().post('/api/auth/login').send({ phone: newPhone(), password: 'wrong-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('locks a phone after repeated failures with 429 and Retry-After, even for the right password', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await t
              .http()
              .post('/api/auth/login')
              .send({ phone: user.phone, password: `bad-${i}-password` })
          ).status,
        );
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      expect(statuses[4]).toBe(429);
      const locked = await t.http().post('/api/auth/login').send({ phone: user.phone, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
      // The counter lives in PostgreSQL, so another API instance sees the same lock.
      const rows = await t.db.query(`SELECT hits FROM throttle_counters WHERE key = $1`, [`login:phone:${user.phone}`]);
      expect(rows[0].hits).toBeGreaterThanOrEqual(5);
      // A different phone from the same address is not locked out.
      const other = await newUser(t, 'learner', tree.clubA);
      expect(other.token).toEqual(expect.any(String));
    });

    it('counts each sign-in before checking its password: a burst of 20 parallel guesses gets five checked', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      // The other tests' failures from this address must not add the per-address lock to this count (and this one's to theirs).
      const clearAddress = () => t.db.query(`DELETE FROM throttle_counters WHERE key LIKE 'login:addr:%'`);
      await clearAddress();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t
            .http()
            .post('/api/auth/login')
            .send({ phone: user.phone, password: `burst-${i}-guess` }),
        ),
      );
      await clearAddress();
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(16);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login_failed' AND entity_id = $1`, [user.id]);
      expect(n).toBe(5);
    });

    it('records failed logins in the audit log with a masked phone', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      await t.http().post('/api/auth/login').send({ phone: user.phone, password: 'bad-password' });
      const events = await t.db.query(`SELECT details FROM audit_events WHERE action = 'auth.login_failed' AND entity_id = $1`, [user.id]);
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events[0].details)).not.toContain(user.phone);
      expect(events[0].details.phone).toBe(`${user.phone.slice(0, 3)}****${user.phone.slice(7)}`);
    });
  });

  describe('changing her own password', () => {
    const change = (user: { token: string }, body: object) => t.http().post('/api/me/password').set(bearer(user)).send(body);

    it('needs the current password, signs out every other sign-in and answers a working token pair', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const otherPhone = await t.http().post('/api/auth/login').send({ phone: user.phone, password: PASSWORD });
      const changed = await change(user, { currentPassword: PASSWORD, newPassword: 'a brand new secret' });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number) });
      // The old password no longer signs in; the new one does.
      expect((await t.http().post('/api/auth/login').send({ phone: user.phone, password: PASSWORD })).status).toBe(401);
      expect((await t.http().post('/api/auth/login').send({ phone: user.phone, password: 'a brand new secret' })).status).toBe(200);
      // Both earlier sign-ins are over at once, access tokens included; the pair it answered keeps this one going.
      expect((await t.http().get('/api/me').set(bearer(user))).status).toBe(401);
      expect(
        (
          await t
            .http()
            .get('/api/me')
            .set(bearer({ token: otherPhone.body.accessToken }))
        ).status,
      ).toBe(401);
      expect(
        (
          await t
            .http()
            .get('/api/me')
            .set(bearer({ token: changed.body.accessToken }))
        ).status,
      ).toBe(200);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: otherPhone.body.refreshToken })).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: changed.body.refreshToken })).status).toBe(200);
      const audit = await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'user.password_changed' AND entity_id = $1`, [user.id]);
      expect(audit).toEqual([{ actor_id: user.id }]);
    });

    it('refuses a wrong current password with 400 CURRENT_PASSWORD_INCORRECT and changes nothing', async () => {
      const user = await newUser(t, 'coordinator', tree.clubA);
      const [before] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      const wrong = await change(user, { currentPassword: 'not my password', newPassword: 'a brand new secret' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('CURRENT_PASSWORD_INCORRECT');
      const [after] = await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [user.id]);
      expect(after.password_hash).toBe(before.password_hash);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(200);
    });

    it('locks guessing with a stolen token after five wrong current passwords, even for the right one', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await change(user, { currentPassword: `guess-${i}-password`, newPassword: 'a brand new secret' })).status);
      expect(statuses).toEqual([400, 400, 400, 400, 429]);
      const locked = await change(user, { currentPassword: PASSWORD, newPassword: 'a brand new secret' });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await t.http().post('/api/auth/login').send({ phone: user.phone, password: PASSWORD })).status).toBe(200);
    });

    it('counts each guess before checking it: a burst of 20 parallel guesses gets five checked', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => change(user, { currentPassword: `burst-${i}-guess`, newPassword: 'a brand new secret' })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 400)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(16);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.password_change_failed' AND entity_id = $1`, [
        user.id,
      ]);
      expect(n).toBe(5);
    });

    it('a staff reset lifts the lock on changing it, so she can replace the password she was just given', async () => {
      const coordinator = await newUser(t, 'coordinator', tree.clubA);
      const user = await newUser(t, 'learner', tree.clubA);
      for (let i = 0; i < 5; i++) await change(user, { currentPassword: `guess-${i}-password`, newPassword: 'a brand new secret' });
      expect((await change(user, { currentPassword: PASSWORD, newPassword: 'a brand new secret' })).status).toBe(429);
      const reset = await t.http().post(`/api/users/${user.id}/password-reset`).set(bearer(coordinator)).send({});
      const login = await t.http().post('/api/auth/login').send({ phone: user.phone, password: reset.body.temporaryPassword });
      expect(
        (await change({ token: login.body.accessToken }, { currentPassword: reset.body.temporaryPassword, newPassword: 'a brand new secret' })).status,
      ).toBe(200);
    });

    it('checks the new password like registration does, and refuses the same password again', async () => {
      const user = await newUser(t, 'instructor', tree.clubA);
      const short = await change(user, { currentPassword: PASSWORD, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.code).toBe('VALIDATION_FAILED');
      expect(short.body.messages).toEqual([expect.stringMatching(/^newPassword must be \d+ to \d+ characters$/)]);
      const same = await change(user, { currentPassword: PASSWORD, newPassword: PASSWORD });
      expect(same.status).toBe(400);
      expect(same.body.messages).toEqual(['newPassword must differ from the current password']);
      const missing = await change(user, { newPassword: 'a brand new secret' });
      expect(missing.status).toBe(400);
      expect(missing.body.messages).toEqual(['currentPassword is required']);
      expect((await t.http().post('/api/auth/login').send({ phone: user.phone, password: PASSWORD })).status).toBe(200);
    });

    it('flags a password staff set, on a new account and after a reset, until she chooses her own', async () => {
      const coordinator = await newUser(t, 'coordinator', tree.clubA);
      const phone = newPhone();
      const created = await t
        .http()
        .post('/api/users')
        .set(bearer(coordinator))
        .send({ phone, name: '刘桂芳', role: 'learner', learnerType: 'migrant_worker', orgId: tree.clubA });
      expect(created.status).toBe(201);
      const signIn = async (password: string) => {
        const login = await t.http().post('/api/auth/login').send({ phone, password });
        expect(login.status).toBe(200);
        return { token: login.body.accessToken as string };
      };
      const me = async (user: { token: string }) => (await t.http().get('/api/me').set(bearer(user))).body.passwordFromStaff;

      const first = await signIn(created.body.temporaryPassword);
      expect(await me(first)).toBe(true);
      expect((await change(first, { currentPassword: created.body.temporaryPassword, newPassword: 'only she knows this' })).status).toBe(200);
      const own = await signIn('only she knows this');
      expect(await me(own)).toBe(false);

      const reset = await t.http().post(`/api/users/${created.body.id}/password-reset`).set(bearer(coordinator)).send({});
      expect(reset.status).toBe(200);
      // The reset ends her sign-ins at once, the access token in her hand included.
      expect((await t.http().get('/api/me').set(bearer(own))).status).toBe(401);
      expect(await me(await signIn(reset.body.temporaryPassword))).toBe(true);
      // Someone who registered herself chose her own.
      const registered = await t
        .http()
        .post('/api/auth/register')
        .send({ phone: newPhone(), password: 'her own choice', name: '王芳', learnerType: 'migrant_worker' });
      expect(await me({ token: registered.body.accessToken })).toBe(false);
    });

    it('is refused without a sign-in', async () => {
      const anonymous = await t.http().post('/api/me/password').send({ currentPassword: PASSWORD, newPassword: 'a brand new secret' });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('tokens', () => {
    it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
      const user = await newUser(t, 'coordinator', tree.clubA);
      const first = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(user.refreshToken);
      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      // The token issued by the legitimate rotation is revoked with the family.
      const afterReuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
      expect(afterReuse.status).toBe(401);
    });

    it('logout ends the refresh token', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      expect((await t.http().post('/api/auth/logout').set(bearer(user)).send({ refreshToken: user.refreshToken })).status).toBe(204);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(401);
    });

    it('logout ends every access token issued to that sign-in at once, and no other sign-in', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const other = await t.http().post('/api/auth/login').send({ phone: user.phone, password: PASSWORD });
      const renewed = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
      expect(renewed.status).toBe(200);
      expect((await t.http().get('/api/me').set(bearer(user))).status).toBe(200);
      const logout = await t
        .http()
        .post('/api/auth/logout')
        .set({ Authorization: `Bearer ${renewed.body.accessToken}` })
        .send({ refreshToken: renewed.body.refreshToken });
      expect(logout.status).toBe(204);
      // Both the first and the renewed access token of that sign-in: refused, though neither has expired.
      for (const token of [user.token, renewed.body.accessToken]) {
        const res = await t
          .http()
          .get('/api/me')
          .set({ Authorization: `Bearer ${token}` });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: renewed.body.refreshToken })).status).toBe(401);
      // Her sign-in on another phone goes on.
      expect(
        (
          await t
            .http()
            .get('/api/me')
            .set({ Authorization: `Bearer ${other.body.accessToken}` })
        ).status,
      ).toBe(200);
    });

    it("refresh-token reuse ends the family's newest access token too", async () => {
      const user = await newUser(t, 'coordinator', tree.clubA);
      const rotated = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
      expect(rotated.status).toBe(200);
      const newest = { Authorization: `Bearer ${rotated.body.accessToken}` };
      expect((await t.http().get('/api/me').set(newest)).status).toBe(200);
      const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken });
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
      expect((await t.http().get('/api/me').set(newest)).status).toBe(401);
      expect((await t.http().get('/api/me').set(bearer(user))).status).toBe(401);
    });

    it('every access token names its sign-in, and one without (or with an unknown one) is refused', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const claims = jwt.decode(user.token) as { sid: string; ver: number };
      const [family] = await t.db.query(`SELECT family_id FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(claims.sid).toBe(family.family_id);
      const sign = (extra: object) => ({
        Authorization: `Bearer ${jwt.sign({ sub: user.id, typ: 'access', ver: claims.ver, ...extra }, SECRET, { issuer: 'hearth', audience: 'hearth-api', expiresIn: 60 })}`,
      });
      expect(
        (
          await t
            .http()
            .get('/api/me')
            .set(sign({ sid: claims.sid }))
        ).status,
      ).toBe(200);
      expect((await t.http().get('/api/me').set(sign({}))).status).toBe(401);
      expect(
        (
          await t
            .http()
            .get('/api/me')
            .set(sign({ sid: '00000000-0000-4000-8000-000000000000' }))
        ).status,
      ).toBe(401);
      // Another account's live sign-in does not count for her.
      const someoneElse = await newUser(t, 'learner', tree.clubA);
      expect(
        (
          await t
            .http()
            .get('/api/me')
            .set(sign({ sid: (jwt.decode(someoneElse.token) as { sid: string }).sid }))
        ).status,
      ).toBe(401);
    });

    it('refresh tokens expire after at most 30 days', async () => {
      const user = await newUser(t, 'learner', tree.clubA);
      const rows = await t.db.query(`SELECT max(expires_at - created_at) AS life FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(rows[0].life.days).toBeLessThanOrEqual(30);
    });

    it('GET /api/me describes the caller', async () => {
      const user = await newUser(t, 'coordinator', tree.clubA);
      const res = await t.http().get('/api/me').set(bearer(user));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: user.id,
        phone: user.phone,
        roles: ['coordinator'],
        orgId: tree.clubA,
        orgName: 'T 俱乐部A',
        orgKind: 'club',
        locale: 'zh-CN',
      });
    });

    it.each([
      ['no token', () => ({})],
      ['a malformed token', () => ({ Authorization: 'Bearer not.a.jwt' })],
      [
        'the "none" algorithm',
        (id: string) => ({
          Authorization: `Bearer ${jwt.sign({ sub: id, typ: 'access' }, '', { algorithm: 'none', issuer: 'hearth', audience: 'hearth-api' })}`,
        }),
      ],
      [
        'a foreign key',
        (id: string) => ({
          Authorization: `Bearer ${jwt.sign({ sub: id, typ: 'access' }, 'another-secret-another-secret-another', { issuer: 'hearth', audience: 'hearth-api' })}`,
        }),
      ],
      [
        'the wrong audience',
        (id: string) => ({ Authorization: `Bearer ${jwt.sign({ sub: id, typ: 'access' }, SECRET, { issuer: 'hearth', audience: 'other' })}` }),
      ],
      [
        'the wrong issuer',
        (id: string) => ({ Authorization: `Bearer ${jwt.sign({ sub: id, typ: 'access' }, SECRET, { issuer: 'evil', audience: 'hearth-api' })}` }),
      ],
      [
        'an expired token',
        (id: string) => ({
          Authorization: `Bearer ${jwt.sign({ sub: id, typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { issuer: 'hearth', audience: 'hearth-api' })}`,
        }),
      ],
      ['a refresh-type token', (id: string) => ({ Authorization: `Bearer ${jwt.sign({ sub: id }, SECRET, { issuer: 'hearth', audience: 'hearth-api' })}` })],
    ])('answers 401 for %s', async (_label, headers) => {
      const user = await newUser(t, 'admin', tree.national);
      const res = await t
        .http()
        .get('/api/me')
        .set(headers(user.id) as Record<string, string>);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('a validly signed token for an edited role claim still yields the stored role', async () => {
      const learner = await newUser(t, 'learner', tree.clubA);
      const forged = jwt.sign({ ...(jwt.decode(learner.token) as object), role: 'admin', orgId: tree.national }, SECRET);
      const res = await t
        .http()
        .get('/api/users')
        .set({ Authorization: `Bearer ${forged}` });
      expect(res.status).toBe(403);
    });

    it("a disabled user's token stops working at once", async () => {
      const user = await newUser(t, 'coordinator', tree.clubA);
      expect((await t.http().get('/api/me').set(bearer(user))).status).toBe(200);
      await t.db.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
      expect((await t.http().get('/api/me').set(bearer(user))).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: user.refreshToken })).status).toBe(401);
    });
  });

  describe('errors and plumbing', () => {
    it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
      const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"phone": "139');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
    });

    it('refuses an oversized body with 413', async () => {
      const res = await t
        .http()
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ phone: '13900000000', password: 'x'.repeat(1_100_000) }));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('sends security headers and a request id', async () => {
      const res = await t.http().get('/api/health').set('x-request-id', 'test-request-0001');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', db: 'up' });
      expect(res.headers['x-request-id']).toBe('test-request-0001');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('allows CORS only from the web origin', async () => {
      const ok = await t.http().options('/api/me').set('Origin', 'http://localhost:3000').set('Access-Control-Request-Method', 'GET');
      expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      const evil = await t.http().options('/api/me').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves the OpenAPI spec', async () => {
      const res = await t.http().get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/orgs', '/api/me']));
    });

    it('unknown routes are a 404 in the contract shape', async () => {
      const res = await t.http().get('/api/does-not-exist');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    });

    it('an over-long id in the path is a 414 in the contract shape, without echoing it', async () => {
      const res = await t.http().get(`/api/classes/${'x'.repeat(300)}`);
      expect(res.status).toBe(414);
      expect(res.body).toEqual({ statusCode: 414, error: 'URI Too Long', message: 'A value in the address is too long', code: 'VALIDATION_FAILED' });
    });
  });
});
