import { ORG_KINDS, orgKindRank, type OrgKind } from '@hearth/contracts';
import type { Translate } from '../i18n';
import { formText, isUuid, type FormErrors } from './forms';

/** The API's limits (apps/api/src/orgs/dto). */
export const ORG_NAME_MAX = 200;
export const ORG_SEARCH_MAX = 50;

/** Kinds that may sit under `parent`, highest first: the API's rule (canNestOrg). */
export function childKinds(parent: OrgKind): OrgKind[] {
  return ORG_KINDS.filter((kind) => orgKindRank(kind) > orgKindRank(parent));
}

export interface NewOrgValues {
  parentId: string;
  name: string;
  kind: string;
}

export function readNewOrg(form: FormData): NewOrgValues {
  return { parentId: formText(form, 'parentId'), name: formText(form, 'name').trim(), kind: formText(form, 'kind') };
}

const isKind = (value: string): value is OrgKind => (ORG_KINDS as readonly string[]).includes(value);

/** The API's own rules, so most mistakes cost no round trip. Whether the kind is low enough is the API's to say. */
export function checkNewOrg(values: NewOrgValues, t: Translate): { errors: FormErrors; body?: { parentId: string; name: string; kind: OrgKind } } {
  const errors: FormErrors = { fields: {} };
  if (!isUuid(values.parentId)) errors.form = t('orgs.error.parent');
  if (values.name.length < 1 || values.name.length > ORG_NAME_MAX || /[\u0000-\u001f\u007f]/.test(values.name)) errors.fields.name = t('orgs.error.name', { max: ORG_NAME_MAX });
  if (!isKind(values.kind)) errors.fields.kind = t('orgs.error.kind');
  if (errors.form || Object.keys(errors.fields).length > 0 || !isKind(values.kind)) return { errors };
  return { errors, body: { parentId: values.parentId, name: values.name, kind: values.kind } };
}
