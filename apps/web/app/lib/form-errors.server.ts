import { ApiError, CAPACITY_MAX, ORG_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type ErrorCode, type FieldError } from '@hearth/contracts';
import { checkInput } from '@hearth/contracts/inputs';
import { isMessageKey, type MessageKey, type Translate } from '../i18n';
import { isApiUnavailable } from './api.server';
import { rowField, type FormErrors } from './forms';

/**
 * The one place where a form's problems become messages on its fields, in the user's language:
 * the web's own check of what was typed (the API's input classes, run before the call) and the
 * API's refusals (its 400 `fields`, or a refusal code) go through the same mapping, so the page
 * says the same thing whichever side caught the mistake. The API's English text is never shown.
 */

/** A field's problem in the user's language; `index` is the row of a repeated field (sessions[2]). */
export type FieldMessage = (t: Translate, index?: number) => string;
export type FieldMessages = Partial<Record<string, FieldMessage>>;

const key =
  (name: MessageKey, params?: Record<string, string | number>): FieldMessage =>
  (t) =>
    t(name, params);

/** The fields most forms share. A form passes its own messages for the rest, or to say one better. */
export const COMMON_FIELDS: FieldMessages = {
  phone: key('common.field.phone.invalid'),
  password: key('common.field.password.invalid', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
  newPassword: key('common.field.password.invalid', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
  name: key('common.field.name.invalid'),
  learnerType: key('common.field.learnerType.invalid'),
  courseId: key('common.field.courseId.invalid'),
  orgId: key('common.field.orgId.invalid'),
  instructorId: key('common.field.instructorId.invalid'),
  startsOn: key('common.field.startsOn.invalid'),
  endsOn: key('common.field.endsOn.invalid'),
  capacity: key('common.field.capacity.invalid', { max: CAPACITY_MAX }),
  location: key('common.field.location.invalid'),
  sessions: (t, index) => (index === undefined ? t('common.field.sessions.invalid') : t('common.field.session.invalid', { n: index + 1 })),
};

/** The account form of /manage/people/new. */
export const PEOPLE_FIELDS: FieldMessages = {
  role: key('people.error.role'),
  orgId: key('people.error.org'),
  learnerType: key('people.error.learnerType'),
  employerId: key('people.error.employer'),
};

/** The new-organisation form of /admin/orgs; a bad parent is the whole form's problem. */
export const ORG_FIELDS: FieldMessages = {
  name: key('orgs.error.name', { max: ORG_NAME_MAX }),
  kind: key('orgs.error.kind'),
};

/** The employer, job, referral and follow-up forms. */
export const REFERRAL_FIELDS: FieldMessages = {
  name: key('referrals.field.name.invalid'),
  industry: key('referrals.field.industry.invalid'),
  contactName: key('referrals.field.contactName.invalid'),
  contactPhone: key('referrals.field.contactPhone.invalid'),
  orgId: key('referrals.field.orgId.invalid'),
  employerId: key('referrals.field.employerId.invalid'),
  title: key('referrals.field.title.invalid'),
  description: key('referrals.field.description.invalid'),
  requiredCourseIds: key('referrals.field.requiredCourseIds.invalid'),
  acceptedQualifications: key('referrals.field.acceptedQualifications.invalid'),
  location: key('referrals.field.location.invalid'),
  positions: key('referrals.field.positions.invalid'),
  wageMin: key('referrals.field.wageMin.invalid'),
  wageMax: key('referrals.field.wageMax.invalid'),
  note: key('referrals.field.note.invalid'),
  stillEmployed: key('referrals.field.stillEmployed.invalid'),
  wageBand: key('referrals.field.wageBand.invalid'),
};

/** What a refusal with this code means for the form: a message on a field, or on the whole form. */
export type Refusal = (error: ApiError, t: Translate) => { field?: string; message: string } | undefined;

export interface FormMessages {
  /** Messages for this form's fields (over COMMON_FIELDS). */
  fields?: FieldMessages;
  /** Fields whose problem is told on the whole form (a hidden id the person cannot fix, e.g. parentId). */
  onForm?: Partial<Record<string, FieldMessage>>;
  /** Refusals this form can put on a field or say more precisely (PHONE_TAKEN → phone). */
  refusals?: Partial<Record<ErrorCode, Refusal>>;
}

/** "sessions.1.startsAt" → the `sessions` field, row 1. */
function splitPath(path: string): { field: string; index?: number } {
  const [field = '', second] = path.split('.');
  return { field, index: second !== undefined && /^\d+$/.test(second) ? Number(second) : undefined };
}

/** Field problems (the web's check, or an API 400's `fields`) as messages on the form's fields. */
export function fieldProblems(problems: readonly Pick<FieldError, 'field'>[], t: Translate, messages: FormMessages = {}): FormErrors {
  const errors: FormErrors = { fields: {} };
  for (const problem of problems) {
    const { field, index } = splitPath(problem.field);
    const onForm = messages.onForm?.[field];
    const message = messages.fields?.[field] ?? COMMON_FIELDS[field];
    if (onForm) errors.form ??= onForm(t, index);
    else if (message) errors.fields[index === undefined ? field : rowField(field, index)] ??= message(t, index);
    else errors.form ??= t('common.error.VALIDATION_FAILED');
  }
  if (!errors.form && Object.keys(errors.fields).length === 0) errors.form = t('common.error.VALIDATION_FAILED');
  return errors;
}

/**
 * Checks what a form sent with the API's input class (the same rules the API applies, so most
 * mistakes cost no round trip). `value` is the body to send when `errors` is null.
 */
export function checkForm<T extends object>(
  input: new () => T,
  values: Record<string, unknown>,
  t: Translate,
  messages: FormMessages = {},
): { value: T; errors: FormErrors | null } {
  const { value, problems } = checkInput(input, values);
  return { value, errors: problems.length > 0 ? fieldProblems(problems, t, messages) : null };
}

/**
 * A failed API call as the form's messages and the status to answer with. Anything that is neither
 * an API refusal nor an outage is rethrown (a real bug: the 500 page).
 */
export function formErrors(error: unknown, t: Translate, messages: FormMessages = {}): { status: number; errors: FormErrors } {
  if (isApiUnavailable(error)) return { status: 503, errors: { form: t('common.error.SERVICE_UNAVAILABLE'), fields: {} } };
  if (!(error instanceof ApiError)) throw error;

  const refusal = messages.refusals?.[error.code]?.(error, t);
  if (refusal)
    return { status: error.status, errors: refusal.field ? { fields: { [refusal.field]: refusal.message } } : { form: refusal.message, fields: {} } };

  if (error.code === 'VALIDATION_FAILED') return { status: error.status, errors: fieldProblems(validationProblems(error), t, messages) };

  const name = `common.error.${error.code}`;
  const retryAfter = Number(error.body.retryAfter);
  const minutes = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter / 60) : 1;
  // A refused sign-in is a bad form submission for the browser, not a missing Authorization header.
  return {
    status: error.status === 401 ? 400 : error.status,
    errors: { form: t(isMessageKey(name) ? name : fallbackKey(error.status), { minutes }), fields: {} },
  };
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
 * The API's `fields` when it sent them; otherwise (rules a service checks, e.g. "wageMax must not be
 * below wageMin") the field each message starts with: "sessions[1] must…" is row 1 of `sessions`.
 */
function validationProblems(error: ApiError): { field: string }[] {
  const { fields, messages, message } = error.body;
  if (Array.isArray(fields) && fields.length > 0) return fields.filter((f): f is FieldError => typeof (f as FieldError)?.field === 'string');
  const texts: string[] = Array.isArray(messages)
    ? messages.filter((m): m is string => typeof m === 'string')
    : Array.isArray(message)
      ? message
      : message
        ? message.split('; ')
        : [];
  return texts.map((text) => {
    const path = /^[A-Za-z][\w.[\]]*(?= )/.exec(text)?.[0] ?? '';
    return { field: path.replace(/\[(\d+)\]/g, '.$1') };
  });
}

/** The courses to finish first, from a PREREQUISITE_MISSING refusal (titles already in the asked language). */
export function missingPrerequisites(error: unknown): { code: string; title: string }[] {
  return missingOf(error, 'PREREQUISITE_MISSING');
}

/** The certificates she lacks, from a REQUIREMENTS_NOT_MET refusal of a referral (titles in the asked language). */
export function missingCourses(error: unknown): { code: string; title: string }[] {
  return missingOf(error, 'REQUIREMENTS_NOT_MET');
}

function missingOf(error: unknown, code: ErrorCode): { code: string; title: string }[] {
  if (!(error instanceof ApiError) || error.code !== code || !Array.isArray(error.body.missing)) return [];
  return error.body.missing.flatMap((entry: unknown) => {
    const { code, title } = (entry ?? {}) as { code?: unknown; title?: unknown };
    return typeof code === 'string' ? [{ code, title: typeof title === 'string' && title ? title : code }] : [];
  });
}

/** True for an API refusal with this code (e.g. NOT_FOUND), so a route can say something more specific. */
export function isApiError(error: unknown, code: string): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

// ---- The forms' presets: which messages each form uses, and the refusals it puts on a field ----

/** A refused employer, job, referral or follow-up form. */
export const referralFormErrors = (error: unknown, t: Translate) => formErrors(error, t, { fields: REFERRAL_FIELDS });

/** A refused POST /api/users, on the field it concerns. */
export const peopleFormErrors = (error: unknown, t: Translate) => formErrors(error, t, PEOPLE_FORM);

export const PEOPLE_FORM: FormMessages = {
  fields: PEOPLE_FIELDS,
  refusals: {
    PHONE_TAKEN: (_e, t) => ({ field: 'phone', message: t('people.error.phoneTaken') }),
    ROLE_NOT_ALLOWED: (_e, t) => ({ field: 'role', message: t('people.error.roleNotAllowed') }),
    EMPLOYER_REQUIRED: (_e, t) => ({ field: 'employerId', message: t('people.error.employer') }),
    // The service says which record it could not find in its scope: "Employer not found" or "Organization not found".
    NOT_FOUND: (e, t) =>
      /^Employer/.test(e.message)
        ? { field: 'employerId', message: t('people.error.employerNotFound') }
        : { field: 'orgId', message: t('people.error.orgNotFound') },
  },
};

/** A refused POST /api/orgs, on the field it concerns. */
export function newOrgErrors(error: unknown, values: { name: string }, t: Translate) {
  return formErrors(error, t, orgForm(values.name));
}

export const orgForm = (name: string): FormMessages => ({
  fields: ORG_FIELDS,
  onForm: { parentId: key('orgs.error.parent') },
  refusals: {
    // The only unique rule on organisations: one name per parent.
    CONFLICT: (_e, t) => ({ field: 'name', message: t('orgs.error.nameTaken', { name }) }),
    ORG_KIND_INVALID: (_e, t) => ({ field: 'kind', message: t('orgs.error.kind') }),
    NOT_FOUND: (_e, t) => ({ message: t('orgs.error.parent') }),
  },
});
