import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newEmployer, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/** A coordinator verifies or rejects the government qualifications learners record; a verified one matched to a course counts as that course's certificate for jobs. */
describe('qualification review', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let coordB: TestUser;
  let house: string;
  let jobId: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'Q');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
    house = await courseId(t.db, 'VOC-HOUSE');
    const employer = await newEmployer(t.db, tree.clubA, '安心家政');
    // No accepted occupations: only the course match can stand in for the certificate.
    const job = await t
      .http()
      .post('/api/jobs')
      .set(bearer(coordA))
      .send({ employerId: employer, title: '育婴员', requiredCourseIds: [house], location: '福州', positions: 2 });
    expect(job.status).toBe(201);
    jobId = job.body.id;
  });
  afterAll(() => t.close());

  /** A consenting learner of station A who recorded one qualification herself. */
  async function learnerWithQualification(name: string, extra: Record<string, string> = {}) {
    const learner = await newUser(t, 'learner', tree.stationA, { name });
    expect((await t.http().post('/api/me/consents').set(bearer(learner)).send({ scope: 'referrals' })).status).toBe(201);
    const number = `4403${String(++n).padStart(6, '0')}QX`;
    const res = await t
      .http()
      .post(`/api/learners/${learner.id}/external-credentials`)
      .set(bearer(learner))
      .send({ certificateNumber: number, occupation: '家政服务员', level: '四级', issuingBody: '福州市人社局', issuedOn: '2024-03-01', ...extra });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', rejectionReason: null, courseId: null });
    return { learner, id: res.body.id as string, number };
  }

  const candidates = async () =>
    (await t.http().get(`/api/jobs/${jobId}/candidates`).set(bearer(coordA))).body.items.map((c: { learnerId: string }) => c.learnerId);
  const refer = (learnerId: string) => t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId, jobId });
  const qualifiesOnJobsPage = async (learner: TestUser) =>
    (await t.http().get('/api/jobs?open=true&limit=100').set(bearer(learner))).body.items.find((j: { id: string }) => j.id === jobId).qualifies as boolean;

  it('lists pending qualifications of her subtree only, paged, with a masked number', async () => {
    const a = await learnerWithQualification('审核甲');
    const b = await learnerWithQualification('审核乙');
    const page = await t.http().get('/api/external-credentials?status=pending&limit=1&lang=en').set(bearer(coordA));
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    const all = (await t.http().get('/api/external-credentials?limit=100').set(bearer(coordA))).body.items;
    const item = all.find((i: { id: string }) => i.id === a.id);
    expect(item).toMatchObject({ learnerName: '审核甲', occupation: '家政服务员', issuingBody: '福州市人社局', status: 'pending' });
    expect(item.certificateNumberMasked).toBe(`${a.number.slice(0, 3)}${'*'.repeat(a.number.length - 6)}${a.number.slice(-3)}`);
    expect(JSON.stringify(all)).not.toContain(a.number);
    expect(all.map((i: { id: string }) => i.id)).toContain(b.id);
    const other = await t.http().get('/api/external-credentials').set(bearer(coordB));
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect((await t.http().get('/api/external-credentials?status=maybe').set(bearer(coordA))).status).toBe(400);
  });

  it("another club's coordinator gets 404 for verify and reject; nothing changes", async () => {
    const { id } = await learnerWithQualification('范围');
    expect((await t.http().post(`/api/external-credentials/${id}/verify`).set(bearer(coordB)).send({ courseId: house })).status).toBe(404);
    expect((await t.http().post(`/api/external-credentials/${id}/reject`).set(bearer(coordB)).send({ reason: '查无此证' })).status).toBe(404);
    expect((await t.db.query(`SELECT status FROM external_credentials WHERE id = $1`, [id]))[0].status).toBe('pending');
  });

  it('a verified qualification matched to the course makes her a candidate, lets a referral pass and flags the job on her list', async () => {
    const { learner, id } = await learnerWithQualification('核验通过');
    expect(await candidates()).not.toContain(learner.id);
    expect((await refer(learner.id)).body.code).toBe('REQUIREMENTS_NOT_MET');
    expect(await qualifiesOnJobsPage(learner)).toBe(false);

    expect(
      (await t.http().post(`/api/external-credentials/${id}/verify`).set(bearer(coordA)).send({ courseId: '00000000-0000-4000-8000-000000000000' })).status,
    ).toBe(400);
    const verified = await t.http().post(`/api/external-credentials/${id}/verify`).set(bearer(coordA)).send({ courseId: house });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', courseId: house, checkedBy: coordA.id });
    const audit = await t.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'external_credential.verify' AND entity_id = $1`, [id]);
    expect(audit).toEqual([{ actor_id: coordA.id, details: { learnerId: learner.id, courseId: house } }]);
    // Decided once: verifying or rejecting again is refused.
    expect((await t.http().post(`/api/external-credentials/${id}/reject`).set(bearer(coordA)).send({ reason: '改主意' })).body.code).toBe('INVALID_TRANSITION');

    expect(await qualifiesOnJobsPage(learner)).toBe(true);
    expect(await candidates()).toContain(learner.id);
    expect((await refer(learner.id)).status).toBe(201);

    // The next qualification of the same occupation is offered the same course.
    const next = await learnerWithQualification('建议课程');
    const listed = (await t.http().get('/api/external-credentials?limit=100').set(bearer(coordA))).body.items.find((i: { id: string }) => i.id === next.id);
    expect(listed.course).toMatchObject({ id: house, code: 'VOC-HOUSE', suggested: true });
  });

  it('an expired verified qualification, a pending one and a rejected one do not count', async () => {
    const expired = await learnerWithQualification('已过期', { expiresOn: '2025-01-01' });
    expect((await t.http().post(`/api/external-credentials/${expired.id}/verify`).set(bearer(coordA)).send({ courseId: house })).status).toBe(200);
    const pending = await learnerWithQualification('待审核');
    const rejected = await learnerWithQualification('被退回');

    expect((await t.http().post(`/api/external-credentials/${rejected.id}/reject`).set(bearer(coordA)).send({ reason: '   ' })).status).toBe(400);
    expect((await t.http().post(`/api/external-credentials/${rejected.id}/reject`).set(bearer(coordA)).send({})).status).toBe(400);
    const res = await t.http().post(`/api/external-credentials/${rejected.id}/reject`).set(bearer(coordA)).send({ reason: '证书编号在全国联网查询中查不到' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: '证书编号在全国联网查询中查不到', courseId: null });
    expect(await t.db.query(`SELECT details FROM audit_events WHERE action = 'external_credential.reject' AND entity_id = $1`, [rejected.id])).toEqual([
      { details: { learnerId: rejected.learner.id, reason: '证书编号在全国联网查询中查不到' } },
    ]);

    // She sees the status and the reason on her own record.
    const mine = await t.http().get(`/api/learners/${rejected.learner.id}/external-credentials`).set(bearer(rejected.learner));
    expect(mine.body.items[0]).toMatchObject({ status: 'rejected', rejectionReason: '证书编号在全国联网查询中查不到' });

    const ids = await candidates();
    for (const who of [expired, pending, rejected]) {
      expect(ids).not.toContain(who.learner.id);
      expect((await refer(who.learner.id)).body.code).toBe('REQUIREMENTS_NOT_MET');
      expect(await qualifiesOnJobsPage(who.learner)).toBe(false);
    }

    // Corrected and recorded again, it is pending once more.
    const again = await t
      .http()
      .post(`/api/learners/${rejected.learner.id}/external-credentials`)
      .set(bearer(rejected.learner))
      .send({ certificateNumber: rejected.number, occupation: '家政服务员', issuingBody: '福建省人社厅', issuedOn: '2024-03-01' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: rejected.id, status: 'pending', rejectionReason: null, issuingBody: '福建省人社厅' });
  });
});
