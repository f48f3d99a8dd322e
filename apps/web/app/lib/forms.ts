import { LEARNER_TYPES, PASSWORD_MAX, PASSWORD_MIN, PHONE_PATTERN, type LearnerType } from '@hearth/contracts';
import type { Translate } from '../i18n';

/** Per-field messages plus one for the whole form, already in the user's language. */
export interface FormErrors {
  form?: string;
  fields: Partial<Record<string, string>>;
}

export const hasErrors = (errors: FormErrors) => Boolean(errors.form) || Object.keys(errors.fields).length > 0;

export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Accepts what people type: full-width digits (Chinese keyboards), spaces, dashes, a +86 prefix. */
export function normalizePhone(input: string): string {
  const digits = input
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\-\u3000()（）]/g, '');
  return digits.replace(/^(\+|00)?86(?=1\d{10}$)/, '');
}

/** Only same-site paths, so `?next=` cannot send anyone to another site. */
export function safeRedirect(to: unknown, fallback = '/app'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || /[\\\u0000-\u001f]/.test(to)) return fallback;
  return to;
}

/** A field's problem in the user's language; `index` is the row of a repeated field (sessions[2]). */
type FieldMessage = (t: Translate, index?: number) => string;

/**
 * The same rules the API applies, checked first so most mistakes cost no round trip. The API's
 * validation messages start with the field's name, which picks the message here.
 */
export const fieldMessages = {
  phone: (t) => t('common.field.phone.invalid'),
  password: (t) => t('common.field.password.invalid', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
  name: (t) => t('common.field.name.invalid'),
  learnerType: (t) => t('common.field.learnerType.invalid'),
  courseId: (t) => t('common.field.courseId.invalid'),
  orgId: (t) => t('common.field.orgId.invalid'),
  instructorId: (t) => t('common.field.instructorId.invalid'),
  startsOn: (t) => t('common.field.startsOn.invalid'),
  endsOn: (t) => t('common.field.endsOn.invalid'),
  capacity: (t) => t('common.field.capacity.invalid', { max: CAPACITY_MAX }),
  location: (t) => t('common.field.location.invalid'),
  sessions: (t, index) => (index === undefined ? t('common.field.sessions.invalid') : t('common.field.session.invalid', { n: index + 1 })),
} satisfies Record<string, FieldMessage>;

export const CAPACITY_MAX = 10_000;
export const LOCATION_MAX = 200;

/** The `errors.fields` key (and `field-…` id) of a repeated field's row: "sessions.0". */
export const rowField = (field: string, index: number) => `${field}.${index}`;

export function checkPhone(phone: string, t: Translate, errors: FormErrors) {
  if (!PHONE_PATTERN.test(phone)) errors.fields.phone = fieldMessages.phone(t);
}

export function checkNewPassword(password: string, t: Translate, errors: FormErrors, field = 'password') {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) errors.fields[field] = fieldMessages.password(t);
}

export function checkName(name: string, t: Translate, errors: FormErrors) {
  if (name.length < 1 || name.length > 100) errors.fields.name = fieldMessages.name(t);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs and hidden fields are UUIDs; anything else cannot name a record (and the API would answer 400). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export function isLearnerType(value: string): value is LearnerType {
  return (LEARNER_TYPES as readonly string[]).includes(value);
}
