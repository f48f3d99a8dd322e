import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { Class, ClassPage } from './classes.schemas.js';
import { ClassesService } from './classes.service.js';
import { CreateClassDto, ListClassesQuery, UpdateClassDto } from '@hearth/contracts/inputs';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('classes')
@Controller('classes')
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(201, Class)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateClassDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.classes.create(user, body, meta.requestId, lang);
  }

  @Get()
  @Authenticated()
  @Responds(200, ClassPage)
  list(@CurrentUser() user: AuthUser, @Query() query: ListClassesQuery, @Lang() lang: Locale) {
    return this.classes.list(user, query, lang);
  }

  @Get(':id')
  @Authenticated()
  @Responds(200, Class)
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Lang() lang: Locale) {
    return this.classes.get(user, id, lang);
  }

  @Patch(':id')
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, Class)
  update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateClassDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.classes.update(user, id, body, meta.requestId, lang);
  }
}
