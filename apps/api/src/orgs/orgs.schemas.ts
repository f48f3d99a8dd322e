import { Type, type Static } from 'typebox';
import { JOINABLE_ORG_KINDS, ORG_KINDS, type JoinableOrgDto, type OrgDto, type OrgListDto, type OrgNodeDto, type Page as PageOf } from '@hearth/contracts';
import { Count, Nullable, OneOf, Page, sameShape, Uuid } from '../common/openapi.js';

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

/** A club or station anyone may choose when registering: where it is, and nothing about who is in it. */
export const JoinableOrg = Type.Object({
  id: Uuid(),
  kind: OneOf(JOINABLE_ORG_KINDS),
  name: Type.String(),
  trail: Type.Array(Type.Object({ kind: OneOf(ORG_KINDS), name: Type.String() }), { description: 'Its ancestors below the national root, province first' }),
});
sameShape<Static<typeof JoinableOrg>, JoinableOrgDto>(true);

export const JoinableOrgPage = Page(JoinableOrg);
sameShape<Static<typeof JoinableOrgPage>, PageOf<JoinableOrgDto>>(true);
