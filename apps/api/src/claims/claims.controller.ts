import { Body, Controller, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { ClaimCodeBatchDto } from '@hearth/contracts/inputs';
import { ClaimCode, ClaimCodeSheet } from './claims.schemas.js';
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

@ApiTags('users')
@Controller('claim-codes')
export class ClaimCodeBatchController {
  constructor(private readonly claims: ClaimsService) {}

  /** Activation codes for many learners at once, for one printed sheet (each replaces her previous code). */
  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'private, no-store')
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(201, ClaimCodeSheet)
  issueBatch(@CurrentUser() user: AuthUser, @Body() body: ClaimCodeBatchDto, @ReqMeta() meta: RequestMeta) {
    return this.claims.issueBatch(user, body, meta.requestId);
  }
}
