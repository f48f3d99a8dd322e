import { ApiError } from '@hearth/contracts';
import { isMessageKey, type MessageKey, type Translate } from '../i18n';
import { isApiUnavailable } from './api.server';
import { fieldMessages, rowField, type FormErrors } from './forms';

/**
 * Turns a failed API call into messages in the user's language; the API's English text is never shown.
 * Validation messages start with the field's name ("phone must be …"), which picks the field.
 * Anything that is neither an API refusal nor an outage is rethrown (a real bug: the 500 page).
 */
export function apiFormErrors(error: unknown, t: Translate): { status: number; errors: FormErrors } {
  if (isApiUnavailable(error)) return { status: 503, errors: { form: t('common.error.SERVICE_UNAVAILABLE'), fields: {} } };
  if (!(error instanceof ApiError)) throw error;

  const errors: FormErrors = { fields: {} };
  if (error.code === 'VALIDATION_FAILED') {
    for (const message of validationMessages(error)) {
      const { field, index } = leadingField(message);
      if (field && Object.hasOwn(fieldMessages, field)) {
        const key = index === undefined ? field : rowField(field, index);
        errors.fields[key] ??= fieldMessages[field as keyof typeof fieldMessages](t, index);
      } else errors.form = t('common.error.VALIDATION_FAILED');
    }
    if (!errors.form && Object.keys(errors.fields).length === 0) errors.form = t('common.error.VALIDATION_FAILED');
    return { status: error.status, errors };
  }

  const key = `common.error.${error.code}`;
  const retryAfter = Number(error.body.retryAfter);
  const minutes = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : 1;
  errors.form = t(isMessageKey(key) ? key : fallbackKey(error.status), { minutes });
  // A refused sign-in is a bad form submission for the browser, not a missing Authorization header.
  return { status: error.status === 401 ? 400 : error.status, errors };
}

/** For a code this web does not know yet. */
function fallbackKey(status: number): MessageKey {
  const byStatus: Partial<Record<number, MessageKey>> = {
    401: 'common.error.UNAUTHENTICATED',
    403: 'common.error.FORBIDDEN',
    404: 'common.error.NOT_FOUND',
    409: 'common.error.CONFLICT',
    429: 'common.error.RATE_LIMITED',
  };
  return byStatus[status] ?? (status >= 500 ? 'common.error.INTERNAL_ERROR' : 'common.error.VALIDATION_FAILED');
}

/**
 * "capacity must be…" names `capacity`; "sessions[1] must…" and "sessions.1.startsAt must…" name
 * row 1 of `sessions`.
 */
function leadingField(message: string): { field?: string; index?: number } {
  const path = /^[A-Za-z][\w.[\]]*/.exec(message)?.[0];
  if (!path) return {};
  const field = /^[A-Za-z]\w*/.exec(path)![0];
  const index = /(?:\[|\.)(\d+)/.exec(path)?.[1];
  return { field, index: index === undefined ? undefined : Number(index) };
}

function validationMessages(error: ApiError): string[] {
  const { messages, message } = error.body;
  if (Array.isArray(messages)) return messages.filter((m): m is string => typeof m === 'string');
  if (Array.isArray(message)) return message;
  return message ? message.split('; ') : [];
}

/** The courses to finish first, from a PREREQUISITE_MISSING refusal (titles already in the asked language). */
export function missingPrerequisites(error: unknown): { code: string; title: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'PREREQUISITE_MISSING' || !Array.isArray(error.body.missing)) return [];
  return error.body.missing.flatMap((entry: unknown) => {
    const { code, title } = (entry ?? {}) as { code?: unknown; title?: unknown };
    return typeof code === 'string' ? [{ code, title: typeof title === 'string' && title ? title : code }] : [];
  });
}

/** True for an API refusal with this code (e.g. NOT_FOUND), so a route can say something more specific. */
export function isApiError(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}
