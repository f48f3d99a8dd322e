import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newEmployer, newPhone, newTree, newUser, PASSWORD, type TestUser, type TreeIds } from './factories.js';

describe('users and orgs, scoped to the caller subtree', () => {
  let t: TestApp;
  let tree: TreeIds;
  let countyAdmin: TestUser;
  let coordA: TestUser;
  let coordB: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'S');
    countyAdmin = await newUser(t, 'admin', tree.county);
    coordA = await newUser(t, 'coordinator', tree.clubA, { name: '协调员甲' });
    coordB = await newUser(t, 'coordinator', tree.clubB, { name: '协调员乙' });
  });
  afterAll(() => t.close());

  const createUser = (caller: TestUser, body: Record<string, unknown>) => t.http().post('/api/users').set(bearer(caller)).send(body);

  describe('POST /api/users', () => {
    it('a coordinator creates a learner in her club; a temporary password is returned once when none is given', async () => {
      const phone = newPhone();
      const res = await createUser(coordA, { phone, name: '王小红', role: 'learner', learnerType: 'volunteer_mother', orgId: tree.stationA });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ phone, name: '王小红', role: 'learner', orgId: tree.stationA, learnerType: 'volunteer_mother' });
      expect(res.body.temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
      const login = await t.http().post('/api/auth/login').send({ phone, password: res.body.temporaryPassword });
      expect(login.status).toBe(200);
      const audit = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'user.create' AND entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ actor_id: coordA.id, details: { role: 'learner' } }]);
    });

    it("another club's coordinator gets 404 for club A, as if it did not exist", async () => {
      const res = await createUser(coordB, { phone: newPhone(), name: '某', role: 'learner', learnerType: 'migrant_worker', orgId: tree.clubA });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('a coordinator may not create admins or coordinators', async () => {
      for (const role of ['admin', 'coordinator']) {
        const res = await createUser(coordA, { phone: newPhone(), name: '某', role, orgId: tree.clubA, password: 'longenough1' });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('ROLE_NOT_ALLOWED');
      }
    });

    it('an admin creates a coordinator in her subtree', async () => {
      const res = await createUser(countyAdmin, { phone: newPhone(), name: '新协调员', role: 'coordinator', orgId: tree.clubB, password: 'longenough1' });
      expect(res.status).toBe(201);
      expect(res.body.temporaryPassword).toBeUndefined();
    });

    it('employer staff need an employer of the subtree', async () => {
      const missing = await createUser(coordA, { phone: newPhone(), name: '雇主', role: 'employer', orgId: tree.clubA });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('EMPLOYER_REQUIRED');
      const otherClubEmployer = await newEmployer(t.db, tree.clubB, '乙公司');
      const foreign = await createUser(coordA, { phone: newPhone(), name: '雇主', role: 'employer', orgId: tree.clubA, employerId: otherClubEmployer });
      expect(foreign.status).toBe(404);
      const ownEmployer = await newEmployer(t.db, tree.clubA, '甲公司');
      const ok = await createUser(coordA, { phone: newPhone(), name: '雇主', role: 'employer', orgId: tree.clubA, employerId: ownEmployer });
      expect(ok.status).toBe(201);
      expect(ok.body.employerId).toBe(ownEmployer);
    });

    it('answers bad input with 400 naming each field, and a taken phone with 409', async () => {
      const bad = await createUser(coordA, { phone: '1234', name: '', role: 'king', orgId: 'nope', status: 'active' });
      expect(bad.status).toBe(400);
      const text = bad.body.messages.join('\n');
      for (const word of ['phone', 'name', 'role', 'orgId', 'status is not an accepted field']) expect(text).toContain(word);
      const noType = await createUser(coordA, { phone: newPhone(), name: '某', role: 'learner', orgId: tree.clubA });
      expect(noType.status).toBe(400);
      expect(noType.body.message).toMatch(/learnerType/);
      const taken = await createUser(coordA, { phone: coordB.phone, name: '某', role: 'learner', learnerType: 'migrant_worker', orgId: tree.clubA });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('PHONE_TAKEN');
    });
  });

  describe('POST /api/users/:id/password-reset', () => {
    it('gives someone who forgot her password a new one: the old password, her sessions and a sign-in lock end', async () => {
      const instructor = await newUser(t, 'instructor', tree.stationA);
      const login = await t.http().post('/api/auth/login').send({ phone: instructor.phone, password: PASSWORD });
      expect(login.status).toBe(200);
      for (let i = 0; i < 6; i++) await t.http().post('/api/auth/login').send({ phone: instructor.phone, password: 'forgotten-it' });
      expect((await t.http().post('/api/auth/login').send({ phone: instructor.phone, password: 'forgotten-it' })).status).toBe(429);

      const res = await t.http().post(`/api/users/${instructor.id}/password-reset`).set(bearer(coordA));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ userId: instructor.id, temporaryPassword: expect.stringMatching(/^[a-z2-9]{10}$/) });
      expect((await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(401);
      expect((await t.http().post('/api/auth/login').send({ phone: instructor.phone, password: PASSWORD })).status).toBe(401);
      expect((await t.http().post('/api/auth/login').send({ phone: instructor.phone, password: res.body.temporaryPassword })).status).toBe(200);
      expect(await t.db.query(`SELECT actor_id FROM audit_events WHERE action = 'user.password_reset' AND entity_id = $1`, [instructor.id])).toEqual([
        { actor_id: coordA.id },
      ]);
      expect(JSON.stringify(await t.db.query(`SELECT details FROM audit_events WHERE action = 'user.password_reset'`))).not.toContain(
        res.body.temporaryPassword,
      );
    });

    it('only inside her subtree, only roles she may create, and never her own', async () => {
      const learnerB = await newUser(t, 'learner', tree.stationB);
      expect((await t.http().post(`/api/users/${learnerB.id}/password-reset`).set(bearer(coordA))).status).toBe(404);
      expect((await t.http().post(`/api/users/${coordB.id}/password-reset`).set(bearer(coordA))).status).toBe(404);
      const otherCoordinator = await newUser(t, 'coordinator', tree.clubA);
      const refused = await t.http().post(`/api/users/${otherCoordinator.id}/password-reset`).set(bearer(coordA));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('ROLE_NOT_ALLOWED');
      expect((await t.http().post(`/api/users/${coordA.id}/password-reset`).set(bearer(coordA))).status).toBe(403);
      expect((await t.http().post(`/api/users/${otherCoordinator.id}/password-reset`).set(bearer(countyAdmin))).status).toBe(200);
      expect((await t.http().post('/api/users/not-a-uuid/password-reset').set(bearer(countyAdmin))).status).toBe(400);
    });

    it('an imported learner given a password no longer needs her activation code', async () => {
      const phone = newPhone();
      await t
        .http()
        .post('/api/imports/learners')
        .set(bearer(coordA))
        .send({ csv: `name,phone\n孙莉,${phone}`, orgId: tree.stationA });
      const [{ id }] = await t.db.query(`SELECT id FROM users WHERE phone = $1`, [phone]);
      expect((await t.http().post(`/api/users/${id}/claim-code`).set(bearer(coordA))).status).toBe(201);
      const reset = await t.http().post(`/api/users/${id}/password-reset`).set(bearer(coordA));
      expect(reset.status).toBe(200);
      expect(await t.db.query(`SELECT 1 FROM account_claims WHERE user_id = $1`, [id])).toHaveLength(0);
      const listed = await t.http().get('/api/users').query({ q: phone }).set(bearer(coordA));
      expect(listed.body.items).toEqual([expect.objectContaining({ id, activated: true })]);
    });
  });

  describe('GET /api/users', () => {
    it('lists only the subtree, filters by role, org and search text', async () => {
      await newUser(t, 'learner', tree.stationB, { name: '乙站学员' });
      await newUser(t, 'learner', tree.stationA, { name: '甲站学员' });
      const mine = await t.http().get('/api/users').set(bearer(coordA));
      expect(mine.status).toBe(200);
      expect(mine.body.total).toBe(mine.body.items.length);
      expect(mine.body.items.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['甲站学员', '协调员甲']));
      expect(mine.body.items.map((u: { name: string }) => u.name)).not.toContain('乙站学员');
      expect(typeof mine.body.total).toBe('number');

      const all = await t.http().get('/api/users').query({ role: 'learner', q: '站学员' }).set(bearer(countyAdmin));
      expect(all.body.items.map((u: { name: string }) => u.name).sort()).toEqual(['乙站学员', '甲站学员']);

      const byOrg = await t.http().get('/api/users').query({ orgId: tree.clubB }).set(bearer(countyAdmin));
      expect(byOrg.body.items.every((u: { orgId: string }) => [tree.clubB, tree.stationB].includes(u.orgId))).toBe(true);

      expect((await t.http().get('/api/users').query({ orgId: tree.clubB }).set(bearer(coordA))).status).toBe(404);
    });

    it('pages with limit and offset, capping limit at 100', async () => {
      const page = await t.http().get('/api/users').query({ limit: 1, offset: 1 }).set(bearer(countyAdmin));
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThan(1);
      expect((await t.http().get('/api/users').query({ limit: 101 }).set(bearer(countyAdmin))).status).toBe(400);
      expect((await t.http().get('/api/users').query({ limit: 'abc' }).set(bearer(countyAdmin))).status).toBe(400);
    });

    it('treats LIKE wildcards in q as plain text', async () => {
      const res = await t.http().get('/api/users').query({ q: '%' }).set(bearer(countyAdmin));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    });
  });

  describe('orgs', () => {
    it('lists the subtree in tree order', async () => {
      const res = await t.http().get('/api/orgs').set(bearer(coordA));
      expect(res.status).toBe(200);
      expect(res.body.items.map((o: { id: string }) => o.id)).toEqual([tree.clubA, tree.stationA]);
      const county = await t.http().get('/api/orgs').set(bearer(countyAdmin));
      expect(county.body.items[0]).toMatchObject({ id: tree.county, kind: 'county', parentId: tree.city });
      expect(county.body.total).toBe(5);
    });

    it('creates a child of a lower kind, audit-logged', async () => {
      const res = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: '新的俱乐部', kind: 'club', parentId: tree.county });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: '新的俱乐部', kind: 'club', parentId: tree.county });
      const rows = await t.db.query(`SELECT path FROM organizations WHERE id = $1`, [res.body.id]);
      expect(rows[0].path).toMatch(new RegExp(`${tree.county}/${res.body.id}/$`));
      expect(await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'org.create' AND entity_id = $1`, [res.body.id])).toHaveLength(1);
    });

    it('refuses a kind that is not lower than the parent (422), a duplicate name (409), a parent outside the subtree (404)', async () => {
      const same = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: '又一个县', kind: 'county', parentId: tree.county });
      expect(same.status).toBe(422);
      expect(same.body.code).toBe('ORG_KIND_INVALID');
      await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: '重名驿站', kind: 'station', parentId: tree.clubA });
      const dup = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: '重名驿站', kind: 'station', parentId: tree.clubA });
      expect(dup.status).toBe(409);
      const above = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: '越级', kind: 'county', parentId: tree.city });
      expect(above.status).toBe(404);
      const badKind = await t.http().post('/api/orgs').set(bearer(countyAdmin)).send({ name: 'x', kind: 'village', parentId: tree.county });
      expect(badKind.status).toBe(400);
      expect(badKind.body.message).toMatch(/kind must be one of/);
    });
  });

  it('the audit log refuses UPDATE and DELETE, even from the API connection', async () => {
    await expect(t.db.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
