import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { AssessmentsRepository, type AssessmentRow, type QuestionRow, type StoredAttempt } from './assessments.repository.js';

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** What the phone may send besides her answers (docs/decisions/016). */
export interface OfflineAttempt {
  clientAttemptId?: string;
  startedAt?: string;
  submittedAt?: string;
}

export interface AttemptOutcome {
  score: number;
  passed: boolean;
  passMark: number;
  attemptNo: number;
  attemptsLeft: number | null;
  results: { questionId: string; correct: boolean; correctOptions: number[]; explanation: string }[];
  certificateIssued: boolean;
}

const mismatch = () =>
  new AppError(422, 'IDEMPOTENCY_MISMATCH', 'This clientAttemptId was already used for another submission; open the quiz again for a new attempt');

/** Her answers in one spelling whatever the order of questions or options (jsonb does not keep key order). */
function canonical(answers: Record<string, number[]>): string {
  return JSON.stringify(
    Object.keys(answers)
      .sort()
      .map((k) => [k, [...new Set(Array.isArray(answers[k]) ? answers[k] : [])].sort((x, y) => x - y)]),
  );
}

function grade(questions: QuestionRow[], answers: Record<string, number[]>, lang: Locale) {
  const results = questions.map((q) => ({
    questionId: q.id,
    correct: sameSet(answers[q.id] ?? [], q.correct),
    correctOptions: q.correct,
    explanation: pick(lang, q.explanation_zh, q.explanation_en),
  }));
  const score = questions.length ? Math.round((results.filter((r) => r.correct).length / questions.length) * 100) : 0;
  return { results, score };
}

/** How far the phone's clock may run ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** How long an attempt may wait on the phone for signal and still have its times kept. */
const MAX_OFFLINE_MS = 30 * 86_400_000;
/** No quiz takes longer than this to answer (quizzes have no time limit; this only sorts out a wrong clock). */
const MAX_ANSWERING_MS = 24 * 3_600_000;

/**
 * The phone's times, kept only when plausible: submitted not in the future (beyond a little clock
 * skew) nor more than 30 days ago, started before submitted and at most a day before it. An
 * implausible time is dropped (null), never a reason to refuse her answers.
 */
