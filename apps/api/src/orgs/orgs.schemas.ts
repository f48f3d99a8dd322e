import { Type, type Static } from 'typebox';
import { ORG_KINDS, type OrgDto, type OrgListDto, type OrgNodeDto } from '@hearth/contracts';
import { Count, Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';

export const Org = Type.Object({
  id: Uuid(),
  parentId: Nullable(Uuid({ description: 'Null for the root' })),
  kind: OneOf(ORG_KINDS),
  name: Type.String(),
  depth: Type.Integer({ minimum: 0, description: '0 for the root' }),
});
sameShape<Static<typeof Org>, OrgDto>(true);

const OrgRef = Type.Object({ id: Uuid(), kind: OneOf(ORG_KINDS), name: Type.String() });

const nodeFields = {
  childCount: Count({ description: 'Its direct children' }),
  learners: Count({ description: 'Learner accounts of its subtree, from the dashboard aggregates (refreshed every few seconds)' }),
  trail: Type.Array(OrgRef, { description: "Its ancestors inside the caller's subtree, from her own org down to its parent" }),
};

export const OrgNode = Type.Object({ ...Org.properties, ...nodeFields });
sameShape<Static<typeof OrgNode>, OrgNodeDto>(true);

/**
 * Without a query: the caller's subtree in tree order (each org right after its parent), plain orgs.
 * With any query parameter: one page, every item with the node fields, and `parent` when `parentId` was given.
 */
export const OrgPage = Type.Object({
  items: Type.Array(
    Type.Object({
      ...Org.properties,
      childCount: Type.Optional(nodeFields.childCount),
      learners: Type.Optional(nodeFields.learners),
      trail: Type.Optional(nodeFields.trail),
    }),
  ),
  total: Count(),
  parent: Type.Optional(OrgNode),
});
sameShape<Static<typeof OrgPage>, OrgListDto>(true);
