import { ORG_KINDS, orgKindRank, type OrgKind } from '@hearth/contracts';
import { formText } from './forms';

export { ORG_NAME_MAX, ORG_SEARCH_MAX } from '@hearth/contracts';

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
