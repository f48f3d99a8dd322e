import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { CreateReferralDto, ListReferralsQuery, MoveReferralDto, RecordFollowUpDto } from '@hearth/contracts/inputs';
import { FollowUpDueList, RecordedFollowUp, Referral, ReferralList } from './referrals.schemas.js';
import { ReferralsService } from './referrals.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post('referrals')
  @HttpCode(201)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(201, Referral)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateReferralDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.referrals.create(user, body.learnerId, body.jobId, body.note, meta.requestId, lang);
  }

  @Get('referrals')
  @Authenticated({ roles: ['coordinator', 'admin', 'employer', 'learner'] })
  @Responds(200, ReferralList)
  list(@CurrentUser() user: AuthUser, @Query() query: ListReferralsQuery, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.referrals.list(user, query, meta.requestId, lang);
  }

  @Get('referrals/:id')
  @Authenticated({ roles: ['coordinator', 'admin', 'employer', 'learner'] })
  @Responds(200, Referral)
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.referrals.get(user, id, meta.requestId, lang);
  }

  @Patch('referrals/:id')
  @Authenticated({ roles: ['coordinator', 'admin', 'employer'] })
  @Responds(200, Referral)
  move(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: MoveReferralDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.referrals.move(user, id, body.status, body.note, meta.requestId, lang);
  }

  @Get('followups')
  @Authenticated({ roles: ['coordinator', 'admin', 'employer'] })
  @Responds(200, FollowUpDueList)
  due(@CurrentUser() user: AuthUser) {
    return this.referrals.dueFollowUps(user);
  }

  @Post('followups/:id')
  @HttpCode(200)
  @Authenticated({ roles: ['coordinator', 'admin', 'employer'] })
  @Responds(200, RecordedFollowUp)
  record(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: RecordFollowUpDto, @ReqMeta() meta: RequestMeta) {
    return this.referrals.recordFollowUp(user, id, body, meta.requestId);
  }
}
