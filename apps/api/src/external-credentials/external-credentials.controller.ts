import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { IsCalendarDate, IsId, IsOneOf, pageOf, PageQuery } from '../common/validation.js';
import { ExternalCredential, ExternalCredentialPage, QualificationReviewPage } from './external-credentials.schemas.js';
import { ExternalCredentialsService, type QualificationStatus } from './external-credentials.service.js';

class RecordExternalCredentialDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'certificateNumber must be 4 to 40 letters, digits or dashes' }) certificateNumber: string;
  @ApiProperty() @IsString() @Length(1, 100, { message: 'occupation must be 1 to 100 characters' }) occupation: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) level?: string;
  @ApiProperty() @IsString() @Length(1, 200, { message: 'issuingBody must be 1 to 200 characters' }) issuingBody: string;
  @IsCalendarDate('issuedOn', '2024-06-30') issuedOn: string;
  @IsCalendarDate('expiresOn', '2029-06-30', true) expiresOn?: string;
}

class ReviewQuery extends PageQuery {
  @IsOneOf(['pending', 'verified', 'rejected'], 'status', true) status?: QualificationStatus;
  @IsOneOf(['zh-CN', 'en'], 'lang', true) lang?: 'zh-CN' | 'en';
}

class VerifyDto {
  @IsId('courseId', true) courseId?: string;
}

class RejectDto {
  @ApiProperty({ description: 'Shown to the learner' })
  @IsString({ message: 'reason is required' })
  @Matches(/\S/, { message: 'reason is required' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason: string;
}

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
