import type { ActionFunctionArgs } from '@remix-run/node';
import type { MarkAttendanceBody } from '@hearth/contracts';
import { translator } from '../i18n';
import { markErrorMessage, TEACH_ROLES } from '../lib/attendance.server';
import { isAttendanceStatus, MAX_MARKS, MUTATION_ID } from '../lib/attendance-view';
import { requireUser, type SignedIn } from '../lib/auth.server';
import { isUuid } from '../lib/forms';
import { getLocale } from '../lib/locale.server';

/**
 * Where the roster page sends a batch from its queue (JSON). Answers JSON in every case, so the
 * page can tell "saved" (200), "refused for good" (4xx: drop it), "sign in again" (401: keep it)
 * and "try later" (503: keep it). A JSON body cannot be posted by another site's form.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(await getLocale(request));
  const reply = (body: object, status: number, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers: { ...headers, 'Cache-Control': 'no-store' } });
  const invalid = () => reply({ ok: false, message: t('attendance.sync.badRequest') }, 400);

  if (request.method !== 'POST') return reply({ ok: false, message: t('common.error.NOT_FOUND') }, 405);
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return reply({ ok: false, message: t('attendance.sync.badRequest') }, 415);

  let signedIn: SignedIn;
  try {
    signedIn = await requireUser(request, { roles: TEACH_ROLES });
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    // requireUser redirects to the sign-in page; a queued batch must wait for the sign-in instead.
    if (error.status >= 300 && error.status < 400) {
      const cookie = error.headers.get('Set-Cookie');
      return reply({ ok: false, message: t('attendance.sync.signedOut') }, 401, cookie ? { 'Set-Cookie': cookie } : {});
    }
    return reply({ ok: false, message: t(error.status === 403 ? 'common.error.FORBIDDEN' : 'common.error.SERVICE_UNAVAILABLE') }, error.status);
  }
  const { api, headers } = signedIn;

  const sessionId = params.id;
  if (!isUuid(sessionId)) return reply({ ok: false, message: t('attendance.error.notFound') }, 404, headers);
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return invalid();
  }
  const body = parseBatch(input);
  if (!body) return invalid();

  try {
    const result = await api.attendance.mark(sessionId, body);
    return reply({ ok: true, saved: result.saved, changed: result.changed }, 200, headers);
  } catch (error) {
    const failure = markErrorMessage(error, t);
    return reply({ ok: false, message: failure.message }, failure.status, headers);
  }
}

function parseBatch(input: unknown): MarkAttendanceBody | null {
  const { clientMutationId, marks, source } = (input ?? {}) as Record<string, unknown>;
  if (typeof clientMutationId !== 'string' || !MUTATION_ID.test(clientMutationId)) return null;
  if (source !== 'roster' && source !== 'offline-sync') return null;
  if (!Array.isArray(marks) || marks.length === 0 || marks.length > MAX_MARKS) return null;
  const clean: MarkAttendanceBody['marks'] = [];
  const seen = new Set<string>();
  for (const mark of marks) {
    const { learnerId, status } = (mark ?? {}) as Record<string, unknown>;
    if (!isUuid(learnerId) || !isAttendanceStatus(status) || seen.has(learnerId)) return null;
    seen.add(learnerId);
    clean.push({ learnerId, status });
  }
  return { clientMutationId, marks: clean, source };
}