export function plausibleTimes(
  startedAt: string | undefined,
  submittedAt: string | undefined,
  now: Date,
): { startedAt: Date | null; submittedAt: Date | null } {
  const parse = (v: string | undefined) => {
    const d = v ? new Date(v) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  };
  let submitted = parse(submittedAt);
  if (submitted && (submitted.getTime() > now.getTime() + CLOCK_SKEW_MS || submitted.getTime() < now.getTime() - MAX_OFFLINE_MS)) submitted = null;
  let started = parse(startedAt);
  const end = (submitted ?? now).getTime();
  if (started && (started.getTime() > end + CLOCK_SKEW_MS || started.getTime() < end - MAX_ANSWERING_MS)) started = null;
  return { startedAt: started, submittedAt: submitted };
}

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly assessments: AssessmentsRepository,
    private readonly policy: AccessPolicy,
    private readonly certificates: CertificatesService,
  ) {}

  private async assessment(id: string): Promise<AssessmentRow> {
    const row = await this.assessments.find(id);
    if (!row) throw notFound('Assessment');
    return row;
  }

  /** Her live enrollment in a class of this course (the most recent). */
  private async learnerEnrollment(learnerId: string, courseId: string): Promise<string | null> {
    return (await this.assessments.liveEnrollment(learnerId, courseId))?.id ?? null;
  }

  /** A quiz as the learner sees it: questions and options shuffled, no answers. */
  async forLearner(caller: AuthUser, id: string, lang: Locale) {
    const a = await this.assessment(id);
    // Staff are enrolled nowhere; a learner sees it through her enrollment in a class of its course.
    const enrollmentId = await this.learnerEnrollment(caller.id, a.course_id);
    if (!this.policy.can(caller, 'assessment.read', { subjectId: enrollmentId ? caller.id : null })) throw notFound('Assessment');
    const questions: QuestionRow[] = a.kind === 'quiz' ? await this.assessments.questions(id) : [];
    const attempts = [enrollmentId ? await this.assessments.attemptStats(id, enrollmentId) : { used: 0, best: null, passed: false }];
    return {
      id: a.id,
      kind: a.kind,
      title: pick(lang, a.title_zh, a.title_en),
      passMark: a.pass_mark,
      maxAttempts: a.max_attempts,
      attemptsUsed: attempts[0].used,
      bestScore: attempts[0].best,
      passed: attempts[0].passed ?? false,
      questions: shuffle(questions).map((q) => ({
        id: q.id,
        kind: q.kind,
        prompt: pick(lang, q.prompt_zh, q.prompt_en),
        options: shuffle(q.options.map((o, index) => ({ index, text: pick(lang, o['zh-CN'], o.en) }))),
      })),
    };
  }

  /**
   * Grades and records one attempt. With a `clientAttemptId` (given by the phone when she opened the
   * quiz, see docs/decisions/016) the same id sent again answers the first result and counts nothing
   * new (`replayed`), whatever happened since (her attempts used up, the quiz passed); the id sent
   * with other answers, for another quiz or by another learner is refused (422 IDEMPOTENCY_MISMATCH).
   */
  async attempt(
    caller: AuthUser,
    id: string,
    answers: Record<string, number[]>,
    lang: Locale,
    offline: OfflineAttempt = {},
  ): Promise<{ replayed: boolean; result: AttemptOutcome }> {
    const a = await this.assessment(id);
    const clientId = offline.clientAttemptId ?? null;
    if (clientId) {
      const earlier = await this.assessments.attemptByClientId(clientId);
      if (earlier) return { replayed: true, result: await this.replay(caller, a, earlier, answers, lang) };
    }
    if (a.kind !== 'quiz') throw new AppError(422, 'VALIDATION_FAILED', 'This is a practical assessment: the instructor records its result');
    const enrollmentId = await this.learnerEnrollment(caller.id, a.course_id);
    if (!enrollmentId) throw new AppError(422, 'NOT_ENROLLED', 'Enrol in a class of this course before taking its quiz');
    const questions = await this.questionsWithAnswers(id);
    const problems = Object.entries(answers).flatMap(([qid, chosen]) => {
      const q = questions.find((x) => x.id === qid);
      if (!q) return [`answers names a question that is not in this quiz`];
      if (!Array.isArray(chosen) || chosen.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length))
        return [`answers for a question must be option numbers from 0 to ${q.options.length - 1}`];
      if (q.kind !== 'multiple' && chosen.length > 1) return [`a single-choice question takes one answer`];
      return [];
    });
    if (problems.length > 0) throw badRequest([...new Set(problems)]);
    const { results, score } = grade(questions, answers, lang);
    const passed = score >= a.pass_mark;
    const times = plausibleTimes(offline.startedAt, offline.submittedAt, new Date());
    const recorded = await this.db
      .transaction(async (tx) => {
        // Serialise attempts of one learner on one quiz, so the limit holds under double-taps.
        await this.assessments.lockEnrollment(enrollmentId, tx);
        if (clientId) {
          // The same id sent twice at once: the second waited on the lock above, and finds the first here.
          const earlier = await this.assessments.attemptByClientId(clientId, tx);
          if (earlier) return { earlier };
        }
        const used = await this.assessments.attemptsUsed(id, enrollmentId, tx);
        if (a.max_attempts !== null && used >= a.max_attempts)
          throw new AppError(422, 'REQUIREMENTS_NOT_MET', `All ${a.max_attempts} attempts at this quiz are used; ask your coordinator`);
        const attemptId = await this.assessments.insertAttempt(
          {
            assessmentId: id,
            enrollmentId,
            learnerId: caller.id,
            attemptNo: used + 1,
            score,
            passed,
            answers,
            clientAttemptId: clientId,
            startedAt: times.startedAt,
            submittedAt: times.submittedAt,
          },
          tx,
        );
        return { attemptId, attemptNo: used + 1 };
      })
      .catch((error: { code?: string }) => {
        // Another learner's request under the same id committed first (ids are the phone's UUIDs: only by design or by theft).
        if (error?.code === '23505') throw mismatch();
        throw error;
      });
    if ('earlier' in recorded && recorded.earlier) return { replayed: true, result: await this.replay(caller, a, recorded.earlier, answers, lang) };
    const { attemptId, attemptNo } = recorded as { attemptId: string; attemptNo: number };
    const certificateIssued = passed ? await this.certificates.tryAutoIssue(enrollmentId) : false;
    if (certificateIssued) await this.assessments.markCertificateIssued(attemptId);
    return {
      replayed: false,
      result: {
        score,
        passed,
        passMark: a.pass_mark,
        attemptNo,
        attemptsLeft: a.max_attempts === null ? null : a.max_attempts - attemptNo,
        results,
        certificateIssued,
      },
    };
  }

  private async questionsWithAnswers(assessmentId: string): Promise<QuestionRow[]> {
    return this.assessments.questionsWithAnswers(assessmentId);
  }

  /** The first delivery's answer again, for the same learner, quiz and answers only. */
  private async replay(caller: AuthUser, a: AssessmentRow, earlier: StoredAttempt, answers: Record<string, number[]>, lang: Locale): Promise<AttemptOutcome> {
    if (earlier.learner_id !== caller.id || earlier.assessment_id !== a.id || canonical(earlier.answers) !== canonical(answers)) throw mismatch();
    const { results } = grade(await this.questionsWithAnswers(a.id), earlier.answers, lang);
    return {
      score: earlier.score,
      passed: earlier.passed,
      passMark: a.pass_mark,
      attemptNo: earlier.attempt_no,
      attemptsLeft: a.max_attempts === null ? null : Math.max(0, a.max_attempts - earlier.attempt_no),
      results,
      certificateIssued: earlier.certificate_issued,
    };
  }

  /** A practical grade: by the class's instructor, or staff of its subtree. */
  async recordResult(caller: AuthUser, id: string, learnerId: string, score: number, note: string | undefined) {
    const a = await this.assessment(id);
    const e = await this.assessments.liveEnrollment(learnerId, a.course_id);
    if (!e || !this.policy.can(caller, 'enrollment.grade', { orgPath: e.path, instructorId: e.instructor_id, subjectId: learnerId }))
      throw notFound('Enrollment');
    const passed = score >= a.pass_mark;
    await this.assessments.upsertResult({ assessmentId: id, enrollmentId: e.id, learnerId, score, passed, note: note ?? null, gradedBy: caller.id });
    const certificateIssued = passed ? await this.certificates.tryAutoIssue(e.id) : false;
    return { assessmentId: id, enrollmentId: e.id, learnerId, score, passed, note: note ?? null, certificateIssued };
  }
}
