import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export interface AssessmentRow {
  id: string;
  course_id: string;
  kind: 'quiz' | 'practical';
  title_zh: string;
  title_en: string;
  pass_mark: number;
  max_attempts: number | null;
}

export interface QuestionRow {
  id: string;
  kind: 'single' | 'multiple' | 'true_false';
  prompt_zh: string;
  prompt_en: string;
  options: { 'zh-CN': string; en: string }[];
  correct: number[];
  explanation_zh: string;
  explanation_en: string;
}

export interface StoredAttempt {
  assessment_id: string;
  learner_id: string;
  attempt_no: number;
  score: number;
  passed: boolean;
  answers: Record<string, number[]>;
  certificate_issued: boolean;
}

export interface NewAttempt {
  assessmentId: string;
  enrollmentId: string;
  learnerId: string;
  attemptNo: number;
  score: number;
  passed: boolean;
  answers: Record<string, number[]>;
  clientAttemptId: string | null;
  startedAt: Date | null;
  submittedAt: Date | null;
}

@SqlRepository('assessments')
@Injectable()
export class AssessmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async find(id: string): Promise<AssessmentRow | null> {
    const rows: AssessmentRow[] = await this.db.query(
      `SELECT id, course_id, kind, title_zh, title_en, pass_mark, max_attempts FROM assessments WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Her live enrollment in a class of this course (the most recent), with what its access rules read. */
  @SqlExample(() => [Example.ID, Example.ID2])
  async liveEnrollment(learnerId: string, courseId: string): Promise<{ id: string; instructor_id: string | null; path: string } | null> {
    const rows: { id: string; instructor_id: string | null; path: string }[] = await this.db.query(
      `SELECT e.id, k.instructor_id, o.path FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN organizations o ON o.id = k.org_id
        WHERE e.learner_id = $1 AND k.course_id = $2 AND e.status IN ('enrolled','completed') ORDER BY e.created_at DESC LIMIT 1`,
      [learnerId, courseId],
    );
    return rows[0] ?? null;
  }

  /** The questions without their answers. */
  @SqlExample(() => [Example.ID])
  async questions(assessmentId: string): Promise<QuestionRow[]> {
    return this.db.query(`SELECT id, kind, prompt_zh, prompt_en, options FROM questions WHERE assessment_id = $1`, [assessmentId]);
  }

  @SqlExample(() => [Example.ID])
  async questionsWithAnswers(assessmentId: string): Promise<QuestionRow[]> {
    return this.db.query(`SELECT id, kind, options, correct, explanation_zh, explanation_en FROM questions WHERE assessment_id = $1 ORDER BY position`, [
      assessmentId,
    ]);
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async attemptStats(assessmentId: string, enrollmentId: string): Promise<{ used: number; best: number | null; passed: boolean | null }> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS used, max(score) AS best, bool_or(passed) AS passed FROM assessment_attempts WHERE assessment_id = $1 AND enrollment_id = $2`,
      [assessmentId, enrollmentId],
    );
    return row;
  }

  /** Serialises attempts of one learner on one quiz, so the limit holds under double-taps. */
  @SqlExample(() => [Example.ID])
  async lockEnrollment(enrollmentId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`SELECT id FROM enrollments WHERE id = $1 FOR UPDATE`, [enrollmentId]);
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async attemptsUsed(assessmentId: string, enrollmentId: string, manager?: EntityManager): Promise<number> {
    const [{ used }] = await (manager ?? this.db.manager).query(
      `SELECT count(*)::int AS used FROM assessment_attempts WHERE assessment_id = $1 AND enrollment_id = $2`,
      [assessmentId, enrollmentId],
    );
    return used;
  }

  @SqlExample(() => [
    {
      assessmentId: Example.ID,
      enrollmentId: Example.ID2,
      learnerId: Example.ID,
      attemptNo: 1,
      score: 80,
      passed: true,
      answers: {},
      clientAttemptId: null,
      startedAt: null,
      submittedAt: null,
    },
  ])
  async insertAttempt(t: NewAttempt, manager?: EntityManager): Promise<string> {
    const [row] = await (manager ?? this.db.manager).query(
      `INSERT INTO assessment_attempts (assessment_id, enrollment_id, learner_id, attempt_no, score, passed, answers, client_attempt_id, client_started_at, client_submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [t.assessmentId, t.enrollmentId, t.learnerId, t.attemptNo, t.score, t.passed, t.answers, t.clientAttemptId, t.startedAt, t.submittedAt],
    );
    return row.id;
  }

  @SqlExample(() => [Example.ID])
  async markCertificateIssued(attemptId: string): Promise<void> {
    await this.db.query(`UPDATE assessment_attempts SET certificate_issued = true WHERE id = $1`, [attemptId]);
  }

  @SqlExample(() => [Example.ID])
  async attemptByClientId(clientId: string, manager?: EntityManager): Promise<StoredAttempt | null> {
    const rows: StoredAttempt[] = await (manager ?? this.db.manager).query(
      `SELECT assessment_id, learner_id, attempt_no, score, passed, answers, certificate_issued FROM assessment_attempts WHERE client_attempt_id = $1`,
      [clientId],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [
    { assessmentId: Example.ID, enrollmentId: Example.ID2, learnerId: Example.ID, score: 80, passed: true, note: null, gradedBy: Example.ID2 },
  ])
  async upsertResult(r: {
    assessmentId: string;
    enrollmentId: string;
    learnerId: string;
    score: number;
    passed: boolean;
    note: string | null;
    gradedBy: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO assessment_results (assessment_id, enrollment_id, learner_id, score, passed, note, graded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (assessment_id, enrollment_id) DO UPDATE SET score = EXCLUDED.score, passed = EXCLUDED.passed, note = EXCLUDED.note, graded_by = EXCLUDED.graded_by, graded_at = now()`,
      [r.assessmentId, r.enrollmentId, r.learnerId, r.score, r.passed, r.note, r.gradedBy],
    );
  }
}
