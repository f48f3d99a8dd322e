import { NOTE_MAX, REFERRAL_STATUSES, REFERRAL_TRANSITIONS, type Locale, type ReferralStatus } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { formatDay, formatTime } from './dates';
import { formText, normalizePhone, type FormErrors } from './forms';

/**
 * The notice shown on /my/consent (its text is the `referrals.consent.*` messages). Sent with every
 * grant, so the record says which text she read; bump it, together with the API's
 * REFERRAL_NOTICE_VERSION, whenever that text changes.
 */
export const REFERRAL_NOTICE_VERSION = 'referrals-2026-11';

export { NOTE_MAX };

/** Full-width digits and letters (Chinese keyboards) to their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// ---- Employers ----

export interface EmployerValues {
  name: string;
  industry: string;
  contactName: string;
  contactPhone: string;
  orgId: string;
}

export function readEmployer(form: FormData): EmployerValues {
  return {
    name: formText(form, 'name').trim(),
    industry: formText(form, 'industry').trim(),
    contactName: formText(form, 'contactName').trim(),
    contactPhone: normalizePhone(formText(form, 'contactPhone')),
    orgId: formText(form, 'orgId'),
  };
}

// ---- Job openings ----

export interface JobValues {
  employerId: string;
  title: string;
  description: string;
  courseIds: string[];
  qualifications: string;
  location: string;
  positions: string;
  wageMin: string;
  wageMax: string;
}

export interface JobBody {
  employerId: string;
  title: string;
  description?: string;
  requiredCourseIds: string[];
  acceptedQualifications?: string[];
  location: string;
  positions: number;
  wageMin?: number;
  wageMax?: number;
}

export function readJob(form: FormData): JobValues {
  return {
    employerId: formText(form, 'employerId'),
    title: formText(form, 'title').trim(),
    description: formText(form, 'description').trim(),
    courseIds: form.getAll('requiredCourseIds').filter((v): v is string => typeof v === 'string'),
    qualifications: formText(form, 'acceptedQualifications').trim(),
    location: formText(form, 'location').trim(),
    positions: formText(form, 'positions').trim(),
    wageMin: formText(form, 'wageMin').trim(),
    wageMax: formText(form, 'wageMax').trim(),
  };
}

/** "家政服务员，育婴员、养老护理员" → three occupations; commas of either width, 、 ; and new lines all separate. */
export function splitQualifications(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

// ---- Referrals ----

export const isReferralStatus = (value: unknown): value is ReferralStatus =>
  typeof value === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(value);

/** Where a referral may go from here; the step forward first, then the ways it can end. */
export const nextStatuses = (status: ReferralStatus): readonly ReferralStatus[] => REFERRAL_TRANSITIONS[status];

/** The moves that end a referral against her: always shown last, in this order, and confirmed once more before they are sent. */
export const ENDING_STATUSES: readonly ReferralStatus[] = ['not_hired', 'withdrawn'];
export const isEndingStatus = (status: ReferralStatus) => ENDING_STATUSES.includes(status);

/** Her moves in one fixed order (the steps forward as the pipeline runs, then the endings), whatever order the rules list them in. */
export function orderedMoves(next: readonly ReferralStatus[]): { forward: ReferralStatus[]; ending: ReferralStatus[] } {
  return {
    forward: REFERRAL_STATUSES.filter((s) => next.includes(s) && !isEndingStatus(s)),
    ending: ENDING_STATUSES.filter((s) => next.includes(s)),
  };
}

/** An ending move posted without `confirmed=yes` is not sent yet: the page asks "确认…？" first (works without JavaScript). */
export const needsConfirmation = (form: FormData, status: ReferralStatus) => isEndingStatus(status) && formText(form, 'confirmed') !== 'yes';

/** A note of at most NOTE_MAX characters, or an error on `note`. */
export function readNote(form: FormData, t: Translate, errors: FormErrors): string {
  const note = formText(form, 'note').trim();
  if (note.length > NOTE_MAX) errors.fields.note = t('referrals.field.note.invalid');
  return note;
}

// ---- Showing things ----

/** "2026年5月10日周日 14:05" in China time. */
export const formatMoment = (iso: string, locale: Locale) => `${formatDay(iso, locale)} ${formatTime(iso, locale)}`;

/** A wage range in the reader's language ("3000–5000 元"), or "面议" when none was given. */
export function formatWage(min: number | null | undefined, max: number | null | undefined, t: Translate): string {
  if (min != null && max != null) return min === max ? t('referrals.job.wageExact', { n: min }) : t('referrals.job.wageRange', { min, max });
  if (min != null) return t('referrals.job.wageFrom', { min });
  if (max != null) return t('referrals.job.wageUpTo', { max });
  return t('referrals.job.wageUnknown');
}
