import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newEmployer, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

describe('employers, consent and referrals', () => {
  let t: TestApp;
  let tree: TreeIds;
  let coordA: TestUser;
  let coordB: TestUser;
  let employerA: string;
  let employerB: string;
  let staffA: TestUser;
  let staffB: TestUser;
  let jobId: string;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '20' });
    tree = await newTree(t.db, 'R');
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
    employerA = await newEmployer(t.db, tree.clubA, '甲家政公司');
    employerB = await newEmployer(t.db, tree.clubA, '乙家政公司');
    staffA = await newUser(t, 'employer', tree.clubA, { employerId: employerA });
    staffB = await newUser(t, 'employer', tree.clubA, { employerId: employerB });
    const job = await t
      .http()
      .post('/api/jobs')
      .set(bearer(coordA))
      .send({
        employerId: employerA,
        title: '住家保姆',
        description: '照顾老人',
        requiredCourseIds: [await courseId(t.db, 'VOC-HOUSE')],
        location: '福州晋安',
        positions: 3,
        wageMin: 5000,
        wageMax: 6500,
        acceptedQualifications: ['家政服务员'],
      });
    expect(job.status).toBe(201);
    jobId = job.body.id;
  });
  afterAll(() => t.close());

  async function certifiedLearner(name: string, consent: boolean) {
    const learner = await newUser(t, 'learner', tree.stationA, { name });
    await t.db.query(
      `INSERT INTO certificates (code, learner_id, course_id, org_id, hours) SELECT 'K' || substr(md5(random()::text), 1, 10), $1, id, $2, 40 FROM courses WHERE code = 'VOC-HOUSE'`,
      [learner.id, tree.stationA],
    );
    if (consent) expect((await t.http().post('/api/me/consents').set(bearer(learner)).send({ scope: 'referrals' })).status).toBe(201);
    return learner;
  }

  it('refers only with consent and the required certificate, once', async () => {
    const noConsent = await certifiedLearner('无同意', false);
    const r1 = await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: noConsent.id, jobId });
    expect(r1.status).toBe(422);
    expect(r1.body.code).toBe('CONSENT_REQUIRED');

    const uncertified = await newUser(t, 'learner', tree.stationA);
    await t.http().post('/api/me/consents').set(bearer(uncertified)).send({ scope: 'referrals' });
    const r2 = await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: uncertified.id, jobId });
    expect(r2.status).toBe(422);
    expect(r2.body.code).toBe('REQUIREMENTS_NOT_MET');
    expect(r2.body.missing[0].code).toBe('VOC-HOUSE');

    const ok = await certifiedLearner('林小燕', true);
    const r3 = await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: ok.id, jobId, note: '做事细心' });
    expect(r3.status).toBe(201);
    expect(r3.body).toMatchObject({ status: 'referred', learnerName: '林小燕' });
    expect((await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: ok.id, jobId })).status).toBe(409);
    const audit = await t.db.query(`SELECT details FROM audit_events WHERE action = 'referral.disclose' AND entity_id = $1`, [r3.body.id]);
    expect(audit[0].details).toMatchObject({ learnerId: ok.id, employerId: employerA, fields: ['name', 'phone', 'certificates', 'classHours'] });
  });

  it('a checked government qualification the opening accepts stands in for the certificate', async () => {
    const learner = await newUser(t, 'learner', tree.stationA);
    await t.http().post('/api/me/consents').set(bearer(learner)).send({ scope: 'referrals' });
    await t.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, issuing_body, issued_on, recorded_by, checked_by, checked_at, status) VALUES ($1, 'GOV-0001', '家政服务员', '人社局', '2023-01-01', $2, $2, now(), 'verified')`,
      [learner.id, coordA.id],
    );
    expect((await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: learner.id, jobId })).status).toBe(201);
  });

  it('lists consenting, qualified candidates of the subtree not yet referred', async () => {
    const fresh = await certifiedLearner('候选人甲', true);
    await certifiedLearner('未同意乙', false);
    const res = await t.http().get(`/api/jobs/${jobId}/candidates`).set(bearer(coordA));
    expect(res.status).toBe(200);
    const names = res.body.items.map((c: { name: string }) => c.name);
    expect(names).toContain('候选人甲');
    expect(names).not.toContain('未同意乙');
    expect(names).not.toContain('林小燕');
    expect(res.body.items.find((c: { learnerId: string }) => c.learnerId === fresh.id)).toMatchObject({ classHours: 40 });
    expect((await t.http().get(`/api/jobs/${jobId}/candidates`).set(bearer(coordB))).status).toBe(404);
  });

  it('the employer sees only its referrals and only the consented fields; another employer gets 404', async () => {
    const learner = await certifiedLearner('陈春花', true);
    const ref = (await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: learner.id, jobId, note: '做事细心' })).body;
    const seen = await t.http().get(`/api/referrals/${ref.id}`).set(bearer(staffA));
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body.candidate).sort()).toEqual(['certificates', 'classHours', 'name', 'phone']);
    expect(seen.body.candidate).toMatchObject({ name: '陈春花', phone: learner.phone, classHours: 40 });
    expect(JSON.stringify(seen.body)).not.toMatch(/learnerId|做事细心|password|orgId/);
    expect(
      await t.db.query(`SELECT 1 FROM audit_events WHERE action = 'referral.profile_viewed' AND entity_id = $1 AND actor_id = $2`, [ref.id, staffA.id]),
    ).toHaveLength(1);
    expect((await t.http().get(`/api/referrals/${ref.id}`).set(bearer(staffB))).status).toBe(404);
    const listB = await t.http().get('/api/referrals').set(bearer(staffB));
    expect(listB.body.total).toBe(0);
    // After she withdraws consent the employer sees only that she withdrew; new referrals stop.
    expect((await t.http().delete('/api/me/consents/referrals').set(bearer(learner))).status).toBe(204);
    const after = await t.http().get(`/api/referrals/${ref.id}`).set(bearer(staffA));
    expect(after.body).toMatchObject({ consentWithdrawn: true, candidate: null });
    expect(JSON.stringify(after.body)).not.toContain(learner.phone);
    const job2 = (
      await t
        .http()
        .post('/api/jobs')
        .set(bearer(staffA))
        .send({ employerId: employerA, title: '钟点工', requiredCourseIds: [], location: '福州', positions: 1 })
    ).body;
    expect((await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: learner.id, jobId: job2.id })).body.code).toBe('CONSENT_REQUIRED');
    const consent = await t.http().get('/api/me/consents').set(bearer(learner));
    expect(consent.body.history.map((h: { action: string }) => h.action)).toEqual(['withdraw', 'grant']);
  });

  it('moves only along the pipeline, keeps history, schedules follow-ups after a hire, and tells the learner', async () => {
    const learner = await certifiedLearner('郑美玲', true);
    const ref = (await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: learner.id, jobId })).body;
    const skip = await t.http().patch(`/api/referrals/${ref.id}`).set(bearer(staffA)).send({ status: 'hired' });
    expect(skip.status).toBe(422);
    expect(skip.body.code).toBe('INVALID_TRANSITION');
    for (const status of ['contacted', 'interviewing'])
      expect((await t.http().patch(`/api/referrals/${ref.id}`).set(bearer(staffA)).send({ status })).status).toBe(200);
    // Two moves racing: exactly one wins.
    const race = await Promise.all([
      t.http().patch(`/api/referrals/${ref.id}`).set(bearer(staffA)).send({ status: 'hired', note: '已入职' }),
      t.http().patch(`/api/referrals/${ref.id}`).set(bearer(coordA)).send({ status: 'not_hired' }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 422]);
    const final = await t.http().get(`/api/referrals/${ref.id}`).set(bearer(learner));
    expect(final.body.history.map((h: { to: string }) => h.to)).toEqual(['referred', 'contacted', 'interviewing', final.body.status]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'referral.status'`, [learner.id]))[0].n).toBe(3);
    // Each move is audited under the referral's org, so the club's admins see them (and another club's do not).
    const moves = await t
      .http()
      .get('/api/audit')
      .query({ action: 'referral.move', entityId: ref.id })
      .set(bearer(await newUser(t, 'admin', tree.clubA)));
    expect(moves.body.items.map((m: { details: { to: string } }) => m.details.to).sort()).toEqual(['contacted', 'interviewing', final.body.status].sort());
    expect(
      (
        await t
          .http()
          .get('/api/audit')
          .query({ action: 'referral.move', entityId: ref.id })
          .set(bearer(await newUser(t, 'admin', tree.clubB)))
      ).body.total,
    ).toBe(0);
    if (final.body.status === 'hired') {
      const followUps = await t.db.query(`SELECT day_mark FROM placement_followups WHERE referral_id = $1 ORDER BY day_mark`, [ref.id]);
      expect(followUps.map((f: { day_mark: number }) => f.day_mark)).toEqual([30, 90, 180]);
      await t.db.query(`UPDATE placement_followups SET due_on = current_date - 1 WHERE referral_id = $1 AND day_mark = 30`, [ref.id]);
      const due = await t.http().get('/api/followups').set(bearer(coordA));
      const item = due.body.items.find((f: { referralId: string }) => f.referralId === ref.id);
      expect(item).toMatchObject({ dayMark: 30, overdue: true });
      const forEmployer = await t.http().get('/api/followups').set(bearer(staffA));
      expect(forEmployer.body.items.find((f: { referralId: string }) => f.referralId === ref.id).learnerName).toBe('郑美玲');
      await t.http().delete('/api/me/consents/referrals').set(bearer(learner));
      const withdrawn = await t.http().get('/api/followups').set(bearer(staffA));
      expect(withdrawn.body.items.find((f: { referralId: string }) => f.referralId === ref.id).learnerName).toBeNull();
      expect(JSON.stringify(withdrawn.body)).not.toContain('郑美玲');
      const rec = await t.http().post(`/api/followups/${item.id}`).set(bearer(staffA)).send({ stillEmployed: true, wageBand: '5000_6999' });
      expect(rec.status).toBe(200);
      expect((await t.http().post(`/api/followups/${item.id}`).set(bearer(staffB)).send({ stillEmployed: false })).status).toBe(404);
    }
    expect((await t.http().patch(`/api/referrals/${ref.id}`).set(bearer(staffA)).send({ status: 'contacted' })).status).toBe(422);
  });

  it('learners see open jobs flagged by whether they qualify, and their own referrals', async () => {
    const learner = await newUser(t, 'learner', tree.stationA);
    const jobs = await t.http().get('/api/jobs').query({ open: true }).set(bearer(learner));
    const job = jobs.body.items.find((j: { id: string }) => j.id === jobId);
    expect(job).toMatchObject({ qualifies: false, missingCourses: [expect.objectContaining({ code: 'VOC-HOUSE' })] });
    expect(job.referralCount).toBeUndefined();
    expect((await t.http().get('/api/referrals').set(bearer(learner))).body.total).toBe(0);
  });

  it('employers and openings are scoped; bad input names the field', async () => {
    expect(
      (
        await t
          .http()
          .post('/api/employers')
          .set(bearer(coordB))
          .send({ name: '某公司', industry: '家政', contactName: '王', contactPhone: '13800000000', orgId: tree.clubA })
      ).status,
    ).toBe(404);
    const bad = await t
      .http()
      .post('/api/employers')
      .set(bearer(coordA))
      .send({ name: '', industry: '', contactName: '王', contactPhone: '123', orgId: tree.clubA });
    expect(bad.status).toBe(400);
    for (const f of ['name', 'industry', 'contactPhone']) expect(bad.body.message).toContain(f);
    expect(
      (await t.http().post('/api/jobs').set(bearer(staffB)).send({ employerId: employerA, title: 'x', requiredCourseIds: [], location: 'x', positions: 1 }))
        .status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .post('/api/jobs')
          .set(bearer(coordA))
          .send({ employerId: employerA, title: 'x', requiredCourseIds: [], location: 'x', positions: 1, wageMin: 5000, wageMax: 3000 })
      ).status,
    ).toBe(400);
    const listB = await t.http().get('/api/employers').set(bearer(coordB));
    expect(listB.body.items).toEqual([]);
    const closed = await t.http().patch(`/api/jobs/${jobId}`).set(bearer(staffA)).send({ status: 'closed' });
    expect(closed.body.status).toBe('closed');
    await t.http().patch(`/api/jobs/${jobId}`).set(bearer(staffA)).send({ status: 'open' });
  });

  it("a page of an employer's referrals loads every candidate's certificates in one statement, not one per referral", async () => {
    const [{ id: employer }] = await t.db.query(`INSERT INTO employers (org_id, name, industry) VALUES ($1, '丙家政公司', '家政') RETURNING id`, [tree.clubA]);
    const staff = await newUser(t, 'employer', tree.clubA, { employerId: employer });
    const [{ id: job }] = await t.db.query(
      `INSERT INTO job_openings (employer_id, title, location, positions, created_by) VALUES ($1, '钟点工', '福州', 5, $2) RETURNING id`,
      [employer, coordA.id],
    );
    const names = ['页一', '页二', '页三', '页四'];
    for (const name of names) {
      const learner = await certifiedLearner(name, true);
      expect((await t.http().post('/api/referrals').set(bearer(coordA)).send({ learnerId: learner.id, jobId: job })).status).toBe(201);
    }
    const sent: string[] = [];
    const logger = t.db.logger;
    t.db.logger = new Proxy(logger, { get: (target, key) => (key === 'logQuery' ? (query: string) => void sent.push(query) : Reflect.get(target, key)) });
    try {
      const res = await t.http().get('/api/referrals').set(bearer(staff));
      expect(res.status).toBe(200);
      expect(res.body.items.map((r: { candidate: { name: string; classHours: number } }) => [r.candidate.name, r.candidate.classHours]).sort()).toEqual(
        names.map((n) => [n, 40]).sort(),
      );
    } finally {
      t.db.logger = logger;
    }
    expect(sent.filter((q) => /FROM certificates z JOIN courses c/.test(q))).toHaveLength(1);
    expect(sent.filter((q) => /SELECT id, name, phone FROM users/.test(q))).toHaveLength(1);
  });

  it("a learner's page of openings says for each whether she qualifies, in one statement", async () => {
    const learner = await certifiedLearner('看岗位', false);
    const sent: string[] = [];
    const logger = t.db.logger;
    t.db.logger = new Proxy(logger, { get: (target, key) => (key === 'logQuery' ? (query: string) => void sent.push(query) : Reflect.get(target, key)) });
    let items: { id: string; qualifies: boolean }[];
    try {
      const res = await t.http().get('/api/jobs').query({ open: true, limit: 100 }).set(bearer(learner));
      expect(res.status).toBe(200);
      items = res.body.items;
    } finally {
      t.db.logger = logger;
    }
    expect(items.length).toBeGreaterThan(1);
    expect(items.find((j) => j.id === jobId)).toMatchObject({ qualifies: true });
    expect(
      sent.filter((q) => /job_required_courses r JOIN courses c/.test(q) && !/json_agg\(json_build_object\('id', c.id, 'code', c.code, 'title'/.test(q)),
    ).toHaveLength(1);
  });
});
