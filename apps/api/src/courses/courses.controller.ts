import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, Public, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { pageOf } from '@hearth/contracts/inputs';
import { Course, CoursePage } from './courses.schemas.js';
import { CoursesService } from './courses.service.js';
import { CreateCourseDto, ListCoursesQuery, UpdateCourseDto } from '@hearth/contracts/inputs';

@ApiTags('courses')
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @Public({ identifiesCaller: true })
  @ApiOperation({
    summary:
      'The published catalogue, paged (`limit` up to 100; without it, the first 100); `include=drafts` adds unpublished courses, for admins only (401 anonymous, 403 other roles)',
  })
  @Responds(200, CoursePage)
  list(@Query() query: ListCoursesQuery, @Lang() lang: Locale, @CurrentUser() user: AuthUser | undefined, @ReqMeta() meta: RequestMeta) {
    const page = pageOf({ limit: query.limit ?? 100, offset: query.offset });
    return this.courses.list(query.category, lang, { includeDrafts: query.include === 'drafts', caller: user ?? null, requestId: meta.requestId, ...page });
  }

  @Get(':idOrCode')
  @Public({ identifiesCaller: true })
  @ApiOperation({ summary: 'A published course; a draft only for admins whose subtree holds its owner org (404 for anyone else)' })
  @Responds(200, Course)
  get(@Param('idOrCode') idOrCode: string, @Lang() lang: Locale, @CurrentUser() user: AuthUser | undefined) {
    return this.courses.get(idOrCode.slice(0, 64), lang, user ?? null);
  }

  @Post()
  @HttpCode(201)
  @Authenticated({ roles: ['admin'] })
  @Responds(201, Course)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCourseDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.courses.create(user, body, meta.requestId, lang);
  }

  @Patch(':id')
  @Authenticated({ roles: ['admin'] })
  @Responds(200, Course)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) id: string,
    @Body() body: UpdateCourseDto,
    @ReqMeta() meta: RequestMeta,
    @Lang() lang: Locale,
  ) {
    return this.courses.update(user, id, body, meta.requestId, lang);
  }
}
