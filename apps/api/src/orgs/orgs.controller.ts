import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { CreateOrgDto } from './dto/create-org.dto.js';
import { isBrowsing, ListOrgsQuery } from './dto/list-orgs.query.js';
import { Org, OrgPage } from './orgs.schemas.js';
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

  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['admin'] })
  @Responds(201, Org)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrgDto, @ReqMeta() meta: RequestMeta) {
    return this.orgs.create(user, body, meta.requestId);
  }
}
