import { ApiError } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { apiFormErrors } from './api-errors.server';
import type { FormErrors } from './forms';
import { ORG_NAME_MAX, type NewOrgValues } from './orgs-forms';

/** A refused POST /api/orgs, on the field it concerns and in the user's language. */
export function newOrgErrors(error: unknown, values: NewOrgValues, t: Translate): { status: number; errors: FormErrors } {
  if (!(error instanceof ApiError)) return apiFormErrors(error, t);
  const on = (field: 'name' | 'kind', message: string) => ({ status: error.status, errors: { fields: { [field]: message } } });
  switch (error.code) {
    // The only unique rule on organisations: one name per parent.
    case 'CONFLICT':
      return on('name', t('orgs.error.nameTaken', { name: values.name }));
    case 'ORG_KIND_INVALID':
      return on('kind', t('orgs.error.kind'));
    case 'NOT_FOUND':
      return { status: 404, errors: { form: t('orgs.error.parent'), fields: {} } };
    case 'VALIDATION_FAILED': {
      const errors: FormErrors = { fields: {} };
      for (const message of validationMessages(error)) {
        if (message.startsWith('name ')) errors.fields.name ??= t('orgs.error.name', { max: ORG_NAME_MAX });
        else if (message.startsWith('kind ')) errors.fields.kind ??= t('orgs.error.kind');
        else if (message.startsWith('parentId ')) errors.form = t('orgs.error.parent');
        else errors.form ??= t('common.error.VALIDATION_FAILED');
      }
      if (!errors.form && Object.keys(errors.fields).length === 0) errors.form = t('common.error.VALIDATION_FAILED');
      return { status: 400, errors };
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
