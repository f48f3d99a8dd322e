import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { ImportLearnersDto } from '@hearth/contracts/inputs';
import { ImportResult, ImportStatus } from './imports.schemas.js';
import { ImportsService } from './imports.service.js';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** CSV of learners (name, phone, learnerType), optionally enrolled straight into a class. */
  @Post('learners')
  @HttpCode(201)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(201, ImportResult)
  importLearners(@CurrentUser() user: AuthUser, @Body() body: ImportLearnersDto, @ReqMeta() meta: RequestMeta) {
    return this.imports.importLearners(user, body, meta.requestId);
  }

  @Get(':id')
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, ImportStatus)
  status(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) id: string) {
    return this.imports.status(user, id);
  }
}
