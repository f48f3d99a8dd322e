import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { IsCalendarDate } from '../common/validation.js';
import { ExternalCredential, ExternalCredentialPage } from './external-credentials.schemas.js';
import { ExternalCredentialsService } from './external-credentials.service.js';

class RecordExternalCredentialDto {
  @ApiProperty() @IsString() @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'certificateNumber must be 4 to 40 letters, digits or dashes' }) certificateNumber: string;
  @ApiProperty() @IsString() @Length(1, 100, { message: 'occupation must be 1 to 100 characters' }) occupation: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) level?: string;
  @ApiProperty() @IsString() @Length(1, 200, { message: 'issuingBody must be 1 to 200 characters' }) issuingBody: string;
  @IsCalendarDate('issuedOn', '2024-06-30') issuedOn: string;
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
