import type { ActionFunctionArgs } from '@remix-run/node';
import { translator } from '../i18n';
import { requireUser, type SignedIn } from '../lib/auth.server';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';
import { isoTime, submitQuiz } from '../lib/quiz-submit.server';

/**
 * Where the quiz page (and flushPendingQuizAttempts, from any page) hands in an attempt kept on the
 * phone (JSON). Like the roster's sync route it answers JSON in every case, so the phone can tell
 * "graded" (200: drop it, show the result), "refused for good" (4xx: drop it), "sign in again"
 * (401: keep it), "another account is signed in" (409 OTHER_ACCOUNT: keep it for its owner) and
 * "try later" (503: keep it). A JSON body cannot be posted by another site's form.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const reply = (body: object, status: number, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
  const invalid = () => reply({ ok: false, message: t('common.error.VALIDATION_FAILED') }, 400);

  if (request.method !== 'POST') return reply({ ok: false, message: t('common.error.NOT_FOUND') }, 405);
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return invalid();

  let signedIn: SignedIn;
  try {
    signedIn = await requireUser(request, { roles: ['learner'] });
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    if (error.status >= 300 && error.status < 400) {
      const cookie = error.headers.get('Set-Cookie');
      return reply({ ok: false, code: 'SIGNED_OUT', message: t('learning.offlineQuiz.signedOut') }, 401, cookie ? { 'Set-Cookie': cookie } : {});
    }
    return reply({ ok: false, message: t(error.status === 403 ? 'common.error.FORBIDDEN' : 'common.error.SERVICE_UNAVAILABLE') }, error.status);
  }
  const { user, api, headers } = signedIn;
  const assessmentId = params.assessmentId;
  if (!isUuid(assessmentId)) return reply({ ok: false, message: t('common.error.NOT_FOUND') }, 404, headers);

  let input: Record<string, unknown>;
  try {
    input = ((await request.json()) ?? {}) as Record<string, unknown>;
  } catch {
    return invalid();
  }
  const answers = parseAnswers(input.answers);
  if (!answers || !isUuid(input.attemptId) || !isUuid(input.owner)) return invalid();
  // Kept on a shared phone: never hand one account's answers in under another's name.
  if (input.owner !== user.id) return reply({ ok: false, code: 'OTHER_ACCOUNT', message: t('learning.offlineQuiz.otherAccount') }, 409, headers);

  const outcome = await submitQuiz(api, locale, t, assessmentId, answers, {
    clientAttemptId: input.attemptId,
    startedAt: isoTime(input.startedAt),
    submittedAt: isoTime(input.submittedAt),
  });
  if (outcome.ok) return reply(outcome, 200, headers);
  return reply({ ok: false, code: outcome.code, message: outcome.errors.form ?? t('common.error.VALIDATION_FAILED') }, outcome.status, headers);
}

function parseAnswers(value: unknown): Record<string, number[]> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 200) return null;
  const clean: Record<string, number[]> = {};
  for (const [id, chosen] of entries) {
    if (!isUuid(id) || !Array.isArray(chosen) || chosen.length > 20 || !chosen.every((c) => Number.isInteger(c) && c >= 0 && c < 100)) return null;
    clean[id] = [...new Set(chosen as number[])];
  }
  return clean;
}
