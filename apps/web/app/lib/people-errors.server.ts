import { ApiError, PASSWORD_MAX, PASSWORD_MIN } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { apiFormErrors } from './api-errors.server';
import { fieldMessages, type FormErrors } from './forms';

/** The create form's fields, as the API names them. */
const FIELDS = ['phone', 'name', 'role', 'orgId', 'password', 'learnerType', 'employerId'] as const;
type Field = (typeof FIELDS)[number];

export function peopleFieldMessage(field: Field, t: Translate): string {
  switch (field) {
    case 'phone':
    case 'name':
      return fieldMessages[field](t);
    case 'password':
      return t('common.field.password.invalid', { min: PASSWORD_MIN, max: PASSWORD_MAX });
    case 'role':
      return t('people.error.role');
    case 'orgId':
      return t('people.error.org');
    case 'learnerType':
      return t('people.error.learnerType');
    case 'employerId':
      return t('people.error.employer');
  }
}

/**
 * A refused POST /api/users, on the field it concerns and in the user's language. Refusals that
 * concern no field (an outage, an unknown code) go through the shared mapping.
 */
export function peopleFormErrors(error: unknown, t: Translate): { status: number; errors: FormErrors } {
  if (!(error instanceof ApiError)) return apiFormErrors(error, t);
  const on = (field: Field, message: string) => ({ status: error.status, errors: { fields: { [field]: message } } });
  switch (error.code) {
    case 'PHONE_TAKEN':
      return on('phone', t('people.error.phoneTaken'));
    case 'ROLE_NOT_ALLOWED':
      return on('role', t('people.error.roleNotAllowed'));
    case 'EMPLOYER_REQUIRED':
      return on('employerId', t('people.error.employer'));
    case 'NOT_FOUND':
      // The service says which record it could not find in its scope: "Employer not found" or "Organization not found".
      return /^Employer/.test(error.message) ? on('employerId', t('people.error.employerNotFound')) : on('orgId', t('people.error.orgNotFound'));
    case 'VALIDATION_FAILED': {
      const errors: FormErrors = { fields: {} };
      for (const message of validationMessages(error)) {
        const field = FIELDS.find((f) => message.startsWith(`${f} `));
        if (field) errors.fields[field] ??= peopleFieldMessage(field, t);
        else errors.form = t('common.error.VALIDATION_FAILED');
      }
      if (!errors.form && Object.keys(errors.fields).length === 0) errors.form = t('common.error.VALIDATION_FAILED');
      return { status: error.status, errors };
    }
    default:
      return apiFormErrors(error, t);
  }
}

function validationMessages(error: ApiError): string[] {
  const { messages, message } = error.body;
  if (Array.isArray(messages)) return messages.filter((m): m is string => typeof m === 'string');
  if (Array.isArray(message)) return message;
  return message ? message.split('; ') : [];
}
