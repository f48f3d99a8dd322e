import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newOrg, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/**
 * Courses belong to an org. A province admin authors her province's courses (published to everyone's
 * catalogue) and cannot touch the national catalogue, whose courses decide every volunteer mother's
 * readiness, nor another province's courses: those answer 404, as for an unknown id.
 */
describe('course ownership', () => {
  let t: TestApp;
  let tree: TreeIds;
  let gansu: string;
  let national: TestUser;
  let fujianAdmin: TestUser;
  let gansuAdmin: TestUser;
  let learner: TestUser;

  const body = (code: string, over: Record<string, unknown> = {}) => ({
    code,
    title: '家政服务（本省）',
    category: 'vocational',
    requiredHours: 8,
    minAttendancePct: 80,
    passMark: 60,
    requiredForVolunteers: false,
    lessons: [{ title: '第一课', body: '内容', hours: 8 }],
    ...over,
  });
  const fingerprint = async (id: string) =>
    JSON.stringify(
      await t.db.query(
        `SELECT c.*, (SELECT json_agg(l ORDER BY l.position) FROM lessons l WHERE l.course_id = c.id) AS lessons FROM courses c WHERE c.id = $1`,
        [id],
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'O');
    gansu = await newOrg(t.db, 'province', 'O 甘肃省', tree.national);
    national = await newUser(t, 'admin', tree.national);
    fujianAdmin = await newUser(t, 'admin', tree.province);
    gansuAdmin = await newUser(t, 'admin', gansu);
    learner = await newUser(t, 'learner', tree.clubA);
  });
  afterAll(() => t.close());

  it("a province admin's course belongs to her province by default and is in everyone's catalogue", async () => {
    const res = await t.http().post('/api/courses').set(bearer(fujianAdmin)).send(body('OWN-FJ-1'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerOrgId: tree.province, editable: true, published: true });
    const [{ owner_org_id }] = await t.db.query(`SELECT owner_org_id FROM courses WHERE id = $1`, [res.body.id]);
    expect(owner_org_id).toBe(tree.province);
    for (const caller of [gansuAdmin, learner]) {
      const list = await t.http().get('/api/courses?category=vocational').set(bearer(caller));
      const item = list.body.items.find((c: { code: string }) => c.code === 'OWN-FJ-1');
      expect(item).toMatchObject({ ownerOrgId: tree.province, editable: false });
    }
    expect((await t.http().get('/api/courses/OWN-FJ-1')).body.editable).toBe(false);
    expect((await t.http().get('/api/courses/OWN-FJ-1').set(bearer(national))).body.editable).toBe(true);
  });

  it('ownerOrgId may name an org inside her subtree, never one outside it', async () => {
    const inside = await t
      .http()
      .post('/api/courses')
      .set(bearer(fujianAdmin))
      .send(body('OWN-FJ-CLUB', { ownerOrgId: tree.clubA }));
    expect(inside.status).toBe(201);
    expect(inside.body.ownerOrgId).toBe(tree.clubA);
    const outside = await t
      .http()
      .post('/api/courses')
      .set(bearer(gansuAdmin))
      .send(body('OWN-GS-X', { ownerOrgId: tree.province }));
    expect(outside.status).toBe(404);
    expect((await t.db.query(`SELECT 1 FROM courses WHERE code = 'OWN-GS-X'`)).length).toBe(0);
    const bad = await t
      .http()
      .post('/api/courses')
      .set(bearer(gansuAdmin))
      .send(body('OWN-GS-Y', { ownerOrgId: 'not-an-id' }));
    expect(bad.status).toBe(400);
  });

  it("another branch's admin cannot change, re-lesson, withdraw, publish or take over a course: 404, nothing changes", async () => {
    const created = await t
      .http()
      .post('/api/courses')
      .set(bearer(fujianAdmin))
      .send(body('OWN-FJ-2', { published: false }));
    const id = created.body.id;
    const before = await fingerprint(id);
    const attempts = [{ requiredHours: 1 }, { lessons: [] }, { published: true }, { title: '改了' }, { ownerOrgId: gansu }];
    for (const change of attempts) {
      const res = await t.http().patch(`/api/courses/${id}`).set(bearer(gansuAdmin)).send(change);
      expect({ change, status: res.status, code: res.body.code }).toEqual({ change, status: 404, code: 'NOT_FOUND' });
    }
    // Her draft is not even visible to the other branch.
    expect((await t.http().get(`/api/courses/${id}`).set(bearer(gansuAdmin))).status).toBe(404);
    const drafts = await t.http().get('/api/courses?include=drafts').set(bearer(gansuAdmin));
    expect(drafts.body.items.map((c: { code: string }) => c.code)).not.toContain('OWN-FJ-2');
    expect(await fingerprint(id)).toBe(before);
    // Her own (and the national admin) may.
    expect((await t.http().patch(`/api/courses/${id}`).set(bearer(fujianAdmin)).send({ published: true, requiredHours: 9 })).status).toBe(200);
    expect((await t.http().patch(`/api/courses/${id}`).set(bearer(national)).send({ requiredHours: 10 })).status).toBe(200);
  });

  it('the national catalogue (the courses that decide readiness) is changed by the national admin only', async () => {
    const law = await courseId(t.db, 'LAW-MPL');
    const before = await fingerprint(law);
    for (const admin of [fujianAdmin, gansuAdmin]) {
      for (const change of [{ requiredForVolunteers: false }, { published: false }, { lessons: [] }, { passMark: 1 }]) {
        const res = await t.http().patch(`/api/courses/${law}`).set(bearer(admin)).send(change);
        expect({ change, status: res.status }).toEqual({ change, status: 404 });
      }
      expect((await t.http().get(`/api/courses/${law}`).set(bearer(admin))).body.editable).toBe(false);
    }
    expect(await fingerprint(law)).toBe(before);
    const res = await t.http().patch(`/api/courses/${law}`).set(bearer(national)).send({ requiredHours: 7 });
    expect(res.status).toBe(200);
    expect(res.body.editable).toBe(true);
  });
});
