import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { CreateUserDto } from '@hearth/contracts/inputs';
import { ListUsersQuery } from '@hearth/contracts/inputs';
import { CreatedUser, PasswordReset, UserPage } from './user.schemas.js';
import { UsersService } from './users.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Admins create any role in their subtree; coordinators create learners, instructors and employer staff. */
  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(201, CreatedUser)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserDto, @ReqMeta() meta: RequestMeta) {
    return this.users.create(user, body, meta.requestId);
  }

  @Get()
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, UserPage)
  list(@CurrentUser() user: AuthUser, @Query() query: ListUsersQuery) {
    return this.users.list(user, query);
  }

  /** A generated password for someone of her subtree who forgot hers, shown once. */
  @Post(':id/password-reset')
  @HttpCode(200)
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, PasswordReset)
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @ReqMeta() meta: RequestMeta) {
    return this.users.resetPassword(user, id, meta.requestId);
  }
}
