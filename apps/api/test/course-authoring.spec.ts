import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/** Course authoring by admins: drafts, the lists and pages that show them, and edits that land whole or not at all. */
describe('course authoring', () => {
  let t: TestApp;
  let tree: TreeIds;
  let admin: TestUser;
  let coordinator: TestUser;
  let learner: TestUser;

  const draftBody = (code: string, over: Record<string, unknown> = {}) => ({
    code,
    title: '社区养老护理（草稿）',
    titleEn: 'Community elder care (draft)',
    category: 'vocational',
    description: '为社区老人提供日常照护。',
    requiredHours: 12,
    minAttendancePct: 80,
    passMark: 60,
    validityMonths: 24,
    requiredForVolunteers: false,
    published: false,
    lessons: [
      { title: '第一课：认识老人的需要', titleEn: 'Knowing the needs', body: '## 要点\n\n**耐心** 倾听。', bodyEn: 'Listen **patiently**.', hours: 6 },
      { title: '第二课：安全翻身', body: '- 先沟通\n- 再动作', hours: 6 },
    ],
    ...over,
  });
  const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((c) => c.code);
  const stored = async (id: string) => {
    const [course] = await t.db.query(`SELECT title_zh, min_attendance_pct, published FROM courses WHERE id = $1`, [id]);
    const lessons = await t.db.query(`SELECT position, title_zh, body_zh, hours::float AS hours FROM lessons WHERE course_id = $1 ORDER BY position`, [id]);
    return { course, lessons };
  };

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'A');
    admin = await newUser(t, 'admin', tree.national);
    coordinator = await newUser(t, 'coordinator', tree.clubA);
    learner = await newUser(t, 'learner', tree.clubA);
  });
  afterAll(() => t.close());

  it('publishing or withdrawing a course required of caring mothers queues the dashboards of every org that has them', async () => {
    await newUser(t, 'learner', tree.stationA, { learnerType: 'volunteer_mother' });
    const queued = async () => (await t.db.query(`SELECT 1 FROM stats_dirty WHERE org_id = $1`, [tree.stationA])).length;
    await t.db.query(`DELETE FROM stats_dirty`);
    const res = await t
      .http()
      .post('/api/courses')
      .set(bearer(admin))
      .send(draftBody('REQ-MOTHERS', { category: 'care', requiredForVolunteers: true }));
    expect(res.status).toBe(201);
    expect(await queued()).toBe(0); // a draft changes nobody's readiness
    expect((await t.http().patch(`/api/courses/${res.body.id}`).set(bearer(admin)).send({ published: true })).status).toBe(200);
    expect(await queued()).toBe(1);
    await t.db.query(`DELETE FROM stats_dirty`);
    expect((await t.http().patch(`/api/courses/${res.body.id}`).set(bearer(admin)).send({ title: '关爱服务（修订）' })).status).toBe(200);
    expect(await queued()).toBe(0);
    expect((await t.http().patch(`/api/courses/${res.body.id}`).set(bearer(admin)).send({ requiredForVolunteers: false })).status).toBe(200);
    expect(await queued()).toBe(1);
  });

  describe('drafts', () => {
    let draftId: string;

    beforeAll(async () => {
      const res = await t.http().post('/api/courses').set(bearer(admin)).send(draftBody('DRAFT-ELDER'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: 'DRAFT-ELDER', published: false, lessonCount: 2, classCount: 0 });
      expect(res.body.lessons.map((l: { bodyZh: string; bodyEn: string }) => [l.bodyZh, l.bodyEn])).toEqual([
        ['## 要点\n\n**耐心** 倾听。', 'Listen **patiently**.'],
        ['- 先沟通\n- 再动作', ''],
      ]);
      draftId = res.body.id;
    });

    it('a course created without `published` is still published at once (the contract)', async () => {
      const res = await t
        .http()
        .post('/api/courses')
        .set(bearer(admin))
        .send({ ...draftBody('PUB-AT-ONCE'), published: undefined });
      expect(res.body.published).toBe(true);
      expect(codes(await t.http().get('/api/courses'))).toContain('PUB-AT-ONCE');
    });

    it('are listed with include=drafts for admins only, with lesson and class counts', async () => {
      expect(codes(await t.http().get('/api/courses'))).not.toContain('DRAFT-ELDER');
      expect(codes(await t.http().get('/api/courses').set(bearer(admin)))).not.toContain('DRAFT-ELDER');

      await newClass(t.db, tree.stationA, null, { courseCode: 'DRAFT-ELDER' });
      await newClass(t.db, tree.stationA, null, { courseCode: 'DRAFT-ELDER', status: 'cancelled' });
      const all = await t.http().get('/api/courses').query({ include: 'drafts' }).set(bearer(admin));
      expect(all.status).toBe(200);
      expect(all.body.items.find((c: { code: string }) => c.code === 'DRAFT-ELDER')).toMatchObject({
        published: false,
        lessonCount: 2,
        classCount: 1,
        openClasses: 1,
      });
      expect(codes(all)).toEqual(expect.arrayContaining(['LAW-MPL', 'VOC-HOUSE']));
      expect(all.body.total).toBe(all.body.items.length);

      const vocational = await t.http().get('/api/courses').query({ include: 'drafts', category: 'law' }).set(bearer(admin));
      expect(codes(vocational)).not.toContain('DRAFT-ELDER');
      expect(vocational.body.items.every((c: { category: string }) => c.category === 'law')).toBe(true);
    });

    it('include=drafts is refused to anyone but an admin: 401 anonymous, 403 other roles', async () => {
      const anonymous = await t.http().get('/api/courses').query({ include: 'drafts' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('UNAUTHENTICATED');
      for (const user of [coordinator, learner]) {
        const res = await t.http().get('/api/courses').query({ include: 'drafts' }).set(bearer(user));
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const [denied] = await t.db.query(
        `SELECT actor_id FROM audit_events WHERE action = 'access.denied' AND entity_id = 'GET /api/courses?include=drafts' ORDER BY id DESC LIMIT 1`,
      );
      expect(denied.actor_id).toBe(learner.id);
      expect((await t.http().get('/api/courses').query({ include: 'everything' }).set(bearer(admin))).status).toBe(400);
    });

    it('a bad token on the public catalogue leaves the caller anonymous rather than refused', async () => {
      const res = await t.http().get('/api/courses').set('Authorization', 'Bearer not-a-token');
      expect(res.status).toBe(200);
      expect(codes(res)).toContain('LAW-MPL');
      expect((await t.http().get('/api/courses').query({ include: 'drafts' }).set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    });

    it('a draft page is found by admins only: 404 for the public, learners and coordinators', async () => {
      for (const ref of [draftId, 'DRAFT-ELDER', 'draft-elder']) {
        expect((await t.http().get(`/api/courses/${ref}`)).status).toBe(404);
        expect((await t.http().get(`/api/courses/${ref}`).set(bearer(learner))).status).toBe(404);
        expect((await t.http().get(`/api/courses/${ref}`).set(bearer(coordinator))).status).toBe(404);
        expect((await t.http().get(`/api/courses/${ref}`).set('Authorization', 'Bearer not-a-token')).status).toBe(404);
      }
      const res = await t.http().get(`/api/courses/${draftId}`).set(bearer(admin));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        published: false,
        lessonCount: 2,
        classCount: 1,
        lessons: [expect.objectContaining({ position: 1 }), expect.objectContaining({ position: 2 })],
      });
    });

    it('once published, it is in the catalogue and its page is public', async () => {
      const res = await t.http().patch(`/api/courses/${draftId}`).set(bearer(admin)).send({ published: true });
      expect(res.status).toBe(200);
      expect(res.body.published).toBe(true);
      expect(codes(await t.http().get('/api/courses'))).toContain('DRAFT-ELDER');
      const page = await t.http().get('/api/courses/DRAFT-ELDER').set(bearer(learner));
      expect(page.status).toBe(200);
      expect(page.body.lessons[0].body).toContain('耐心');
      const back = await t.http().patch(`/api/courses/${draftId}`).set(bearer(admin)).send({ published: false });
      expect(back.body.published).toBe(false);
      expect((await t.http().get('/api/courses/DRAFT-ELDER')).status).toBe(404);
    });
  });

  describe('edits land whole or not at all', () => {
    let id: string;
    let before: Awaited<ReturnType<typeof stored>>;

    beforeAll(async () => {
      const res = await t.http().post('/api/courses').set(bearer(admin)).send(draftBody('ATOMIC-1'));
      id = res.body.id;
      before = await stored(id);
      expect(before.lessons).toHaveLength(2);
    });

    it('a bad lesson refuses the whole edit, naming the lesson, and changes nothing', async () => {
      const res = await t
        .http()
        .patch(`/api/courses/${id}`)
        .set(bearer(admin))
        .send({
          title: '改过的名称',
          minAttendancePct: 90,
          lessons: [
            { title: '新第一课', body: '内容', hours: 2 },
            { title: '', body: '内容', hours: -1 },
          ],
        });
      expect(res.status).toBe(400);
      expect(res.body.messages).toEqual(
        expect.arrayContaining([expect.stringMatching(/^lessons\[1\]\.title /), expect.stringMatching(/^lessons\[1\]\.hours /)]),
      );
      expect(await stored(id)).toEqual(before);
    });

    it('a lesson the database refuses mid-transaction rolls back the course row and the old lessons stay', async () => {
      // A NUL character passes validation (it is a string) but PostgreSQL text cannot hold it: the
      // failure comes after the UPDATE of the course and the DELETE of its lessons.
      const res = await t
        .http()
        .patch(`/api/courses/${id}`)
        .set(bearer(admin))
        .send({
          title: '改过的名称',
          minAttendancePct: 90,
          lessons: [
            { title: '新第一课', body: '内容', hours: 2 },
            { title: '新第二课', body: 'bad \u0000 byte', hours: 1 },
          ],
        });
      expect(res.status).toBe(400);
      expect(await stored(id)).toEqual(before);
    });

    it('a refused prerequisite after the course row changed rolls everything back too', async () => {
      const res = await t
        .http()
        .patch(`/api/courses/${id}`)
        .set(bearer(admin))
        .send({
          title: '改过的名称',
          lessons: [{ title: '只有一课', body: '内容', hours: 2 }],
          prerequisiteCourseIds: ['00000000-0000-4000-8000-000000000000'],
        });
      expect(res.status).toBe(400);
      expect(await stored(id)).toEqual(before);
    });

    it('a good edit replaces lessons in the given order; an empty list removes them', async () => {
      const res = await t
        .http()
        .patch(`/api/courses/${id}`)
        .set(bearer(admin))
        .send({
          title: '改过的名称',
          lessons: [before.lessons[1], before.lessons[0]].map((l: { title_zh: string; body_zh: string; hours: number }) => ({
            title: l.title_zh,
            body: l.body_zh,
            hours: l.hours,
          })),
        });
      expect(res.status).toBe(200);
      expect(res.body.lessons.map((l: { titleZh: string; position: number }) => [l.position, l.titleZh])).toEqual([
        [1, before.lessons[1].title_zh],
        [2, before.lessons[0].title_zh],
      ]);
      expect(res.body.title).toBe('改过的名称');
      const cleared = await t.http().patch(`/api/courses/${id}`).set(bearer(admin)).send({ lessons: [] });
      expect(cleared.body).toMatchObject({ lessons: [], lessonCount: 0 });
    });
  });

  describe('validation names the fields', () => {
    it('null on PATCH is refused for every field but validityMonths (it was a 500)', async () => {
      const id = (await t.http().post('/api/courses').set(bearer(admin)).send(draftBody('NULL-EDIT'))).body.id;
      for (const field of ['title', 'category', 'requiredHours', 'minAttendancePct', 'requiredForVolunteers', 'published', 'lessons', 'code']) {
        const res = await t
          .http()
          .patch(`/api/courses/${id}`)
          .set(bearer(admin))
          .send({ [field]: null });
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.messages).toEqual([`${field} must not be null`]);
      }
      const cleared = await t.http().patch(`/api/courses/${id}`).set(bearer(admin)).send({ validityMonths: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.validityMonths).toBeNull();
    });

    it('course rules and each lesson by its index', async () => {
      const res = await t
        .http()
        .post('/api/courses')
        .set(bearer(admin))
        .send(
          draftBody('BAD-RULES', {
            minAttendancePct: 150,
            passMark: -1,
            validityMonths: 0,
            requiredHours: 'twelve',
            lessons: [
              { title: '好的一课', body: '', hours: 1 },
              { title: 'x'.repeat(201), body: 5, hours: 'two' },
            ],
          }),
        );
      expect(res.status).toBe(400);
      const messages: string[] = res.body.messages;
      for (const field of ['minAttendancePct', 'passMark', 'validityMonths', 'requiredHours', 'lessons[1].title', 'lessons[1].body', 'lessons[1].hours']) {
        expect(messages.some((m) => m.startsWith(`${field} `))).toBe(true);
      }
      expect(messages.some((m) => m.startsWith('lessons[0]'))).toBe(false);
      expect((await t.db.query(`SELECT 1 FROM courses WHERE code = 'BAD-RULES'`)).length).toBe(0);
    });

    it('a taken code is a 409, and a prerequisite cycle a 422', async () => {
      expect((await t.http().post('/api/courses').set(bearer(admin)).send(draftBody('LAW-MPL'))).status).toBe(409);
      const a = (await t.http().post('/api/courses').set(bearer(admin)).send(draftBody('CYCLE-A'))).body.id;
      const b = (
        await t
          .http()
          .post('/api/courses')
          .set(bearer(admin))
          .send(draftBody('CYCLE-B', { prerequisiteCourseIds: [a] }))
      ).body.id;
      const cycle = await t
        .http()
        .patch(`/api/courses/${a}`)
        .set(bearer(admin))
        .send({ prerequisiteCourseIds: [b] });
      expect(cycle.status).toBe(422);
      expect(await courseId(t.db, 'CYCLE-A')).toBe(a);
    });
  });
});
