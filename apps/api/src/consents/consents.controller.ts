import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GrantConsentDto } from '@hearth/contracts/inputs';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds, RespondsEmpty } from '../common/openapi.js';
import { ConsentStatus } from './consents.schemas.js';
import { ConsentsService, REFERRAL_NOTICE_VERSION } from './consents.service.js';

@ApiTags('consents')
@Controller('me/consents')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Get()
  @Authenticated({ roles: ['learner'] })
  @Responds(200, ConsentStatus)
  status(@CurrentUser() user: AuthUser) {
    return this.consents.status(user);
  }

  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['learner'] })
  @Responds(201, ConsentStatus)
  grant(@CurrentUser() user: AuthUser, @Body() body: GrantConsentDto, @ReqMeta() meta: RequestMeta) {
    return this.consents.grant(user, body.noticeVersion ?? REFERRAL_NOTICE_VERSION, meta.requestId);
  }

  @Delete('referrals')
  @HttpCode(204)
  @Authenticated({ roles: ['learner'] })
  @RespondsEmpty()
  async withdraw(@CurrentUser() user: AuthUser, @ReqMeta() meta: RequestMeta) {
    await this.consents.withdraw(user, meta.requestId);
  }
}
