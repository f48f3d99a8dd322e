import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StatsRefreshService } from '../src/reports/stats-refresh.service.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newOrg, newUser, type TestUser } from './factories.js';

interface Node {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  childCount: number;
  learners: number;
  trail: { id: string; name: string; kind: string }[];
}
interface NodePage {
  items: Node[];
  total: number;
  parent?: Node;
}

/**
 * GET /api/orgs with a query: the tree page's children, search and paging, always inside the
 * caller's subtree. The bare GET /api/orgs (the whole subtree) is covered in users-orgs.spec.ts.
 */
describe('browsing and searching the org tree', () => {
  let t: TestApp;
  const o: Record<string, string> = {};
  let national: TestUser;
  let provinceA: TestUser;
  let provinceB: TestUser;
  let coordinator: TestUser;
  let learner: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    // N → 甲省 → {甲市 → {甲县 → {甲县俱乐部 → 甲县驿站, 甲县直属驿站}, 乙县}, 丙市}; N → 乙省 → 乙省市 → 乙省县 → 乙省驿站
    o.national = await newOrg(t.db, 'national', '全国');
    o.provA = await newOrg(t.db, 'province', '甲省', o.national);
    o.cityA = await newOrg(t.db, 'city', '甲市', o.provA);
    o.cityC = await newOrg(t.db, 'city', '丙市', o.provA);
    o.countyA = await newOrg(t.db, 'county', '甲县', o.cityA);
    o.countyB = await newOrg(t.db, 'county', '乙县', o.cityA);
    o.club = await newOrg(t.db, 'club', '甲县俱乐部', o.countyA);
    o.station = await newOrg(t.db, 'station', '甲县驿站', o.club);
    o.directStation = await newOrg(t.db, 'station', '甲县直属驿站', o.countyA);
    o.latin = await newOrg(t.db, 'station', 'Hope Station 100%', o.countyB);
    o.provB = await newOrg(t.db, 'province', '乙省', o.national);
    o.cityB = await newOrg(t.db, 'city', '乙省市', o.provB);
    o.countyOther = await newOrg(t.db, 'county', '乙省县', o.cityB);
    o.stationOther = await newOrg(t.db, 'station', '乙省驿站', o.countyOther);
    national = await newUser(t, 'admin', o.national);
    provinceA = await newUser(t, 'admin', o.provA);
    provinceB = await newUser(t, 'admin', o.provB);
    coordinator = await newUser(t, 'coordinator', o.club);
    learner = await newUser(t, 'learner', o.station);
    await newUser(t, 'learner', o.directStation);
    await t.app.get(StatsRefreshService).refreshAll();
  });
  afterAll(() => t.close());

  const list = (caller: TestUser, query: Record<string, string | number>) => t.http().get('/api/orgs').query(query).set(bearer(caller));
  const names = (page: NodePage) => page.items.map((item) => item.name);

  describe('children of one org', () => {
    it("lists an org's direct children by name, each with its own children and learners counted, and the org itself with its trail", async () => {
      const res = await list(provinceA, { parentId: o.cityA });
      expect(res.status).toBe(200);
      const page = res.body as NodePage;
      expect(names(page)).toEqual(['乙县', '甲县']);
      expect(page.total).toBe(2);
      const countyA = page.items.find((item) => item.id === o.countyA)!;
      expect(countyA).toEqual({
        id: o.countyA,
        parentId: o.cityA,
        kind: 'county',
        name: '甲县',
        depth: 3,
        childCount: 2,
        learners: 2,
        trail: [
          { id: o.provA, kind: 'province', name: '甲省' },
          { id: o.cityA, kind: 'city', name: '甲市' },
        ],
      });
      // The trail starts at her own org: the national root above her is not hers to see.
      expect(page.parent).toMatchObject({ id: o.cityA, name: '甲市', childCount: 2, learners: 2, trail: [{ id: o.provA, name: '甲省' }] });
    });

    it('her own org heads its page with an empty trail; the national admin sees the whole way down', async () => {
      const own = (await list(provinceA, { parentId: o.provA })).body as NodePage;
      expect(own.parent).toMatchObject({ id: o.provA, trail: [] });
      expect(names(own)).toEqual(['丙市', '甲市']);
      const deep = (await list(national, { parentId: o.club })).body as NodePage;
      expect(deep.parent!.trail.map((a) => a.name)).toEqual(['全国', '甲省', '甲市', '甲县']);
      expect(deep.items).toEqual([expect.objectContaining({ id: o.station, childCount: 0, learners: 1 })]);
    });

    it('a new child shows up in its parent list and is audit-logged', async () => {
      const created = await t.http().post('/api/orgs').set(bearer(provinceA)).send({ name: '新建驿站', kind: 'station', parentId: o.countyB });
      expect(created.status).toBe(201);
      const page = (await list(provinceA, { parentId: o.countyB })).body as NodePage;
      expect(page.items.map((item) => item.id)).toContain(created.body.id);
      expect(page.parent!.childCount).toBe(2);
      const audit = await t.db.query(`SELECT actor_id, org_id, details FROM audit_events WHERE action = 'org.create' AND entity_id = $1`, [created.body.id]);
      expect(audit).toEqual([{ actor_id: provinceA.id, org_id: created.body.id, details: { kind: 'station', parentId: o.countyB } }]);
    });

    it('refuses a second child of the same name under one parent (409), not under another parent', async () => {
      const dup = await t.http().post('/api/orgs').set(bearer(provinceA)).send({ name: '甲县驿站', kind: 'station', parentId: o.club });
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('CONFLICT');
      const elsewhere = await t.http().post('/api/orgs').set(bearer(provinceA)).send({ name: '甲县驿站', kind: 'station', parentId: o.cityC });
      expect(elsewhere.status).toBe(201);
    });
  });

  describe('search by name', () => {
    it('finds orgs anywhere in her subtree and nowhere else, each with the trail that tells same-named ones apart', async () => {
      const mine = (await list(provinceA, { q: '驿站' })).body as NodePage;
      expect(names(mine).sort()).toEqual(['新建驿站', '甲县直属驿站', '甲县驿站', '甲县驿站'].sort());
      expect(mine.total).toBe(4);
      const underClub = mine.items.find((item) => item.id === o.station)!;
      expect(underClub.trail.map((a) => a.name)).toEqual(['甲省', '甲市', '甲县', '甲县俱乐部']);
      expect(mine.parent).toBeUndefined();

      const theirs = (await list(provinceB, { q: '驿站' })).body as NodePage;
      expect(names(theirs)).toEqual(['乙省驿站']);
      expect((await list(provinceB, { q: '甲县' })).body.total).toBe(0);
      expect((await list(national, { q: '驿站' })).body.total).toBe(5);
    });

    it('puts the exact name first, then names starting with it', async () => {
      const page = (await list(provinceA, { q: '甲县' })).body as NodePage;
      expect(names(page)[0]).toBe('甲县');
      expect(
        names(page)
          .slice(1, 4)
          .every((name) => name.startsWith('甲县')),
      ).toBe(true);
      expect(names(page)).toContain('甲县直属驿站');
    });

    it('with parentId, searches only under that org', async () => {
      const page = (await list(provinceA, { q: '驿站', parentId: o.countyA })).body as NodePage;
      expect(names(page).sort()).toEqual(['甲县直属驿站', '甲县驿站'].sort());
      expect(page.parent).toMatchObject({ id: o.countyA });
      expect((await list(provinceA, { q: '驿站', parentId: o.provB })).status).toBe(404);
    });

    it('ignores case and treats LIKE wildcards as plain text', async () => {
      expect(names((await list(provinceA, { q: 'hope' })).body)).toEqual(['Hope Station 100%']);
      expect(names((await list(provinceA, { q: '100%' })).body)).toEqual(['Hope Station 100%']);
      expect((await list(provinceA, { q: '%' })).body.total).toBe(1);
      expect((await list(provinceA, { q: '_' })).body.total).toBe(0);
    });
  });

  describe('scope', () => {
    it("a province admin gets 404 for another province's org, for an org above her and for an unknown id", async () => {
      for (const parentId of [o.provB, o.stationOther, o.national, '00000000-0000-4000-8000-000000000000']) {
        const res = await list(provinceA, { parentId });
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    });

    it('a coordinator browses her own subtree as before and nothing above it; a learner is refused', async () => {
      const bare = await t.http().get('/api/orgs').set(bearer(coordinator));
      expect(bare.body.items.map((item: { id: string }) => item.id)).toEqual([o.club, o.station]);
      const own = (await list(coordinator, { parentId: o.club })).body as NodePage;
      expect(own.items.map((item) => item.id)).toEqual([o.station]);
      expect(own.parent!.trail).toEqual([]);
      expect((await list(coordinator, { parentId: o.countyA })).status).toBe(404);
      expect(names((await list(coordinator, { q: '驿站' })).body)).toEqual(['甲县驿站']);
      expect((await list(learner, { parentId: o.station })).status).toBe(403);
    });
  });

  describe('kind', () => {
    it('keeps only orgs of the kinds asked for, in tree order, with counts and trails', async () => {
      const res = await list(provinceA, { kind: 'club,station', limit: 100 });
      expect(res.status).toBe(200);
      const page = res.body as NodePage;
      // Exactly the clubs and stations of her whole subtree (the bare call), in the same order.
      const bare = (await t.http().get('/api/orgs').set(bearer(provinceA))).body as { items: Node[] };
      const expected = bare.items.filter((item) => item.kind === 'club' || item.kind === 'station').map((item) => item.id);
      expect(page.items.map((item) => item.id)).toEqual(expected);
      expect(page.total).toBe(expected.length);
      expect(expected).toEqual(expect.arrayContaining([o.club, o.station, o.directStation, o.latin]));
      expect(page.items.find((item) => item.id === o.station)).toMatchObject({
        kind: 'station',
        trail: [{ id: o.provA }, { id: o.cityA }, { id: o.countyA }, { id: o.club }],
      });
      // The parameter may be repeated too.
      const repeated = (await t.http().get('/api/orgs?kind=club&kind=station&limit=100').set(bearer(provinceA))).body as NodePage;
      expect(repeated.items.map((item) => item.id)).toEqual(expected);
      expect(names((await list(provinceA, { kind: 'city' })).body).sort()).toEqual(['丙市', '甲市'].sort());
    });

    it('combines with search, children and paging', async () => {
      expect(names((await list(national, { q: '甲县直属', kind: 'station' })).body)).toEqual(['甲县直属驿站']);
      expect(names((await list(national, { q: '甲县', kind: 'club' })).body)).toEqual(['甲县俱乐部']);
      expect(names((await list(national, { parentId: o.countyA, kind: 'station' })).body)).toEqual(['甲县直属驿站']);
      const all = (await list(national, { kind: 'station', limit: 100 })).body as NodePage;
      const first = (await list(national, { kind: 'station', limit: 2 })).body as NodePage;
      const rest = (await list(national, { kind: 'station', limit: 100, offset: 2 })).body as NodePage;
      expect(first.items).toHaveLength(2);
      expect(first.total).toBe(all.total);
      expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
      expect(all.items.every((item) => item.kind === 'station')).toBe(true);
      expect(all.items.map((item) => item.id)).toEqual(expect.arrayContaining([o.station, o.directStation, o.latin, o.stationOther]));
    });

    it('stays inside her subtree', async () => {
      const hers = (await list(coordinator, { kind: 'club,station' })).body as NodePage;
      expect(hers.items.map((item) => item.id)).toEqual([o.club, o.station]);
      expect(hers.total).toBe(2);
      expect((await list(coordinator, { kind: 'province,national' })).body).toEqual({ items: [], total: 0 });
      expect((await list(coordinator, { kind: 'station', q: '乙省' })).body).toEqual({ items: [], total: 0 });
      expect((await list(coordinator, { kind: 'station', parentId: o.countyOther })).status).toBe(404);
      expect(names((await list(provinceB, { kind: 'station' })).body)).toEqual(['乙省驿站']);
      expect((await list(learner, { kind: 'station' })).status).toBe(403);
    });
  });

  describe('input and paging', () => {
    it('answers bad input with 400 naming the field', async () => {
      const cases: [Record<string, string | number>, string][] = [
        [{ parentId: 'nope' }, 'parentId must be an id'],
        [{ q: '' }, 'q must be 1 to 50 characters'],
        [{ q: '   ' }, 'q must be 1 to 50 characters'],
        [{ q: '字'.repeat(51) }, 'q must be 1 to 50 characters'],
        [{ parentId: o.provA, limit: 0 }, 'limit must be'],
        [{ parentId: o.provA, limit: 101 }, 'limit must be'],
        [{ parentId: o.provA, offset: -1 }, 'offset must be'],
        [{ kind: 'village' }, 'kind must be one or more of national, province, city, county, club, station'],
        [{ kind: 'club,' }, 'kind must be one or more of'],
        [{ kind: '' }, 'kind must be one or more of'],
        [{ type: 'city' }, 'type'],
      ];
      for (const [query, message] of cases) {
        const res = await list(provinceA, query);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.message).toContain(message);
      }
    });

    it('pages with limit and offset; past the end the total is still right', async () => {
      const first = (await list(national, { parentId: o.countyA, limit: 1 })).body as NodePage;
      const second = (await list(national, { parentId: o.countyA, limit: 1, offset: 1 })).body as NodePage;
      expect(first.total).toBe(2);
      expect(first.items).toHaveLength(1);
      expect(second.items).toHaveLength(1);
      expect(second.items[0].id).not.toBe(first.items[0].id);
      const past = (await list(national, { parentId: o.countyA, limit: 1, offset: 5 })).body as NodePage;
      expect(past).toMatchObject({ items: [], total: 2 });
      const searchPast = (await list(national, { q: '驿站', offset: 50 })).body as NodePage;
      expect(searchPast).toMatchObject({ items: [], total: 5 });
    });

    it('with only limit/offset, pages through her subtree in tree order; the bare call is unchanged', async () => {
      const page = (await list(provinceA, { limit: 3 })).body as NodePage;
      expect(page.items.map((item) => item.id)).toEqual([o.provA, expect.any(String), expect.any(String)]);
      expect(page.items[0]).toMatchObject({ trail: [], childCount: 2 });
      const bare = await t.http().get('/api/orgs').set(bearer(provinceA));
      expect(bare.body.total).toBe(page.total);
      expect(Object.keys(bare.body)).toEqual(['items', 'total']);
      expect(Object.keys(bare.body.items[0]).sort()).toEqual(['depth', 'id', 'kind', 'name', 'parentId']);
    });
  });
});
