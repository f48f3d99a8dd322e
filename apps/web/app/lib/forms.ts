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

/** The same rules the API applies, checked first so most mistakes cost no round trip. */
export const fieldMessages = {
  phone: (t: Translate) => t('field.phone.invalid'),
  password: (t: Translate) => t('field.password.invalid', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
  name: (t: Translate) => t('field.name.invalid'),
  learnerType: (t: Translate) => t('field.learnerType.invalid'),
} as const;

export function checkPhone(phone: string, t: Translate, errors: FormErrors) {
  if (!PHONE_PATTERN.test(phone)) errors.fields.phone = fieldMessages.phone(t);
}

export function checkNewPassword(password: string, t: Translate, errors: FormErrors) {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) errors.fields.password = fieldMessages.password(t);
}

export function checkName(name: string, t: Translate, errors: FormErrors) {
  if (name.length < 1 || name.length > 100) errors.fields.name = fieldMessages.name(t);
}

export function isLearnerType(value: string): value is LearnerType {
  return (LEARNER_TYPES as readonly string[]).includes(value);
}
