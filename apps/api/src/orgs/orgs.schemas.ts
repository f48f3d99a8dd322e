import { Type, type Static } from 'typebox';
import { ORG_KINDS, type OrgDto, type Page as PageOf } from '@hearth/contracts';
import { Nullable, OneOf, Page, sameShape, Uuid } from '../common/openapi.js';

export const Org = Type.Object({
  id: Uuid(),
  parentId: Nullable(Uuid({ description: 'Null for the root' })),
  kind: OneOf(ORG_KINDS),
  name: Type.String(),
  depth: Type.Integer({ minimum: 0, description: '0 for the root' }),
});
sameShape<Static<typeof Org>, OrgDto>(true);

/** The caller's subtree in tree order (each org right after its parent). */
export const OrgPage = Page(Org);
sameShape<Static<typeof OrgPage>, PageOf<OrgDto>>(true);
