import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { routeInventory } from '../src/common/route-inventory.js';
import { createTestApp, type TestApp } from './harness.js';
import { courseId, newClass, newEmployer, newPhone, newTree, newUser, PASSWORD, type TestUser, type TreeIds } from './factories.js';

/**
 * Every route × anonymous and every role. A route the app serves but this table lacks fails the
 * test, so a new route cannot ship without someone deciding who may call it.
 * Each cell is a legitimate request inside the caller's own org scope: what differs is only who asks.
 */
type Actor = 'anonymous' | 'admin' | 'coordinator' | 'instructor' | 'learner' | 'employer';
const ACTORS: Actor[] = ['anonymous', 'admin', 'coordinator', 'instructor', 'learner', 'employer'];

interface Ctx {
  t: TestApp;
  tree: TreeIds;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  freshRefreshToken: () => Promise<string>;
  courseId: string;
  classId: string;
  /** A class of club A taught by the matrix instructor, with room for everyone. */
  freshClass: () => Promise<string>;
  /** An enrolment the actor may withdraw: her own for a learner, one of club A for staff. */
  freshEnrollment: (actor: Actor) => Promise<string>;
}

interface Cell {
  request: (ctx: Ctx, actor: Actor) => Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
  expect: Record<Actor, number>;
}

const staffOnly = (ok: number): Record<Actor, number> => ({ anonymous: 401, admin: ok, coordinator: ok, instructor: 403, learner: 403, employer: 403 });
const adminOnly = (ok: number): Record<Actor, number> => ({ anonymous: 401, admin: ok, coordinator: 403, instructor: 403, learner: 403, employer: 403 });
const signedIn = (ok: number): Record<Actor, number> => ({ anonymous: 401, admin: ok, coordinator: ok, instructor: ok, learner: ok, employer: ok });
const everyone = (ok: number): Record<Actor, number> => ({ anonymous: ok, admin: ok, coordinator: ok, instructor: ok, learner: ok, employer: ok });

export const MATRIX: Record<string, Cell> = {
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: everyone(200) },
  'POST /api/auth/register': {
    request: () => ({ path: '/api/auth/register', body: { phone: newPhone(), password: 'longenough1', name: '新学员', learnerType: 'migrant_worker' } }),
    expect: everyone(201),
  },
  'POST /api/auth/login': { request: (c) => ({ path: '/api/auth/login', body: { phone: c.users.learner.phone, password: PASSWORD } }), expect: everyone(200) },
  'POST /api/auth/refresh': { request: async (c) => ({ path: '/api/auth/refresh', body: { refreshToken: await c.freshRefreshToken() } }), expect: everyone(200) },
  'POST /api/auth/logout': { request: async (c) => ({ path: '/api/auth/logout', body: { refreshToken: await c.freshRefreshToken() } }), expect: signedIn(204) },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: signedIn(200) },
  'PATCH /api/me': { request: () => ({ path: '/api/me', body: { locale: 'zh-CN' } }), expect: signedIn(200) },
  'GET /api/users': { request: () => ({ path: '/api/users' }), expect: staffOnly(200) },
  'POST /api/users': {
    request: (c) => ({ path: '/api/users', body: { phone: newPhone(), name: '新学员', role: 'learner', learnerType: 'migrant_worker', orgId: c.tree.clubA } }),
    expect: staffOnly(201),
  },
  'GET /api/courses': { request: () => ({ path: '/api/courses?category=law' }), expect: everyone(200) },
  'GET /api/courses/:idOrCode': { request: () => ({ path: '/api/courses/LAW-MPL' }), expect: everyone(200) },
  'POST /api/courses': {
    request: () => ({ path: '/api/courses', body: { code: `M-${newPhone()}`, title: '测试课程', category: 'vocational', requiredHours: 4, minAttendancePct: 80, passMark: 60, requiredForVolunteers: false } }),
    expect: adminOnly(201),
  },
  'PATCH /api/courses/:id': { request: (c) => ({ path: `/api/courses/${c.courseId}`, body: { requiredHours: 6 } }), expect: adminOnly(200) },
  'POST /api/classes': {
    request: (c) => ({
      path: '/api/classes',
      body: { courseId: c.courseId, orgId: c.tree.stationA, instructorId: c.users.instructor.id, startsOn: '2030-05-01', endsOn: '2030-05-31', capacity: 20, sessions: [{ startsAt: '2030-05-02T09:00:00+08:00', endsAt: '2030-05-02T11:00:00+08:00' }] },
    }),
    expect: staffOnly(201),
  },
  'GET /api/classes': { request: () => ({ path: '/api/classes' }), expect: signedIn(200) },
  'GET /api/classes/:id': { request: (c) => ({ path: `/api/classes/${c.classId}` }), expect: signedIn(200) },
  'PATCH /api/classes/:id': { request: (c) => ({ path: `/api/classes/${c.classId}`, body: { location: '社区二楼' } }), expect: staffOnly(200) },
  'POST /api/classes/:id/enrollments': {
    request: async (c, actor) => {
      const classId = await c.freshClass();
      if (actor === 'learner') return { path: `/api/classes/${classId}/enrollments`, body: {} };
      const learner = await newUser(c.t, 'learner', c.tree.clubA);
      return { path: `/api/classes/${classId}/enrollments`, body: { learnerId: learner.id } };
    },
    expect: { anonymous: 401, admin: 201, coordinator: 201, instructor: 403, learner: 201, employer: 403 },
  },
  'GET /api/classes/:id/enrollments': { request: (c) => ({ path: `/api/classes/${c.classId}/enrollments` }), expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 403, employer: 403 } },
  'DELETE /api/enrollments/:id': {
    request: async (c, actor) => ({ path: `/api/enrollments/${await c.freshEnrollment(actor)}` }),
    expect: { anonymous: 401, admin: 204, coordinator: 204, instructor: 403, learner: 204, employer: 403 },
  },
  'GET /api/me/enrollments': { request: () => ({ path: '/api/me/enrollments' }), expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403 } },
  'POST /api/imports/learners': {
    request: () => ({ path: '/api/imports/learners', body: { csv: `name,phone,learnerType\n王芳,${newPhone()},migrant_worker` } }),
    expect: staffOnly(201),
  },
  'GET /api/imports/:id': {
    request: async (c) => {
      const id = (await c.t.db.query(`INSERT INTO import_jobs (id, created_by, org_id, status) VALUES (gen_random_uuid(), $1, $2, 'done') RETURNING id`, [c.users.coordinator.id, c.tree.clubA]))[0].id;
      return { path: `/api/imports/${id}` };
    },
    expect: staffOnly(200),
  },
  'GET /api/orgs': { request: () => ({ path: '/api/orgs' }), expect: staffOnly(200) },
  'POST /api/orgs': {
    request: (c) => ({ path: '/api/orgs', body: { name: `新驿站${newPhone()}`, kind: 'station', parentId: c.tree.clubA } }),
    expect: adminOnly(201),
  },
};

