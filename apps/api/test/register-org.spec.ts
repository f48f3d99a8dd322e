import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { newOrg, newPhone, newTree, type TreeIds } from './factories.js';

const register = (t: TestApp, orgId?: string) =>
  t
    .http()
    .post('/api/auth/register')
    .send({ phone: newPhone(), password: 'longenough1', name: '新学员', learnerType: 'volunteer_mother', ...(orgId ? { orgId } : {}) });

describe('self-registration joins a club or station', () => {
  let t: TestApp;
  let tree: TreeIds;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    tree = await newTree(t.db, '桃源');
  });
  afterAll(() => t.close());

  it('a club or a station is accepted and becomes her org', async () => {
    for (const orgId of [tree.clubA, tree.stationB]) {
      const res = await register(t, orgId);
      expect(res.status).toBe(201);
      expect(res.body.user.orgId).toBe(orgId);
    }
  });

  it('the national root, a province, a city or a county is 422 ORG_NOT_JOINABLE and no account is made', async () => {
    for (const orgId of [tree.national, tree.province, tree.city, tree.county]) {
      const phone = newPhone();
      const res = await t.http().post('/api/auth/register').send({ phone, password: 'longenough1', name: '新学员', learnerType: 'migrant_worker', orgId });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ORG_NOT_JOINABLE');
      expect(await t.db.query(`SELECT id FROM users WHERE phone = $1`, [phone])).toEqual([]);
    }
  });

  it('without orgId she may still register (older clients), in no org', async () => {
    const res = await register(t);
    expect(res.status).toBe(201);
    expect(res.body.user.orgId).toBeNull();
  });

  it('GET /api/orgs/joinable finds clubs and stations by name, anonymously, with their trail below the root and nothing else', async () => {
    const res = await t.http().get('/api/orgs/joinable').query({ q: '桃源 驿站' });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items).toEqual([
      {
        id: tree.stationA,
        kind: 'station',
        name: '桃源 驿站A',
        trail: [
          { kind: 'province', name: '桃源 省' },
          { kind: 'city', name: '桃源 市' },
          { kind: 'county', name: '桃源 县' },
          { kind: 'club', name: '桃源 俱乐部A' },
        ],
      },
      {
        id: tree.stationB,
        kind: 'station',
        name: '桃源 驿站B',
        trail: [
          { kind: 'province', name: '桃源 省' },
          { kind: 'city', name: '桃源 市' },
          { kind: 'county', name: '桃源 县' },
          { kind: 'club', name: '桃源 俱乐部B' },
        ],
      },
    ]);
    // Federations match the words too, but are never offered.
    const all = await t.http().get('/api/orgs/joinable').query({ q: '桃源' });
    expect(all.body.items.map((o: { kind: string }) => o.kind).sort()).toEqual(['club', 'club', 'station', 'station']);
    // An exact name first; paging holds.
    await newOrg(t.db, 'club', '驿', tree.county);
    const exact = await t.http().get('/api/orgs/joinable').query({ q: '驿', limit: 1 });
    expect(exact.body.items.map((o: { name: string }) => o.name)).toEqual(['驿']);
    expect(exact.body.total).toBeGreaterThanOrEqual(3);
  });

  it('asks for a name: no q, an empty one or a long one is 400; no match is an empty page', async () => {
    expect((await t.http().get('/api/orgs/joinable')).status).toBe(400);
    expect((await t.http().get('/api/orgs/joinable').query({ q: '  ' })).status).toBe(400);
    expect(
      (
        await t
          .http()
          .get('/api/orgs/joinable')
          .query({ q: 'x'.repeat(51) })
      ).status,
    ).toBe(400);
    expect((await t.http().get('/api/orgs/joinable').query({ q: '100%' })).body).toEqual({ items: [], total: 0 });
  });
});

describe('the joinable-org search is rate-limited per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the allowance', async () => {
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 55_000) await new Promise((r) => setTimeout(r, 60_500 - intoWindow));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http().get('/api/orgs/joinable').query({ q: '驿站' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
