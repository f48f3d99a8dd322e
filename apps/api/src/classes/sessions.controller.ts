import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { ClassSessionOfClass } from './classes.schemas.js';
import { ClassSessionsService } from './class-sessions.service.js';
import { AddSessionDto, UpdateSessionDto } from '@hearth/contracts/inputs';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

/** A class's schedule after creation: coordinators and admins of its subtree add, move and cancel sessions. */
@ApiTags('classes')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: ClassSessionsService) {}

  @Post('classes/:id/sessions')
  @HttpCode(201)
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(201, ClassSessionOfClass)
  add(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: AddSessionDto, @ReqMeta() meta: RequestMeta) {
    return this.sessions.add(user, id, body, meta.requestId);
  }

  @Patch('sessions/:id')
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, ClassSessionOfClass)
  move(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateSessionDto, @ReqMeta() meta: RequestMeta) {
    return this.sessions.move(user, id, body, meta.requestId);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, ClassSessionOfClass)
  cancel(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @ReqMeta() meta: RequestMeta) {
    return this.sessions.cancel(user, id, meta.requestId);
  }
}