describe('authorization matrix', () => {
  let t: TestApp;
  let ctx: Ctx;

  beforeAll(async () => {
    t = await createTestApp();
    const tree = await newTree(t.db, 'M');
    const employerId = await newEmployer(t.db, tree.clubA);
    ctx = {
      t,
      tree,
      users: {
        admin: await newUser(t, 'admin', tree.county),
        coordinator: await newUser(t, 'coordinator', tree.clubA),
        instructor: await newUser(t, 'instructor', tree.stationA),
        learner: await newUser(t, 'learner', tree.clubA),
        employer: await newUser(t, 'employer', tree.clubA, { employerId }),
      },
      freshRefreshToken: async () => (await t.http().post('/api/auth/login').send({ phone: ctx.users.learner.phone, password: PASSWORD })).body.refreshToken,
      courseId: await courseId(t.db, 'VOC-HOUSE'),
      classId: '',
      freshClass: () => newClass(t.db, tree.stationA, ctx.users.instructor.id),
      freshEnrollment: async (actor) => {
        const classId = await ctx.freshClass();
        const learnerId = actor === 'learner' ? ctx.users.learner.id : (await newUser(t, 'learner', tree.clubA)).id;
        const rows = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [classId, learnerId]);
        await t.db.query(`UPDATE classes SET enrolled_count = 1 WHERE id = $1`, [classId]);
        return rows[0].id;
      },
    };
    ctx.classId = await ctx.freshClass();
  });
  afterAll(() => t.close());

  it('covers every route the app serves, and only those', () => {
    const served = routeInventory(t.app).map((r) => `${r.method} ${r.path}`);
    expect(served.filter((r) => !MATRIX[r])).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !served.includes(r))).toEqual([]);
  });

  const cells = Object.entries(MATRIX).flatMap(([route, cell]) => ACTORS.map((actor) => [route, actor, cell.expect[actor], cell] as const));

  it.each(cells)('%s as %s → %i', async (route, actor, expected, cell) => {
    const [method] = route.split(' ');
    const { path, body } = await cell.request(ctx, actor);
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
    if (actor !== 'anonymous') req = req.set('Authorization', `Bearer ${ctx.users[actor].token}`);
    const res = body === undefined ? await req : await req.send(body as object);
    expect({ route, actor, status: res.status }).toEqual({ route, actor, status: expected });
    if (res.status >= 400) {
      expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, code: expect.any(String), message: expect.anything() }));
    }
    expect(JSON.stringify(res.body ?? {})).not.toMatch(/\$argon2|password_?hash/i);
  });
});
