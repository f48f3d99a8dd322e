import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { plausibleTimes } from '../src/assessments/assessments.service.js';
import { createTestApp, type TestApp } from './harness.js';
import { bearer, newClass, newTree, newUser, type TestUser, type TreeIds } from './factories.js';

/** Quiz attempts taken without signal and sent when it returns (issue 16, docs/decisions/016). */
describe('offline quiz attempts and the study pack', () => {
  let t: TestApp;
  let tree: TreeIds;
  let instructor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '20', RATE_LIMIT_PER_MINUTE: '100000' });
    tree = await newTree(t.db, 'Q');
    instructor = await newUser(t, 'instructor', tree.stationA);
  });
  afterAll(() => t.close());

  async function enrolled(course = 'LAW-MPL') {
    const learner = await newUser(t, 'learner', tree.stationA, { learnerType: 'volunteer_mother' });
    const classId = await newClass(t.db, tree.stationA, instructor.id, { courseCode: course, startsOn: '2020-01-01', endsOn: '2035-01-01' });
    const [{ id: enrollmentId }] = await t.db.query(`INSERT INTO enrollments (class_id, learner_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [
      classId,
      learner.id,
    ]);
    return { learner, classId, enrollmentId: enrollmentId as string };
  }

  async function answers(course: string, right: boolean) {
    const rows = await t.db.query(
      `SELECT q.id, q.correct, jsonb_array_length(q.options) AS n, a.id AS assessment_id FROM questions q JOIN assessments a ON a.id = q.assessment_id JOIN courses c ON c.id = a.course_id WHERE c.code = $1 AND a.kind = 'quiz'`,
      [course],
    );
    const chosen: Record<string, number[]> = {};
    for (const r of rows) chosen[r.id] = right ? r.correct : [(r.correct[0] + 1) % r.n];
    return { assessmentId: rows[0].assessment_id as string, answers: chosen };
  }

  const attempts = (enrollmentId: string) =>
    t.db.query(
      `SELECT attempt_no, score, client_attempt_id, client_started_at, client_submitted_at FROM assessment_attempts WHERE enrollment_id = $1 ORDER BY attempt_no`,
      [enrollmentId],
    );
  const post = (user: TestUser, assessmentId: string, body: object) => t.http().post(`/api/assessments/${assessmentId}/attempts`).set(bearer(user)).send(body);

  it('the same attempt id sent twice is graded and counted once: 201, then 200 with the same result', async () => {
    const { learner, enrollmentId } = await enrolled();
    const quiz = await answers('LAW-MPL', false);
    const clientAttemptId = randomUUID();
    const startedAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const submittedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    const first = await post(learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId, startedAt, submittedAt });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ score: 0, passed: false, attemptNo: 1, attemptsLeft: 2 });
    // The same answers in another order of keys and options: the same submission.
    const reordered = Object.fromEntries(Object.entries(quiz.answers).reverse());
    const again = await post(learner, quiz.assessmentId, { answers: reordered, clientAttemptId, startedAt, submittedAt });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const rows = await attempts(enrollmentId);
    expect(rows).toHaveLength(1);
    expect(rows[0].client_attempt_id).toBe(clientAttemptId);
    expect(new Date(rows[0].client_started_at).toISOString()).toBe(startedAt);
    expect(new Date(rows[0].client_submitted_at).toISOString()).toBe(submittedAt);
    // Hers to read in her data export, like the rest of the attempt.
    const exported = await t.http().get('/api/me/export').set(bearer(learner));
    expect(exported.body.quizAttempts).toEqual([
      expect.objectContaining({ attemptNo: 1, phoneSubmittedAt: expect.any(String), phoneStartedAt: expect.any(String) }),
    ]);
    expect(new Date(exported.body.quizAttempts[0].phoneSubmittedAt).toISOString()).toBe(submittedAt);
    // Her next attempt (a new id) is her second, with one left: the replay used nothing.
    const next = await post(learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId: randomUUID() });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ attemptNo: 2, attemptsLeft: 1 });
  });

  it('a replay still answers after her attempts are used up', async () => {
    const { learner, enrollmentId } = await enrolled();
    const wrong = await answers('LAW-MPL', false);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const clientAttemptId of ids) expect((await post(learner, wrong.assessmentId, { answers: wrong.answers, clientAttemptId })).status).toBe(201);
    expect((await post(learner, wrong.assessmentId, { answers: wrong.answers, clientAttemptId: randomUUID() })).body.code).toBe('REQUIREMENTS_NOT_MET');
    const replay = await post(learner, wrong.assessmentId, { answers: wrong.answers, clientAttemptId: ids[0] });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ attemptNo: 1, attemptsLeft: 2, score: 0 });
    expect(await attempts(enrollmentId)).toHaveLength(3);
  });

  it('two deliveries of one attempt at the same moment make one attempt', async () => {
    const { learner, enrollmentId } = await enrolled();
    const quiz = await answers('LAW-MPL', true);
    const clientAttemptId = randomUUID();
    const [a, b] = await Promise.all([
      post(learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId }),
      post(learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.score).toBe(100);
    expect(b.body).toEqual(a.body);
    expect(await attempts(enrollmentId)).toHaveLength(1);
  });

  it('other answers under a used id are refused with IDEMPOTENCY_MISMATCH, and nothing is counted', async () => {
    const { learner, enrollmentId } = await enrolled();
    const wrong = await answers('LAW-MPL', false);
    const right = await answers('LAW-MPL', true);
    const clientAttemptId = randomUUID();
    expect((await post(learner, wrong.assessmentId, { answers: wrong.answers, clientAttemptId })).status).toBe(201);
    const conflict = await post(learner, right.assessmentId, { answers: right.answers, clientAttemptId });
    expect(conflict.status).toBe(422);
    expect(conflict.body.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(JSON.stringify(conflict.body)).not.toMatch(/score|correct/);
    expect(await attempts(enrollmentId)).toHaveLength(1);
  });

  it('another learner cannot use her attempt id: refused, her result not shown, nothing counted for either', async () => {
    const her = await enrolled();
    const other = await enrolled();
    const quiz = await answers('LAW-MPL', true);
    const clientAttemptId = randomUUID();
    expect((await post(her.learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId })).status).toBe(201);
    const stolen = await post(other.learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId });
    expect(stolen.status).toBe(422);
    expect(stolen.body.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(stolen.body.score).toBeUndefined();
    expect(await attempts(other.enrollmentId)).toHaveLength(0);
    expect(await attempts(her.enrollmentId)).toHaveLength(1);
  });

  it('checks the attempt id and the times: malformed is 400, implausible times are dropped, not refused', async () => {
    const { learner, enrollmentId } = await enrolled();
    const quiz = await answers('LAW-MPL', false);
    const bad = await post(learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId: 'not-a-uuid', startedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toContain('clientAttemptId must be a UUID');
    expect(String(bad.body.message)).toContain('startedAt must be a date and time');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const ok = await post(learner, quiz.assessmentId, { answers: quiz.answers, clientAttemptId: randomUUID(), startedAt: future, submittedAt: future });
    expect(ok.status).toBe(201);
    const [row] = await attempts(enrollmentId);
    expect(row.client_started_at).toBeNull();
    expect(row.client_submitted_at).toBeNull();
    const now = new Date('2026-12-05T10:00:00Z');
    expect(plausibleTimes('2026-12-05T08:00:00Z', '2026-12-05T09:00:00Z', now)).toEqual({
      startedAt: new Date('2026-12-05T08:00:00Z'),
      submittedAt: new Date('2026-12-05T09:00:00Z'),
    });
    expect(plausibleTimes('2026-12-02T08:00:00Z', '2026-12-04T09:00:00Z', now).startedAt).toBeNull();
    expect(plausibleTimes(undefined, '2026-10-01T09:00:00Z', now).submittedAt).toBeNull();
  });

  it('the study pack lists her classes, lesson positions with their images, quizzes and certificates, and only hers', async () => {
    const her = await enrolled('LAW-MPL');
    const other = await enrolled('VOC-HOUSE');
    const [{ id: courseId }] = await t.db.query(`SELECT course_id AS id FROM classes WHERE id = $1`, [her.classId]);
    const [{ position }] = await t.db.query(`SELECT min(position) AS position FROM lessons WHERE course_id = $1`, [courseId]);
    // A lesson with an image (written into the catalogue's copy of this test database only).
    await t.db.query(
      `UPDATE lessons SET body_zh = body_zh || E'\\n\\n![示意图](/media/lesson-diagram.png "图") ![外链](https://example.org/x.png)' WHERE course_id = $1 AND position = $2`,
      [courseId, position],
    );
    const res = await t.http().get('/api/me/study-pack').set(bearer(her.learner));
    expect(res.status).toBe(200);
    expect(res.body.classes).toHaveLength(1);
    const klass = res.body.classes[0];
    expect(klass).toMatchObject({ enrollmentId: her.enrollmentId, status: 'enrolled' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM lessons WHERE course_id = $1`, [courseId]);
    expect(klass.lessons).toHaveLength(n);
    expect(klass.lessons.find((l: { position: number }) => l.position === position).images).toEqual(['/media/lesson-diagram.png', 'https://example.org/x.png']);
    expect(klass.quizIds).toEqual([(await answers('LAW-MPL', true)).assessmentId]);
    expect(JSON.stringify(res.body)).not.toContain(other.enrollmentId);
    expect(res.body.certificates).toEqual([]);
    expect((await t.http().get('/api/me/study-pack').set(bearer(instructor))).status).toBe(403);
  });
});
