import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { IsId, PageQuery, pageOf } from '../common/validation.js';
import { AuditPage } from './audit.schemas.js';
import { AuditService } from './audit.service.js';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z_]{1,40}$/, { message: 'entityType must be a record type such as certificate or referral' }) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @IsId('actorId', true) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z_.]{1,60}$/, { message: 'action must be an action name such as certificate.revoke' }) action?: string;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Events of the admin's subtree; the root's admin also sees events tied to no org (e.g. failed logins of unknown phones). */
  @Get()
  @Authenticated({ roles: ['admin'] })
  @Responds(200, AuditPage)
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery) {
    return this.audit.list(user, { entityType: q.entityType, entityId: q.entityId, actorId: q.actorId, action: q.action }, pageOf(q));
  }
}
