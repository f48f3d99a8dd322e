import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newPhone, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

describe('CSV import of learners', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let coordB: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'I');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
  });
  afterAll(() => t.close());

  it('imports valid rows into a class in one go, reports each bad row, and re-importing creates nothing twice', async () => {
    const instructor = await newUser(t, 'instructor', tree.stationA);
    const classId = await newClass(t.db, tree.stationA, instructor.id, { capacity: 2 });
    const [p1, p2, p3] = [newPhone(), newPhone(), newPhone()];
    const other = await newUser(t, 'learner', tree.clubB);
    const csv = ['姓名,手机号,类型', `王芳,${p1},进城务工妇女`, `李娟,${p2},爱心妈妈`, '坏号码,12345,务工', `张敏,${p3},migrant_worker`, `重复,${p1},务工`, `别人,${other.phone},务工`, `,${newPhone()},务工`].join('\n');
    const importId = randomUUID();
    const res = await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv, classId, importId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: importId, total: 7, created: 3, existing: 0, enrolled: 2, waitlisted: 1 });
    expect(res.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [4, 'INVALID_PHONE'], [6, 'DUPLICATE_IN_FILE'], [7, 'PHONE_OTHER_ACCOUNT'], [8, 'INVALID_NAME'],
    ]);
    const types = await t.db.query(`SELECT phone, learner_type, org_id FROM users WHERE phone = ANY($1) ORDER BY phone`, [[p1, p2]]);
    expect(types.map((r: { learner_type: string }) => r.learner_type).sort()).toEqual(['migrant_worker', 'volunteer_mother']);
    expect(types.every((r: { org_id: string }) => r.org_id === tree.clubA)).toBe(true);

    const status = await t.http().get(`/api/imports/${importId}`).set(bearer(coordA));
    expect(status.body).toMatchObject({ status: 'done', totalRows: 7, processedRows: 7 });
    expect((await t.http().get(`/api/imports/${importId}`).set(bearer(coordB))).status).toBe(404);

    const again = await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv, classId });
    expect(again.body).toMatchObject({ created: 0, existing: 3, enrolled: 0, waitlisted: 0, alreadyEnrolled: 3 });
    const counts = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE phone = ANY($1)`, [[p1, p2, p3]]);
    expect(counts[0].n).toBe(3);
    const k = await t.db.query(`SELECT enrolled_count, waitlist_count FROM classes WHERE id = $1`, [classId]);
    expect(k[0]).toEqual({ enrolled_count: 2, waitlist_count: 1 });
  });

  it('an imported learner claims her account by registering with her phone', async () => {
    const phone = newPhone();
    await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: `name,phone,learnerType\n赵兰,${phone},volunteer_mother` });
    const reg = await t.http().post('/api/auth/register').send({ phone, password: 'my-own-password', name: '赵兰', learnerType: 'volunteer_mother' });
    expect(reg.status).toBe(201);
    expect(reg.body.user.orgId).toBe(tree.clubA);
    const again = await t.http().post('/api/auth/register').send({ phone, password: 'someone-else-pw', name: '冒充', learnerType: 'volunteer_mother' });
    expect(again.status).toBe(409);
  });

  it('refuses a file without the header, a class or org outside the subtree', async () => {
    const noHeader = await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: `王芳,${newPhone()}` });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toMatch(/name, phone/);
    const instructorB = await newUser(t, 'instructor', tree.stationB);
    const classB = await newClass(t.db, tree.stationB, instructorB.id);
    expect((await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: 'name,phone\n', classId: classB })).status).toBe(404);
    expect((await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: 'name,phone\n', orgId: tree.clubB })).status).toBe(404);
    expect((await t.http().post('/api/imports/learners').set(bearer(coordA)).send({ csv: '"unclosed,quote\n' })).status).toBe(400);
  });
});
