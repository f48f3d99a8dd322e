import type { ApiClient, AttemptResultDto, Locale } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { formErrors, isApiError } from './form-errors.server';
import type { FormErrors } from './forms';

export type QuizResultView = Pick<AttemptResultDto, 'score' | 'passed' | 'passMark' | 'attemptsLeft' | 'certificateIssued' | 'results'>;

export type QuizSubmission =
  { ok: true; result: QuizResultView; certificateCode: string | null } | { ok: false; status: number; errors: FormErrors; code: string | null };

/** What the phone sends besides her answers: the id it gave the attempt when she opened the quiz, and its times. */
export interface QuizAttemptMeta {
  clientAttemptId?: string;
  startedAt?: string;
  submittedAt?: string;
}

/**
 * Hands one attempt to the API (which grades it, once per attempt id) and finds the certificate
 * it issued, if any. Shared by the quiz page's form (no JavaScript) and its JSON route (an attempt
 * kept on the phone until there was signal).
 */
export async function submitQuiz(
  api: ApiClient,
  locale: Locale,
  t: Translate,
  assessmentId: string,
  answers: Record<string, number[]>,
  meta: QuizAttemptMeta,
): Promise<QuizSubmission> {
  try {
    const result = await api.assessments.attempt(assessmentId, answers, { lang: locale }, meta);
    let certificateCode: string | null = null;
    if (result.certificateIssued) {
      // The attempt does not say which certificate; it is her newest one, issued just now.
      const mine = await api.certificates.mine({ lang: locale });
      certificateCode = [...mine.items].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0]?.code ?? null;
    }
    const { score, passed, passMark, attemptsLeft, certificateIssued, results } = result;
    return { ok: true, result: { score, passed, passMark, attemptsLeft, certificateIssued, results }, certificateCode };
  } catch (error) {
    const code = isApiError(error, 'REQUIREMENTS_NOT_MET')
      ? 'REQUIREMENTS_NOT_MET'
      : isApiError(error, 'NOT_ENROLLED')
        ? 'NOT_ENROLLED'
        : isApiError(error, 'IDEMPOTENCY_MISMATCH')
          ? 'IDEMPOTENCY_MISMATCH'
          : null;
    if (code === 'REQUIREMENTS_NOT_MET') return { ok: false, status: 422, code, errors: { form: t('learning.quiz.attemptsUsedUp'), fields: {} } };
    if (code === 'NOT_ENROLLED') return { ok: false, status: 422, code, errors: { form: t('learning.quiz.notEnrolled'), fields: {} } };
    if (code === 'IDEMPOTENCY_MISMATCH') return { ok: false, status: 422, code, errors: { form: t('learning.offlineQuiz.alreadySubmitted'), fields: {} } };
    const { errors, status } = formErrors(error, t);
    return { ok: false, status, code: null, errors };
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** An ISO time from the phone, or undefined (the API keeps only plausible ones anyway). */
export const isoTime = (value: unknown): string | undefined =>
  typeof value === 'string' && ISO.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
