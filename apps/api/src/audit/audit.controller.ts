import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { AuditQuery, pageOf } from '@hearth/contracts/inputs';
import { AuditPage } from './audit.schemas.js';
import { AuditService } from './audit.service.js';

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
