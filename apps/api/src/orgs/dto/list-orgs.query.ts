import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { ORG_KINDS, type OrgKind } from '@hearth/contracts';
import { IsId, PageQuery } from '../../common/validation.js';

/**
 * GET /api/orgs. Without any parameter: the caller's whole subtree, as it always was. With
 * `parentId`: that org's direct children. With `q`: orgs whose name contains it, anywhere under
 * `parentId` (or the caller's own org). `kind` keeps only orgs of those kinds (in any mode). Any
 * parameter makes the answer a page with counts and trails.
 */
const KIND_MESSAGE = `kind must be one or more of ${ORG_KINDS.join(', ')}, separated by commas`;

export class ListOrgsQuery extends PageQuery {
  @IsId('parentId', true) parentId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 50, description: 'Name contains (any depth under parentId, or under the caller’s own org)' })
  @ValidateIf((_, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be 1 to 50 characters' })
  @Length(1, 50, { message: 'q must be 1 to 50 characters' })
  q?: string;

  @ApiPropertyOptional({ type: String, example: 'club,station', description: `Only orgs of these kinds, separated by commas: ${ORG_KINDS.join(', ')}` })
  @ValidateIf((_, value) => value !== undefined)
  // "club,station", or the parameter repeated: one list either way.
  @Transform(({ value }) => (typeof value === 'string' || Array.isArray(value) ? [value].flat().join(',').split(',').map((k) => String(k).trim()) : value))
  @IsArray({ message: KIND_MESSAGE })
  @ArrayNotEmpty({ message: KIND_MESSAGE })
  @IsIn(ORG_KINDS, { each: true, message: KIND_MESSAGE })
  kind?: OrgKind[];
}

export const isBrowsing = (query: ListOrgsQuery) =>
  query.parentId !== undefined || query.q !== undefined || query.limit !== undefined || query.offset !== undefined || query.kind !== undefined;

/** GET /api/orgs/joinable: a name to search for (required: the public list is searched, never walked). */
export class JoinableOrgsQuery extends PageQuery {
  @ApiPropertyOptional({ minLength: 1, maxLength: 50, description: 'Name contains' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be 1 to 50 characters' })
  @Length(1, 50, { message: 'q must be 1 to 50 characters' })
  q: string;
}
