import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newCertificateCode } from '../src/certificates/certificate-code.js';
import { routeInventory } from '../src/common/route-inventory.js';
import { createTestApp, type TestApp } from './harness.js';
import { courseId, newClass, newEmployer, newOrg, newPhone, newTree, newUser, PASSWORD, type TestUser, type TreeIds } from './factories.js';

/**
 * Every route × anonymous and every role. A route the app serves but this table lacks fails the
 * test, so a new route cannot ship without someone deciding who may call it.
 * Each cell is a legitimate request inside the caller's own org scope: what differs is only who asks.
 */
type CellActor = 'anonymous' | 'admin' | 'coordinator' | 'instructor' | 'learner' | 'employer' | 'otherAdmin';
/**
 * `otherAdmin`: an admin of another branch (a province beside the matrix tree's, as Gansu beside
 * Fujian). Every record of the matrix is outside her subtree: a route naming one answers 404 (or 403
 * where the role itself may not), never 2xx.
 * `siblingAdmin`: the admin of the county beside the matrix county, in the same city; and
 * `otherClubCoordinator`: the coordinator of club B, beside the matrix coordinator's club A. Nearest
 * to the records without reaching them, they get what `otherAdmin` gets (the coordinator: what the
 * matrix coordinator gets, but 404 wherever she reaches a record of club A); `also` overrides.
 */
type NearActor = 'siblingAdmin' | 'otherClubCoordinator';
type Actor = CellActor | NearActor;
const ACTORS: Actor[] = ['anonymous', 'admin', 'coordinator', 'instructor', 'learner', 'employer', 'otherAdmin', 'siblingAdmin', 'otherClubCoordinator'];

interface Ctx {
  t: TestApp;
  employerId: string;
  jobId: string;
  /** A fresh opening of the matrix employer (no required courses) with the matrix learner referred to it. */
  freshReferral: () => Promise<string>;
  freshFollowUp: () => Promise<string>;
  quizId: string;
  practicalId: string;
  /** An enrollment of the matrix learner in a course with no requirements left, ready for a certificate. */
  openEnrollment: () => Promise<string>;
  /** A fresh valid certificate of the matrix learner, issued by club A. */
  certificate: () => Promise<string>;
  /** A session of the matrix class that started 30 minutes ago, with the matrix learner enrolled. */
  session: { id: string; enrollmentId: string; learnerId: string };
  tree: TreeIds;
  /** A province beside the matrix tree's, under the same national root. */
  otherProvince: string;
  /** A county beside the matrix county, in the same city. */
  siblingCounty: string;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  freshRefreshToken: () => Promise<string>;
  courseId: string;
  /** A course of the matrix county (the matrix admin's own), for changes: the seeded catalogue is the root's. */
  ownCourseId: string;
  classId: string;
  /** A class of club A taught by the matrix instructor, with room for everyone. */
  freshClass: () => Promise<string>;
  /** An enrollment the actor may withdraw: her own for a learner, one of club A for staff. */
  freshEnrollment: (actor: Actor) => Promise<string>;
}

interface Cell {
  request: (ctx: Ctx, actor: Actor) => Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown };
  /** A different caller of the same role, for cells that would otherwise spend the shared matrix user. */
  caller?: (ctx: Ctx, actor: Exclude<Actor, 'anonymous'>) => Promise<TestUser>;
  expect: Record<CellActor, number>;
  /** Expectations for the actors next to the matrix's, where they differ from the rule in `expected`. */
  also?: Partial<Record<NearActor, number>>;
}

/** What a route answers `actor`; the actors next to the matrix's follow from the others' (see NearActor). */
function expected(cell: Cell, actor: Actor): number {
  if (actor === 'siblingAdmin') return cell.also?.siblingAdmin ?? cell.expect.otherAdmin;
  if (actor === 'otherClubCoordinator') {
    const own = cell.expect.coordinator;
    return cell.also?.otherClubCoordinator ?? (own < 300 && [403, 404].includes(cell.expect.otherAdmin) ? 404 : own);
  }
  return cell.expect[actor];
}

/** A throwaway account like the actor's own (same role, same org), for cells that spend it. */
function throwaway(c: Ctx, actor: Exclude<Actor, 'anonymous'>): Promise<TestUser> {
  switch (actor) {
    case 'otherAdmin':
      return newUser(c.t, 'admin', c.otherProvince);
    case 'siblingAdmin':
      return newUser(c.t, 'admin', c.siblingCounty);
    case 'otherClubCoordinator':
      return newUser(c.t, 'coordinator', c.tree.clubB);
    default:
      return newUser(c.t, actor, actor === 'admin' ? c.tree.county : c.tree.clubA, actor === 'employer' ? { employerId: c.employerId } : {});
  }
}

