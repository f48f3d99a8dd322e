import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@hearth/contracts';
import { IsId, IsOneOf, PageQuery } from '../../common/validation.js';

export class ListUsersQuery extends PageQuery {
  @IsOneOf(ROLES, 'role', true) role?: Role;
  @IsId('orgId', true) orgId?: string;
  @ApiPropertyOptional({ description: 'Name contains, or phone starts with' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: 'q must be at most 50 characters' })
  q?: string;
}
