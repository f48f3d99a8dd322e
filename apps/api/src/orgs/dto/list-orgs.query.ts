import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateIf } from 'class-validator';
import { IsId, PageQuery } from '../../common/validation.js';

/**
 * GET /api/orgs. Without any parameter: the caller's whole subtree, as it always was. With
 * `parentId`: that org's direct children. With `q`: orgs whose name contains it, anywhere under
 * `parentId` (or the caller's own org). Any parameter makes the answer a page with counts and trails.
 */
export class ListOrgsQuery extends PageQuery {
  @IsId('parentId', true) parentId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 50, description: 'Name contains (any depth under parentId, or under the caller’s own org)' })
  @ValidateIf((_, value) => value !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be 1 to 50 characters' })
  @Length(1, 50, { message: 'q must be 1 to 50 characters' })
  q?: string;
}

export const isBrowsing = (query: ListOrgsQuery) =>
  query.parentId !== undefined || query.q !== undefined || query.limit !== undefined || query.offset !== undefined;