/** `other`: what the other branch's admin gets (404 for a record of the matrix tree). */
const staffOnly = (ok: number, other = ok): Record<CellActor, number> => ({
  anonymous: 401,
  admin: ok,
  coordinator: ok,
  instructor: 403,
  learner: 403,
  employer: 403,
  otherAdmin: other,
});
const adminOnly = (ok: number, other = ok): Record<CellActor, number> => ({
  anonymous: 401,
  admin: ok,
  coordinator: 403,
  instructor: 403,
  learner: 403,
  employer: 403,
  otherAdmin: other,
});
const signedIn = (ok: number, other = ok): Record<CellActor, number> => ({
  anonymous: 401,
  admin: ok,
  coordinator: ok,
  instructor: ok,
  learner: ok,
  employer: ok,
  otherAdmin: other,
});
const everyone = (ok: number, other = ok): Record<CellActor, number> => ({
  anonymous: ok,
  admin: ok,
  coordinator: ok,
  instructor: ok,
  learner: ok,
  employer: ok,
  otherAdmin: other,
});

/** A session of a fresh class of club A, for cells that change or cancel it. */
async function freshSession(c: Ctx): Promise<string> {
  const classId = await c.freshClass();
  return (
    await c.t.db.query(`INSERT INTO class_sessions (class_id, starts_at, ends_at) VALUES ($1, '2030-01-03T01:00:00Z', '2030-01-03T03:00:00Z') RETURNING id`, [
      classId,
    ])
  )[0].id;
}

const MATRIX_SMS_SECRET = 'matrix-sms-reply-secret-0123456789';

