import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CATALOG } from '@hearth/migrations';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, courseId, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

describe('catalogue and classes', () => {
  let t: TestApp;
  let tree: TreeIds;
  let admin: TestUser;
  let coordA: TestUser;
  let coordB: TestUser;
  let instructorA: TestUser;
  let instructorB: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await newTree(t.db, 'C');
    admin = await newUser(t, 'admin', tree.national);
    coordA = await newUser(t, 'coordinator', tree.clubA);
    coordB = await newUser(t, 'coordinator', tree.clubB);
    instructorA = await newUser(t, 'instructor', tree.stationA);
    instructorB = await newUser(t, 'instructor', tree.stationB);
  });
  afterAll(() => t.close());

  describe('the seeded catalogue', () => {
    it('holds the real programmes, law and care required for volunteers', async () => {
      const res = await t.http().get('/api/courses');
      expect(res.status).toBe(200);
      const codes = res.body.items.map((c: { code: string }) => c.code);
      expect(codes).toEqual(
        expect.arrayContaining(['LAW-MPL', 'LAW-PJD', 'CARE-PSY', 'CARE-SAFE', 'VOC-HOUSE', 'VOC-ELEC-1', 'VOC-ELEC-2', 'VOC-BEAUTY', 'VOC-ELDER']),
      );
      for (const c of res.body.items.filter((x: { code: string }) => CATALOG.some((k) => k.code === x.code))) {
        expect(c.requiredForVolunteers).toBe(c.category === 'law' || c.category === 'care');
      }
      const mpl = res.body.items.find((c: { code: string }) => c.code === 'LAW-MPL');
      expect(mpl.title).toContain('未成年人保护法');
    });

    it('filters by category and answers in English on request', async () => {
      const res = await t.http().get('/api/courses').query({ category: 'vocational' }).set('Accept-Language', 'en-US,en;q=0.9');
      expect(res.body.items.every((c: { category: string }) => c.category === 'vocational')).toBe(true);
      expect(res.body.items.find((c: { code: string }) => c.code === 'VOC-HOUSE').title).toMatch(/[A-Za-z]/);
      expect((await t.http().get('/api/courses').query({ category: 'cooking' })).status).toBe(400);
    });

    it('is paged like every list: limit and offset walk the whole catalogue once, total counts it all, limit over 100 is 400', async () => {
      const all = await t.http().get('/api/courses');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(all.body.items.length);
      const codes: string[] = [];
      for (let offset = 0; offset < all.body.total; offset += 4) {
        const page = await t.http().get('/api/courses').query({ limit: 4, offset });
        expect(page.status).toBe(200);
        expect(page.body.total).toBe(all.body.total);
        expect(page.body.items.length).toBeLessThanOrEqual(4);
        codes.push(...page.body.items.map((c: { code: string }) => c.code));
      }
      expect(codes).toEqual(all.body.items.map((c: { code: string }) => c.code));
      const vocational = await t.http().get('/api/courses').query({ category: 'vocational', limit: 2 });
      expect(vocational.body.items).toHaveLength(2);
      expect(vocational.body.total).toBe(all.body.items.filter((c: { category: string }) => c.category === 'vocational').length);
      expect((await t.http().get('/api/courses').query({ limit: 101 })).status).toBe(400);
      expect((await t.http().get('/api/courses').query({ offset: -1 })).status).toBe(400);
    });

    it('a course page has ordered lessons with real text, rules and prerequisites, and no answers', async () => {
      const res = await t.http().get('/api/courses/VOC-ELEC-2');
      expect(res.status).toBe(200);
      expect(res.body.lessons.length).toBeGreaterThanOrEqual(4);
      expect(res.body.lessons.map((l: { position: number }) => l.position)).toEqual(res.body.lessons.map((_: unknown, i: number) => i + 1));
      expect(res.body.lessons[0].body.length).toBeGreaterThan(100);
      expect(res.body.prerequisites).toEqual([expect.objectContaining({ code: 'VOC-ELEC-1' })]);
      expect(res.body).toMatchObject({ requiredHours: 80, minAttendancePct: 90, validityMonths: 36 });
      const law = await t.http().get('/api/courses/LAW-MPL');
      expect(law.body.assessments[0]).toMatchObject({ kind: 'quiz', questionCount: 12 });
      expect(JSON.stringify(law.body)).not.toMatch(/"correct"/);
      const hours = law.body.lessons.reduce((sum: number, l: { hours: number }) => sum + l.hours, 0);
      expect(hours).toBe(law.body.requiredHours);
      expect((await t.http().get('/api/courses/NO-SUCH')).status).toBe(404);
    });
  });

  describe('courses (admin)', () => {
    it('creates a published course with lessons, then edits it', async () => {
      const prereq = await courseId(t.db, 'VOC-HOUSE');
      const res = await t
        .http()
        .post('/api/courses')
        .set(bearer(admin))
        .send({
          code: 'VOC-HOUSE-2',
          title: '家政服务员（中级）',
          titleEn: 'Housekeeping (intermediate)',
          category: 'vocational',
          description: '进阶',
          requiredHours: 40,
          minAttendancePct: 80,
          passMark: 70,
          validityMonths: null,
          requiredForVolunteers: false,
          prerequisiteCourseIds: [prereq],
          lessons: [{ title: '第一课', body: '<script>alert(1)</script> **整理收纳**', hours: 40 }],
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ code: 'VOC-HOUSE-2', published: true, prerequisites: [expect.objectContaining({ code: 'VOC-HOUSE' })] });
      const catalog = await t.http().get('/api/courses');
      expect(catalog.body.items.map((c: { code: string }) => c.code)).toContain('VOC-HOUSE-2');
      const edit = await t.http().patch(`/api/courses/${res.body.id}`).set(bearer(admin)).send({ passMark: 75, prerequisiteCourseIds: [] });
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ passMark: 75, prerequisites: [] });
      const dup = await t
        .http()
        .post('/api/courses')
        .set(bearer(admin))
        .send({ code: 'VOC-HOUSE-2', title: 'x', category: 'vocational', requiredHours: 1, minAttendancePct: 1, passMark: 1, requiredForVolunteers: false });
      expect(dup.status).toBe(409);
    });

    it('refuses a prerequisite cycle and bad rules', async () => {
      const elec1 = await courseId(t.db, 'VOC-ELEC-1');
      const elec2 = await courseId(t.db, 'VOC-ELEC-2');
      const cycle = await t
        .http()
        .patch(`/api/courses/${elec1}`)
        .set(bearer(admin))
        .send({ prerequisiteCourseIds: [elec2] });
      expect(cycle.status).toBe(422);
      const bad = await t
        .http()
        .post('/api/courses')
        .set(bearer(admin))
        .send({ code: 'x', title: '', category: 'law', requiredHours: -1, minAttendancePct: 101, passMark: 50.5, requiredForVolunteers: 'yes' });
      expect(bad.status).toBe(400);
      const text = bad.body.messages.join('\n');
      for (const f of ['code', 'title', 'requiredHours', 'minAttendancePct', 'passMark', 'requiredForVolunteers']) expect(text).toContain(f);
      // The same problems on their fields, for forms (ErrorBody.fields).
      const fields = new Set((bad.body.fields as { field: string; rule: string }[]).map((f) => f.field));
      expect([...fields].sort()).toEqual(['code', 'minAttendancePct', 'passMark', 'requiredForVolunteers', 'requiredHours', 'title']);
      expect(bad.body.fields).toContainEqual(expect.objectContaining({ field: 'passMark', rule: 'isInt' }));
      const lesson = await t
        .http()
        .post('/api/courses')
        .set(bearer(admin))
        .send({
          code: 'VOC-FIELDS-1',
          title: 'x',
          category: 'law',
          requiredHours: 1,
          minAttendancePct: 1,
          passMark: 1,
          requiredForVolunteers: false,
          lessons: [
            { title: 'a', body: 'b', hours: 1 },
            { title: '', body: 'b', hours: 1 },
          ],
          extra: 1,
        });
      expect(lesson.status).toBe(400);
      expect(lesson.body.fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'lessons.1.title', message: expect.stringMatching(/^lessons\[1\]\.title /) }),
          { field: 'extra', rule: 'unknownField', message: 'extra is not an accepted field' },
        ]),
      );
    });
  });

  describe('classes', () => {
    const body = (over: Record<string, unknown> = {}) => ({
      courseId: '',
      orgId: tree.stationA,
      instructorId: instructorA.id,
      startsOn: '2030-03-01',
      endsOn: '2030-03-31',
      capacity: 30,
      location: '鼓山镇社区活动室',
      sessions: [
        { startsAt: '2030-03-08T09:00:00+08:00', endsAt: '2030-03-08T11:00:00+08:00' },
        { startsAt: '2030-03-01T09:00:00+08:00', endsAt: '2030-03-01T11:00:00+08:00', location: '二楼' },
      ],
      ...over,
    });

    it('a coordinator creates a class with sessions ordered by start', async () => {
      const res = await t
        .http()
        .post('/api/classes')
        .set(bearer(coordA))
        .send(body({ courseId: await courseId(t.db, 'VOC-HOUSE') }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        orgId: tree.stationA,
        instructorId: instructorA.id,
        capacity: 30,
        enrolledCount: 0,
        waitlistCount: 0,
        seatsLeft: 30,
        status: 'scheduled',
        courseCode: 'VOC-HOUSE',
      });
      expect(res.body.sessions.map((s: { location: string }) => s.location)).toEqual(['二楼', '鼓山镇社区活动室']);
    });

    it('allows a class entered after the fact', async () => {
      const res = await t
        .http()
        .post('/api/classes')
        .set(bearer(coordA))
        .send(
          body({
            courseId: await courseId(t.db, 'VOC-HOUSE'),
            startsOn: '2024-03-01',
            endsOn: '2024-03-31',
            sessions: [{ startsAt: '2024-03-02T09:00:00+08:00', endsAt: '2024-03-02T11:00:00+08:00' }],
          }),
        );
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('finished');
    });

    it('answers bad input naming the field', async () => {
      const house = await courseId(t.db, 'VOC-HOUSE');
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{ capacity: 0 }, 400, /capacity/],
        [{ endsOn: '2030-02-01' }, 400, /endsOn/],
        [{ sessions: [{ startsAt: '2030-04-02T09:00:00+08:00', endsAt: '2030-04-02T10:00:00+08:00' }] }, 400, /sessions\[0\]/],
        [{ sessions: [{ startsAt: '2030-03-02T11:00:00+08:00', endsAt: '2030-03-02T10:00:00+08:00' }] }, 400, /sessions\[0\]\.endsAt/],
        [{ courseId: '00000000-0000-4000-8000-000000000000' }, 422, /courseId/],
        [{ instructorId: instructorB.id }, 422, /instructorId/],
        [{ instructorId: coordA.id }, 422, /instructorId/],
        [{ orgId: tree.county }, 404, /Organization/],
        [{ startsOn: '2030-13-01' }, 400, /startsOn/],
        // Only calendar dates: a week date, a bare year or a timestamp is not a day a class starts.
        [{ startsOn: '2030-W10' }, 400, /startsOn must be a date written YYYY-MM-DD/],
        [{ startsOn: '2030' }, 400, /startsOn/],
        [{ endsOn: '2030-03-31T00:00:00Z' }, 400, /endsOn must be a date written YYYY-MM-DD/],
        [{ endsOn: '2030-02-30' }, 400, /endsOn/],
      ];
      for (const [over, status, message] of cases) {
        const res = await t
          .http()
          .post('/api/classes')
          .set(bearer(coordA))
          .send(body({ courseId: house, ...over }));
        expect({ over, status: res.status }).toEqual({ over, status });
        expect(res.body.message).toMatch(message);
      }
      const clubLevel = await t
        .http()
        .post('/api/classes')
        .set(bearer(admin))
        .send(body({ courseId: house, orgId: tree.county }));
      expect(clubLevel.status).toBe(422);
    });

    it('lists classes of the subtree for staff and open published classes for learners, nearest first', async () => {
      const house = await courseId(t.db, 'VOC-HOUSE');
      const inB = await newClass(t.db, tree.stationB, instructorB.id);
      const inA = await newClass(t.db, tree.stationA, instructorA.id);
      const mineA = await t.http().get('/api/classes').set(bearer(coordA));
      expect(mineA.body.items.map((c: { id: string }) => c.id)).toContain(inA);
      expect(mineA.body.items.map((c: { id: string }) => c.id)).not.toContain(inB);
      const learnerB = await newUser(t, 'learner', tree.stationB);
      const open = await t.http().get('/api/classes').query({ courseId: house, open: true }).set(bearer(learnerB));
      expect(open.status).toBe(200);
      const ids = open.body.items.map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([inA, inB]));
      expect(ids.indexOf(inB)).toBeLessThan(ids.indexOf(inA));
      expect(typeof open.body.total).toBe('number');
      expect((await t.http().get('/api/classes').query({ open: 'maybe' }).set(bearer(learnerB))).status).toBe(400);
    });

    it('cancelling a class closes it', async () => {
      const classId = await newClass(t.db, tree.stationA, instructorA.id);
      const res = await t.http().patch(`/api/classes/${classId}`).set(bearer(coordA)).send({ status: 'cancelled' });
      expect(res.body.status).toBe('cancelled');
      expect((await t.http().patch(`/api/classes/${classId}`).set(bearer(coordB)).send({ status: 'running' })).status).toBe(404);
    });
  });
});
