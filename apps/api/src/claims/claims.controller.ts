import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { ClaimCode } from './claims.schemas.js';
import { ClaimsService } from './claims.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('users')
@Controller('users')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  /** A new activation code for a learner her club registered without a password (the previous code stops working). */
  @Post(':id/claim-code')
  @HttpCode(201)
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(201, ClaimCode)
  issue(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @ReqMeta() meta: RequestMeta) {
    return this.claims.issue(user, id, meta.requestId);
  }
}