export const MATRIX: Record<string, Cell> = {
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: everyone(200) },
  'POST /api/auth/register': {
    request: () => ({ path: '/api/auth/register', body: { phone: newPhone(), password: 'longenough1', name: '新学员', learnerType: 'migrant_worker' } }),
    expect: everyone(201),
  },
  'POST /api/auth/login': { request: (c) => ({ path: '/api/auth/login', body: { phone: c.users.learner.phone, password: PASSWORD } }), expect: everyone(200) },
  'POST /api/auth/refresh': {
    request: async (c) => ({ path: '/api/auth/refresh', body: { refreshToken: await c.freshRefreshToken() } }),
    expect: everyone(200),
  },
  'POST /api/auth/logout': { request: async (c) => ({ path: '/api/auth/logout', body: { refreshToken: await c.freshRefreshToken() } }), expect: signedIn(204) },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: signedIn(200) },
  'PATCH /api/me': { request: () => ({ path: '/api/me', body: { locale: 'zh-CN' } }), expect: signedIn(200) },
  'POST /api/me/password': {
    // Each signed-in actor changes the password of a throwaway account of the same role, so the matrix users keep theirs.
    request: () => ({ path: '/api/me/password', body: { currentPassword: PASSWORD, newPassword: 'a brand new secret' } }),
    caller: throwaway,
    expect: signedIn(200),
  },
  'POST /api/claim-codes': {
    // Two learners club A registered without a password (as a CSV import does).
    request: async (c) => {
      const rows = await c.t.db.query(
        `INSERT INTO users (phone, name, role, org_id, learner_type) VALUES ($1, '待激活甲', 'learner', $3, 'migrant_worker'), ($2, '待激活乙', 'learner', $3, 'migrant_worker') RETURNING id`,
        [newPhone(), newPhone(), c.tree.clubA],
      );
      return { path: '/api/claim-codes', body: { userIds: rows.map((r: { id: string }) => r.id) } };
    },
    expect: staffOnly(201, 404),
  },
  'GET /api/users': { request: () => ({ path: '/api/users' }), expect: staffOnly(200) },
  'POST /api/users': {
    request: (c) => ({ path: '/api/users', body: { phone: newPhone(), name: '新学员', role: 'learner', learnerType: 'migrant_worker', orgId: c.tree.clubA } }),
    expect: staffOnly(201, 404),
  },
  'POST /api/users/:id/claim-code': {
    // A learner club A registered without a password (as a CSV import does).
    request: async (c) => {
      const [{ id }] = await c.t.db.query(
        `INSERT INTO users (phone, name, role, org_id, learner_type) VALUES ($1, '待激活', 'learner', $2, 'migrant_worker') RETURNING id`,
        [newPhone(), c.tree.clubA],
      );
      return { path: `/api/users/${id}/claim-code` };
    },
    expect: staffOnly(201, 404),
  },
  'POST /api/users/:id/password-reset': {
    request: async (c) => {
      const [{ id }] = await c.t.db.query(
        `INSERT INTO users (phone, name, role, org_id, learner_type) VALUES ($1, '忘了密码', 'learner', $2, 'migrant_worker') RETURNING id`,
        [newPhone(), c.tree.clubA],
      );
      return { path: `/api/users/${id}/password-reset` };
    },
    expect: staffOnly(200, 404),
  },
  'GET /api/courses': { request: () => ({ path: '/api/courses?category=law' }), expect: everyone(200) },
  'GET /api/courses/:idOrCode': { request: () => ({ path: '/api/courses/LAW-MPL' }), expect: everyone(200) },
  'POST /api/courses': {
    request: () => ({
      path: '/api/courses',
      body: {
        code: `M-${newPhone()}`,
        title: '测试课程',
        category: 'vocational',
        requiredHours: 4,
        minAttendancePct: 80,
        passMark: 60,
        requiredForVolunteers: false,
      },
    }),
    expect: adminOnly(201),
  },
  'PATCH /api/courses/:id': { request: (c) => ({ path: `/api/courses/${c.ownCourseId}`, body: { requiredHours: 6 } }), expect: adminOnly(200, 404) },
  'POST /api/classes': {
    request: (c) => ({
      path: '/api/classes',
      body: {
        courseId: c.courseId,
        orgId: c.tree.stationA,
        instructorId: c.users.instructor.id,
        startsOn: '2030-05-01',
        endsOn: '2030-05-31',
        capacity: 20,
        sessions: [{ startsAt: '2030-05-02T09:00:00+08:00', endsAt: '2030-05-02T11:00:00+08:00' }],
      },
    }),
    expect: staffOnly(201, 404),
  },
  'GET /api/classes': { request: () => ({ path: '/api/classes' }), expect: signedIn(200) },
  'GET /api/classes/:id': { request: (c) => ({ path: `/api/classes/${c.classId}` }), expect: signedIn(200, 404) },
  'PATCH /api/classes/:id': { request: (c) => ({ path: `/api/classes/${c.classId}`, body: { location: '社区二楼' } }), expect: staffOnly(200, 404) },
  'POST /api/classes/:id/enrollments': {
    request: async (c, actor) => {
      const classId = await c.freshClass();
      if (actor === 'learner') return { path: `/api/classes/${classId}/enrollments`, body: {} };
      const learner = await newUser(c.t, 'learner', c.tree.clubA);
      return { path: `/api/classes/${classId}/enrollments`, body: { learnerId: learner.id } };
    },
    expect: { anonymous: 401, admin: 201, coordinator: 201, instructor: 403, learner: 201, employer: 403, otherAdmin: 404 },
  },
  'GET /api/classes/:id/enrollments': {
    request: (c) => ({ path: `/api/classes/${c.classId}/enrollments` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 403, employer: 403, otherAdmin: 404 },
  },
  'DELETE /api/enrollments/:id': {
    request: async (c, actor) => ({ path: `/api/enrollments/${await c.freshEnrollment(actor)}` }),
    expect: { anonymous: 401, admin: 204, coordinator: 204, instructor: 403, learner: 204, employer: 403, otherAdmin: 404 },
  },
  'GET /api/me/enrollments': {
    request: () => ({ path: '/api/me/enrollments' }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403, otherAdmin: 403 },
  },
  'GET /api/me/study-pack': {
    request: () => ({ path: '/api/me/study-pack' }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403, otherAdmin: 403 },
  },
  'POST /api/imports/learners': {
    request: () => ({ path: '/api/imports/learners', body: { csv: `name,phone,learnerType\n王芳,${newPhone()},migrant_worker` } }),
    expect: staffOnly(201),
  },
  'GET /api/imports/:id': {
    request: async (c) => {
      const id = (
        await c.t.db.query(`INSERT INTO import_jobs (id, created_by, org_id, status) VALUES (gen_random_uuid(), $1, $2, 'done') RETURNING id`, [
          c.users.coordinator.id,
          c.tree.clubA,
        ])
      )[0].id;
      return { path: `/api/imports/${id}` };
    },
    expect: staffOnly(200, 404),
  },
  'PUT /api/sessions/:id/attendance': {
    request: (c) => ({ path: `/api/sessions/${c.session.id}/attendance`, body: { marks: [{ learnerId: c.session.learnerId, status: 'present' }] } }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 403, employer: 403, otherAdmin: 404 },
  },
  'GET /api/sessions/:id/attendance': {
    request: (c) => ({ path: `/api/sessions/${c.session.id}/attendance` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 403, employer: 403, otherAdmin: 404 },
  },
  'GET /api/sessions/:id/attendance/history': {
    request: (c) => ({ path: `/api/sessions/${c.session.id}/attendance/history` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 403, employer: 403, otherAdmin: 404 },
  },
  'POST /api/classes/:id/sessions': {
    request: async (c) => ({
      path: `/api/classes/${await c.freshClass()}/sessions`,
      body: { startsAt: '2030-01-10T09:00:00+08:00', endsAt: '2030-01-10T11:00:00+08:00' },
    }),
    expect: staffOnly(201, 404),
  },
  'PATCH /api/sessions/:id': {
    request: async (c) => ({ path: `/api/sessions/${await freshSession(c)}`, body: { location: '二楼教室' } }),
    expect: staffOnly(200, 404),
  },
  'POST /api/sessions/:id/cancel': { request: async (c) => ({ path: `/api/sessions/${await freshSession(c)}/cancel` }), expect: staffOnly(200, 404) },
  'GET /api/sessions/:id/check-in': {
    request: (c) => ({ path: `/api/sessions/${c.session.id}/check-in` }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403, otherAdmin: 403 },
  },
  'POST /api/sessions/:id/check-in-code': {
    request: (c) => ({ path: `/api/sessions/${c.session.id}/check-in-code` }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 200, learner: 403, employer: 403, otherAdmin: 403 },
  },
  'POST /api/sessions/:id/check-in': {
    request: async (c) => {
      const code = (await c.t.http().post(`/api/sessions/${c.session.id}/check-in-code`).set('Authorization', `Bearer ${c.users.instructor.token}`)).body.code;
      return { path: `/api/sessions/${c.session.id}/check-in`, body: { code } };
    },
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403, otherAdmin: 403 },
  },
  'GET /api/enrollments/:id/attendance': {
    request: (c) => ({ path: `/api/enrollments/${c.session.enrollmentId}/attendance` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 200, employer: 403, otherAdmin: 404 },
  },
  'POST /api/enrollments/:id/certificate': {
    request: async (c) => ({ path: `/api/enrollments/${await c.openEnrollment()}/certificate` }),
    expect: { anonymous: 401, admin: 201, coordinator: 201, instructor: 201, learner: 403, employer: 403, otherAdmin: 404 },
  },
  'GET /api/enrollments/:id/requirements': {
    request: (c) => ({ path: `/api/enrollments/${c.session.enrollmentId}/requirements` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 200, employer: 403, otherAdmin: 404 },
  },
  'GET /api/certificates/verify/:code': { request: async (c) => ({ path: `/api/certificates/verify/${await c.certificate()}` }), expect: everyone(200) },
  'POST /api/certificates/verify': {
    request: async (c) => ({ path: '/api/certificates/verify', body: { codes: [await c.certificate()] } }),
    expect: everyone(200),
  },
  'GET /api/certificates/:code/pdf': {
    request: async (c) => ({ path: `/api/certificates/${await c.certificate()}/pdf` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 200, employer: 403, otherAdmin: 404 },
  },
  'GET /api/certificates/:code/credential': {
    request: async (c) => ({ path: `/api/certificates/${await c.certificate()}/credential` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 200, employer: 403, otherAdmin: 404 },
  },
  'POST /api/certificates/:code/revoke': {
    request: async (c) => ({ path: `/api/certificates/${await c.certificate()}/revoke`, body: { reason: 'issued_in_error' } }),
    expect: staffOnly(200, 404),
  },
  'GET /api/me/certificates': {
    request: () => ({ path: '/api/me/certificates' }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403, otherAdmin: 403 },
  },
  'GET /.well-known/jwks.json': { request: () => ({ path: '/.well-known/jwks.json' }), expect: everyone(200) },
  'GET /api/credentials/issuer': { request: () => ({ path: '/api/credentials/issuer' }), expect: everyone(200) },
  'GET /api/credentials/status/:id': {
    request: async (c) => {
      const code = await c.certificate();
      await c.t.http().get(`/api/certificates/${code}/credential`).set('Authorization', `Bearer ${c.users.admin.token}`);
      const [{ list_id }] = await c.t.db.query(`SELECT s.list_id FROM status_list_entries s JOIN certificates z ON z.id = s.certificate_id WHERE z.code = $1`, [
        code,
      ]);
      return { path: `/api/credentials/status/${list_id}` };
    },
    expect: everyone(200),
  },
  'POST /api/credentials/holder-check/:code': {
    request: async (c) => ({ path: `/api/credentials/holder-check/${await c.certificate()}`, body: { phone: '13800000000' } }),
    expect: everyone(200),
  },
  'GET /api/assessments/:id': {
    request: (c) => ({ path: `/api/assessments/${c.quizId}` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 200, employer: 403, otherAdmin: 200 },
  },
  'POST /api/assessments/:id/attempts': {
    request: (c) => ({ path: `/api/assessments/${c.quizId}/attempts`, body: { answers: {} } }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 201, employer: 403, otherAdmin: 403 },
  },
  'POST /api/assessments/:id/results': {
    request: (c) => ({ path: `/api/assessments/${c.practicalId}/results`, body: { learnerId: c.session.learnerId, score: 50 } }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 200, learner: 403, employer: 403, otherAdmin: 404 },
  },
  'GET /api/learners/:id/readiness': {
    request: (c) => ({ path: `/api/learners/${c.users.learner.id}/readiness` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 200, employer: 403, otherAdmin: 404 },
  },
  'GET /api/learners/:learnerId/external-credentials': {
    request: (c) => ({ path: `/api/learners/${c.users.learner.id}/external-credentials` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 200, employer: 403, otherAdmin: 404 },
  },
  'POST /api/learners/:learnerId/external-credentials': {
    request: (c) => ({
      path: `/api/learners/${c.users.learner.id}/external-credentials`,
      body: { certificateNumber: `N${newPhone()}`, occupation: '家政服务员', level: '四级', issuingBody: '福州市人社局', issuedOn: '2024-06-30' },
    }),
    expect: { anonymous: 401, admin: 201, coordinator: 201, instructor: 403, learner: 201, employer: 403, otherAdmin: 404 },
  },
  'POST /api/learners/:learnerId/external-credentials/:id/check': {
    request: async (c) => {
      const [{ id }] = await c.t.db.query(
        `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by) VALUES ($1, $2, '电工', '人社局', '2023-01-01', $1) RETURNING id`,
        [c.users.learner.id, `C${newPhone()}`],
      );
      return { path: `/api/learners/${c.users.learner.id}/external-credentials/${id}/check` };
    },
    expect: staffOnly(200, 404),
  },
  'GET /api/external-credentials': { request: () => ({ path: '/api/external-credentials?status=pending' }), expect: staffOnly(200) },
  'POST /api/external-credentials/:id/verify': {
    request: async (c) => {
      const [{ id }] = await c.t.db.query(
        `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by) VALUES ($1, $2, '家政服务员', '人社局', '2023-01-01', $1) RETURNING id`,
        [c.users.learner.id, `V${newPhone()}`],
      );
      return { path: `/api/external-credentials/${id}/verify`, body: { courseId: c.courseId } };
    },
    expect: staffOnly(200, 404),
  },
  'POST /api/external-credentials/:id/reject': {
    request: async (c) => {
      const [{ id }] = await c.t.db.query(
        `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by) VALUES ($1, $2, '电工', '人社局', '2023-01-01', $1) RETURNING id`,
        [c.users.learner.id, `R${newPhone()}`],
      );
      return { path: `/api/external-credentials/${id}/reject`, body: { reason: '查无此证' } };
    },
    expect: staffOnly(200, 404),
  },
  'POST /api/employers': {
    request: (c) => ({
      path: '/api/employers',
      body: { name: `公司${newPhone()}`, industry: '家政', contactName: '王经理', contactPhone: '13800000000', orgId: c.tree.clubA },
    }),
    expect: staffOnly(201, 404),
  },
  'GET /api/employers': { request: () => ({ path: '/api/employers' }), expect: staffOnly(200) },
  'POST /api/jobs': {
    request: (c) => ({ path: '/api/jobs', body: { employerId: c.employerId, title: '保洁员', requiredCourseIds: [], location: '福州', positions: 2 } }),
    expect: { anonymous: 401, admin: 201, coordinator: 201, instructor: 403, learner: 403, employer: 201, otherAdmin: 404 },
  },
  'GET /api/jobs': { request: () => ({ path: '/api/jobs?open=true' }), expect: signedIn(200) },
  'GET /api/jobs/:id': {
    request: (c) => ({ path: `/api/jobs/${c.jobId}` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 404, learner: 200, employer: 200, otherAdmin: 404 },
  },
  'PATCH /api/jobs/:id': {
    request: (c) => ({ path: `/api/jobs/${c.jobId}`, body: { status: 'open' } }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 403, employer: 200, otherAdmin: 404 },
  },
  'GET /api/jobs/:id/candidates': { request: (c) => ({ path: `/api/jobs/${c.jobId}/candidates` }), expect: staffOnly(200, 404) },
  'GET /api/me/consents': {
    request: () => ({ path: '/api/me/consents' }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 200, employer: 403, otherAdmin: 403 },
  },
  'POST /api/me/consents': {
    request: () => ({ path: '/api/me/consents', body: { scope: 'referrals' } }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 201, employer: 403, otherAdmin: 403 },
  },
  'DELETE /api/me/consents/referrals': {
    request: () => ({ path: '/api/me/consents/referrals' }),
    expect: { anonymous: 401, admin: 403, coordinator: 403, instructor: 403, learner: 204, employer: 403, otherAdmin: 403 },
  },
  'POST /api/referrals': {
    request: async (c) => {
      const learner = await newUser(c.t, 'learner', c.tree.clubA);
      await c.t.db.query(`INSERT INTO consent_events (learner_id, scope, action, notice_version) VALUES ($1, 'referrals', 'grant', 'v1')`, [learner.id]);
      return { path: '/api/referrals', body: { learnerId: learner.id, jobId: c.jobId } };
    },
    expect: staffOnly(201, 404),
  },
  'GET /api/referrals': {
    request: () => ({ path: '/api/referrals' }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 200, employer: 200, otherAdmin: 200 },
  },
  'GET /api/referrals/:id': {
    request: async (c) => ({ path: `/api/referrals/${await c.freshReferral()}` }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 200, employer: 200, otherAdmin: 404 },
  },
  'PATCH /api/referrals/:id': {
    request: async (c) => ({ path: `/api/referrals/${await c.freshReferral()}`, body: { status: 'contacted' } }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 403, employer: 200, otherAdmin: 404 },
  },
  'GET /api/followups': {
    request: () => ({ path: '/api/followups' }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 403, employer: 200, otherAdmin: 200 },
  },
  'POST /api/followups/:id': {
    request: async (c) => ({ path: `/api/followups/${await c.freshFollowUp()}`, body: { stillEmployed: true, wageBand: '3000_4999' } }),
    expect: { anonymous: 401, admin: 200, coordinator: 200, instructor: 403, learner: 403, employer: 200, otherAdmin: 404 },
  },
  'GET /api/reports/summary': { request: () => ({ path: '/api/reports/summary' }), expect: staffOnly(200) },
  'GET /api/reports/summary.csv': { request: () => ({ path: '/api/reports/summary.csv' }), expect: staffOnly(200) },
  'GET /api/audit': { request: () => ({ path: '/api/audit?entityType=user' }), expect: adminOnly(200) },
  'GET /api/me/export': { request: () => ({ path: '/api/me/export' }), expect: signedIn(200) },
  'GET /api/me/notifications': { request: () => ({ path: '/api/me/notifications?unread=true&limit=5' }), expect: signedIn(200) },
  'GET /api/me/notifications/unread-count': { request: () => ({ path: '/api/me/notifications/unread-count' }), expect: signedIn(200) },
  'POST /api/me/notifications/read': { request: () => ({ path: '/api/me/notifications/read', body: {} }), expect: signedIn(200) },
  'GET /api/me/notification-preferences': { request: () => ({ path: '/api/me/notification-preferences' }), expect: signedIn(200) },
  'PUT /api/me/notification-preferences': {
    request: () => ({ path: '/api/me/notification-preferences', body: { smsKinds: ['certificate.issued'] } }),
    expect: signedIn(200),
  },
  'DELETE /api/me': {
    // Each signed-in actor erases a throwaway account of the same role, so the matrix users survive.
    request: () => ({ path: '/api/me' }),
    caller: throwaway,
    expect: signedIn(204),
  },
  'GET /api/volunteers': { request: () => ({ path: '/api/volunteers?ready=true' }), expect: staffOnly(200) },
  'GET /api/orgs': { request: () => ({ path: '/api/orgs' }), expect: staffOnly(200) },
  'GET /api/orgs/joinable': { request: () => ({ path: `/api/orgs/joinable?q=${encodeURIComponent('驿站')}` }), expect: everyone(200) },
  'POST /api/orgs': {
    request: (c) => ({ path: '/api/orgs', body: { name: `新驿站${newPhone()}`, kind: 'station', parentId: c.tree.clubA } }),
    expect: adminOnly(201, 404),
  },
  // The SMS providers' reply callbacks: the shared secret in the URL, not a sign-in, decides (sms-replies.spec.ts has the 401s).
  'POST /api/sms/replies/aliyun': {
    request: () => ({
      path: `/api/sms/replies/aliyun?token=${MATRIX_SMS_SECRET}`,
      body: [{ phone_number: newPhone(), content: 'TD', send_time: '2026-12-07 10:00:00', sign_name: '巾帼学堂', dest_code: '1', sequence_id: 1 }],
    }),
    expect: everyone(200),
  },
  'POST /api/sms/replies/tencent': {
    request: () => ({
      path: `/api/sms/replies/tencent?token=${MATRIX_SMS_SECRET}`,
      body: { mobile: newPhone(), nationcode: '86', text: 'TD', sign: '巾帼学堂', time: 1796488053, extend: '' },
    }),
    expect: everyone(200),
  },
};

describe('authorization matrix', () => {
  let t: TestApp;
  let ctx: Ctx;

  beforeAll(async () => {
    t = await createTestApp({ SMS_REPLY_SECRET: MATRIX_SMS_SECRET });
    const tree = await newTree(t.db, 'M');
    const otherProvince = await newOrg(t.db, 'province', 'M 另一省', tree.national);
    const siblingCounty = await newOrg(t.db, 'county', 'M 邻县', tree.city);
    const employerId = await newEmployer(t.db, tree.clubA);
    await t.db.query(
      `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct) VALUES ('MATRIX-OPEN', 'care', '矩阵课程', 'Matrix course', 0, 0) ON CONFLICT DO NOTHING`,
    );
    const assessmentIds = await t.db.query(`SELECT a.kind, a.id FROM assessments a JOIN courses c ON c.id = a.course_id WHERE c.code = 'VOC-HOUSE'`);
    const freshReferral = async () => {
      const [{ id: job }] = await t.db.query(
        `INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '钟点工', '福州', 1, $2) RETURNING id`,
        [employerId, ctx.users.coordinator.id],
      );
      const [{ id }] = await t.db.query(
        `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [ctx.users.learner.id, job, employerId, tree.clubA, ctx.users.coordinator.id],
      );
      return id as string;
    };
    ctx = {
      t,
      employerId,
      jobId: '',
      freshReferral,
      freshFollowUp: async () => {
        const referral = await freshReferral();
        const [{ id }] = await t.db.query(`INSERT INTO placement_followups (referral_id, day_mark, due_on) VALUES ($1, 30, current_date) RETURNING id`, [
          referral,
        ]);
        return id;
      },
      quizId: assessmentIds.find((a: { kind: string }) => a.kind === 'quiz').id,
      practicalId: assessmentIds.find((a: { kind: string }) => a.kind === 'practical').id,
      openEnrollment: async () => {
        const classId = await newClass(t.db, tree.stationA, ctx.users.instructor.id, { courseCode: 'MATRIX-OPEN' });
        return (
          await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [classId, ctx.users.learner.id])
        )[0].id;
      },
      certificate: async () => {
        const code = newCertificateCode();
        await t.db.query(`INSERT INTO certificates (code, learner_id, course_id, org_id) SELECT $1, $2, id, $3 FROM courses WHERE code = 'MATRIX-OPEN'`, [
          code,
          ctx.users.learner.id,
          tree.stationA,
        ]);
        return code;
      },
      session: { id: '', enrollmentId: '', learnerId: '' },
      tree,
      otherProvince,
      siblingCounty,
      users: {
        admin: await newUser(t, 'admin', tree.county),
        coordinator: await newUser(t, 'coordinator', tree.clubA),
        instructor: await newUser(t, 'instructor', tree.stationA),
        learner: await newUser(t, 'learner', tree.clubA),
        employer: await newUser(t, 'employer', tree.clubA, { employerId }),
        otherAdmin: await newUser(t, 'admin', otherProvince),
        siblingAdmin: await newUser(t, 'admin', siblingCounty),
        otherClubCoordinator: await newUser(t, 'coordinator', tree.clubB),
      },
      freshRefreshToken: async () => (await t.http().post('/api/auth/login').send({ phone: ctx.users.learner.phone, password: PASSWORD })).body.refreshToken,
      courseId: await courseId(t.db, 'VOC-HOUSE'),
      ownCourseId: (
        await t.db.query(
          `INSERT INTO courses (code, category, title_zh, title_en, required_hours, min_attendance_pct, owner_org_id) VALUES ('MATRIX-OWN', 'vocational', '县里的课程', 'County course', 4, 80, $1) RETURNING id`,
          [tree.county],
        )
      )[0].id,
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
    ctx.jobId = (
      await t.db.query(`INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '住家保姆', '福州', 2, $2) RETURNING id`, [
        employerId,
        ctx.users.coordinator.id,
      ])
    )[0].id;
    const sessionId = (
      await t.db.query(
        `INSERT INTO class_sessions (class_id, starts_at, ends_at) VALUES ($1, now() - interval '30 minutes', now() + interval '90 minutes') RETURNING id`,
        [ctx.classId],
      )
    )[0].id;
    const enrollmentId = (
      await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [ctx.classId, ctx.users.learner.id])
    )[0].id;
    await t.db.query(`UPDATE classes SET enrolled_count = 1 WHERE id = $1`, [ctx.classId]);
    ctx.session = { id: sessionId, enrollmentId, learnerId: ctx.users.learner.id };
  });
  afterAll(() => t.close());

  it('covers every route the app serves, and only those', () => {
    const served = routeInventory(t.app).map((r) => `${r.method} ${r.path}`);
    expect(served.filter((r) => !MATRIX[r])).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !served.includes(r))).toEqual([]);
  });

  it("gives the other branch's admin no record: every route naming one answers her 403 or 404", () => {
    // Public routes (the catalogue, certificate verification) are the same for everyone, and so is a
    // published catalogue course's quiz (the matrix's is the national VOC-HOUSE's): no branch's record.
    const sharedCatalogue = ['GET /api/assessments/:id'];
    const naming = Object.entries(MATRIX).filter(([route, cell]) => route.includes('/:') && cell.expect.anonymous === 401 && !sharedCatalogue.includes(route));
    const granted = naming.filter(([, cell]) => ![403, 404].includes(cell.expect.otherAdmin)).map(([route]) => route);
    expect(granted).toEqual([]);
    console.log(
      `FIGURE other-branch admin: ${naming.length} routes naming a record, ${naming.filter(([, c]) => c.expect.otherAdmin === 404).length} answer 404, ${naming.filter(([, c]) => c.expect.otherAdmin === 403).length} answer 403, 0 grant`,
    );
  });

  it("gives the sibling county's admin and the other club's coordinator no record either", () => {
    const sharedCatalogue = ['GET /api/assessments/:id'];
    const naming = Object.entries(MATRIX).filter(([route, cell]) => route.includes('/:') && cell.expect.anonymous === 401 && !sharedCatalogue.includes(route));
    const granted = naming.flatMap(([route, cell]) =>
      (['siblingAdmin', 'otherClubCoordinator'] as const).filter((a) => ![403, 404].includes(expected(cell, a))).map((a) => `${route} as ${a}`),
    );
    expect(granted).toEqual([]);
  });

  it.each(['siblingAdmin', 'otherClubCoordinator'] as const)('lists show %s none of the records the same-branch actor sees', async (actor) => {
    const same = actor === 'siblingAdmin' ? ctx.users.admin : ctx.users.coordinator;
    const referral = await ctx.freshReferral();
    const followUp = await ctx.freshFollowUp();
    const lists: [string, string][] = [
      ['/api/referrals?limit=100', referral],
      ['/api/followups', followUp],
      [`/api/users?q=${ctx.users.learner.phone}`, ctx.users.learner.id],
      ['/api/jobs?limit=100', ctx.jobId],
      ['/api/employers', ctx.employerId],
      ['/api/orgs', ctx.tree.clubA],
      ['/api/classes?limit=100', ctx.classId],
    ];
    for (const [path, id] of lists) {
      const shown = async (user: TestUser) => {
        const res = await t.http().get(path).set('Authorization', `Bearer ${user.token}`);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        return JSON.stringify(res.body).includes(id);
      };
      expect({ path, sameBranch: await shown(same), [actor]: await shown(ctx.users[actor]) }).toEqual({ path, sameBranch: true, [actor]: false });
    }
  });

  const cells = Object.entries(MATRIX).flatMap(([route, cell]) => ACTORS.map((actor) => [route, actor, expected(cell, actor), cell] as const));

  it.each(cells)('%s as %s → %i', async (route, actor, expected, cell) => {
    const [method] = route.split(' ');
    const { path, body } = await cell.request(ctx, actor);
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
    if (actor !== 'anonymous') req = req.set('Authorization', `Bearer ${(cell.caller ? await cell.caller(ctx, actor) : ctx.users[actor]).token}`);
    const res = body === undefined ? await req : await req.send(body as object);
    expect({ route, actor, status: res.status }).toEqual({ route, actor, status: expected });
    if (res.status >= 400) {
      expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, code: expect.any(String), message: expect.anything() }));
    }
    expect(JSON.stringify(res.body ?? {})).not.toMatch(/\$argon2|password_?hash/i);
  });
});
