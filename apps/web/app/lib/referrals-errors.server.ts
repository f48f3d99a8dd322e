import { ApiError } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { apiFormErrors } from './api-errors.server';
import type { FormErrors } from './forms';
import { referralFieldMessages, type ReferralField } from './referrals-forms';

/**
 * Like apiFormErrors, but a validation error naming a field of the referral pages ("contactPhone must
 * be…", "wageMax must not be below wageMin") gets that field's message from the referrals catalogue.
 */
export function referralFormErrors(error: unknown, t: Translate): { status: number; errors: FormErrors } {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return apiFormErrors(error, t);
  const errors: FormErrors = { fields: {} };
  for (const message of validationMessages(error)) {
    const field = /^[A-Za-z]\w*/.exec(message)?.[0];
    if (field && Object.hasOwn(referralFieldMessages, field)) errors.fields[field] ??= t(referralFieldMessages[field as ReferralField]);
    else errors.form = t('common.error.VALIDATION_FAILED');
  }
  if (!errors.form && Object.keys(errors.fields).length === 0) errors.form = t('common.error.VALIDATION_FAILED');
  return { status: error.status, errors };
}

function validationMessages(error: ApiError): string[] {
  const { messages, message } = error.body;
  if (Array.isArray(messages)) return messages.filter((m): m is string => typeof m === 'string');
  if (Array.isArray(message)) return message;
  return message ? message.split('; ') : [];
}

/** The certificates she lacks, from a REQUIREMENTS_NOT_MET refusal of a referral (titles in the asked language). */
export function missingCourses(error: unknown): { code: string; title: string }[] {
  if (!(error instanceof ApiError) || error.code !== 'REQUIREMENTS_NOT_MET' || !Array.isArray(error.body.missing)) return [];
  return error.body.missing.flatMap((entry: unknown) => {
    const { code, title } = (entry ?? {}) as { code?: unknown; title?: unknown };
    return typeof code === 'string' ? [{ code, title: typeof title === 'string' && title ? title : code }] : [];
  });
}
