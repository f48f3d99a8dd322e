import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { ORG_KINDS, type OrgKind } from '../domain.js';
import { ORG_NAME_MAX, ORG_SEARCH_MAX } from '../limits.js';
import { Doc, IsId, IsName, IsOneOf, PageQuery } from './validation.js';

export class CreateOrgDto {
  @IsName('name', ORG_NAME_MAX) name: string;
  @IsOneOf(ORG_KINDS, 'kind') kind: OrgKind;
  @IsId('parentId') parentId: string;
}

/**
 * GET /api/orgs. Without any parameter: the caller's whole subtree, as it always was. With
 * `parentId`: that org's direct children. With `q`: orgs whose name contains it, anywhere under
 * `parentId` (or the caller's own org). `kind` keeps only orgs of those kinds (in any mode). Any
 * parameter makes the answer a page with counts and trails.
 */
const KIND_MESSAGE = `kind must be one or more of ${ORG_KINDS.join(', ')}, separated by commas`;
const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class ListOrgsQuery extends PageQuery {
  @IsId('parentId', true) parentId?: string;

  @Doc({ description: 'Name contains (any depth under parentId, or under the caller’s own org)' })
  @ValidateIf((_, value) => value !== undefined)
  @trim
  @IsString({ message: `q must be 1 to ${ORG_SEARCH_MAX} characters` })
  @Length(1, ORG_SEARCH_MAX, { message: `q must be 1 to ${ORG_SEARCH_MAX} characters` })
  q?: string;

  @Doc({ example: 'club,station', description: `Only orgs of these kinds, separated by commas (or the parameter repeated): ${ORG_KINDS.join(', ')}` })
  @ValidateIf((_, value) => value !== undefined)
  // "club,station", or the parameter repeated: one list either way.
  @Transform(({ value }) =>
    typeof value === 'string' || Array.isArray(value)
      ? [value]
          .flat()
          .join(',')
          .split(',')
          .map((k) => String(k).trim())
      : value,
  )
  @IsArray({ message: KIND_MESSAGE })
  @ArrayNotEmpty({ message: KIND_MESSAGE })
  @IsIn(ORG_KINDS, { each: true, message: KIND_MESSAGE })
  kind?: OrgKind[];
}

export const isBrowsing = (query: ListOrgsQuery) =>
  query.parentId !== undefined || query.q !== undefined || query.limit !== undefined || query.offset !== undefined || query.kind !== undefined;

/** GET /api/orgs/joinable: a name to search for (required: the public list is searched, never walked). */
export class JoinableOrgsQuery extends PageQuery {
  @Doc({ description: 'Name contains' })
  @trim
  @IsString({ message: `q must be 1 to ${ORG_SEARCH_MAX} characters` })
  @Length(1, ORG_SEARCH_MAX, { message: `q must be 1 to ${ORG_SEARCH_MAX} characters` })
  q: string;
}
