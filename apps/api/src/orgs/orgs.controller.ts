import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Public, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { CreateOrgDto } from '@hearth/contracts/inputs';
import { isBrowsing, JoinableOrgsQuery, ListOrgsQuery } from '@hearth/contracts/inputs';
import { JoinableOrgPage, Org, OrgPage } from './orgs.schemas.js';
import { OrgsService } from './orgs.service.js';

@ApiTags('orgs')
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  /** Coordinators may read their subtree too (to pick a station for a class); only admins change it. */
  @Get()
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, OrgPage)
  list(@CurrentUser() user: AuthUser, @Query() query: ListOrgsQuery) {
    return isBrowsing(query) ? this.orgs.browse(user, query) : this.orgs.listSubtree(user);
  }

  /** For registration, without sign-in: clubs and stations by name, with where they are; rate-limited per client address. */
  @Get('joinable')
  @Public({ rateLimited: true })
  @ApiOperation({ summary: 'Clubs and stations whose name contains q (public, rate-limited): id, kind, name and trail only' })
  @Responds(200, JoinableOrgPage)
  joinable(@Query() query: JoinableOrgsQuery) {
    return this.orgs.joinable(query);
  }

  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['admin'] })
  @Responds(201, Org)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrgDto, @ReqMeta() meta: RequestMeta) {
    return this.orgs.create(user, body, meta.requestId);
  }
}
