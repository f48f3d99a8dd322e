import { Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds, RespondsEmpty } from '../common/openapi.js';
import { PersonalDataExport } from './privacy.schemas.js';
import { PrivacyService } from './privacy.service.js';

@ApiTags('personal data')
@Controller('me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything Hearth holds about the caller, as JSON. */
  @Get('export')
  @Authenticated()
  @Responds(200, PersonalDataExport, 'A JSON download (hearth-my-data.json)')
  async export(@CurrentUser() user: AuthUser, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('content-disposition', `attachment; filename="hearth-my-data.json"`).header('cache-control', 'private, no-store');
    return this.privacy.export(user, meta.requestId);
  }

  /** Erases her personal data; certificates stay verifiable without a name, counts stay correct. */
  @Delete()
  @HttpCode(204)
  @Authenticated()
  @RespondsEmpty()
  async erase(@CurrentUser() user: AuthUser, @ReqMeta() meta: RequestMeta) {
    await this.privacy.erase(user, meta.requestId);
  }
}
