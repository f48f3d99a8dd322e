import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { pageOf, RecordExternalCredentialDto, RejectDto, ReviewQuery, VerifyDto } from '@hearth/contracts/inputs';
import { ExternalCredential, ExternalCredentialPage, QualificationReviewPage } from './external-credentials.schemas.js';
import { ExternalCredentialsService } from './external-credentials.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('external credentials')
@Controller('learners/:learnerId/external-credentials')
export class ExternalCredentialsController {
  constructor(private readonly credentials: ExternalCredentialsService) {}

  @Get()
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @Responds(200, ExternalCredentialPage)
  list(@CurrentUser() user: AuthUser, @Param('learnerId', uuid) learnerId: string) {
    return this.credentials.list(user, learnerId);
  }

  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @Responds(201, ExternalCredential)
  record(@CurrentUser() user: AuthUser, @Param('learnerId', uuid) learnerId: string, @Body() body: RecordExternalCredentialDto, @ReqMeta() meta: RequestMeta) {
    return this.credentials.record(user, learnerId, body, meta.requestId);
  }

  @Post(':id/check')
  @HttpCode(200)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, ExternalCredential)
  check(@CurrentUser() user: AuthUser, @Param('learnerId', uuid) learnerId: string, @Param('id', uuid) id: string, @ReqMeta() meta: RequestMeta) {
    return this.credentials.markChecked(user, learnerId, id, meta.requestId);
  }
}

/** The coordinator's review of qualifications learners of her subtree recorded. */
@ApiTags('external credentials')
@Controller('external-credentials')
export class QualificationReviewController {
  constructor(private readonly credentials: ExternalCredentialsService) {}

  @Get()
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, QualificationReviewPage)
  review(@CurrentUser() user: AuthUser, @Query() query: ReviewQuery, @Lang() lang: Locale) {
    const { limit, offset } = pageOf(query);
    return this.credentials.review(user, query.status ?? 'pending', limit, offset, lang);
  }

  /** Verified: it counts toward job requirements as a certificate of `courseId` would (and as its occupation, where an opening accepts it). */
  @Post(':id/verify')
  @HttpCode(200)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, ExternalCredential)
  verify(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: VerifyDto, @ReqMeta() meta: RequestMeta) {
    return this.credentials.verify(user, id, body.courseId, meta.requestId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, ExternalCredential)
  reject(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: RejectDto, @ReqMeta() meta: RequestMeta) {
    return this.credentials.reject(user, id, body.reason.trim(), meta.requestId);
  }
}
