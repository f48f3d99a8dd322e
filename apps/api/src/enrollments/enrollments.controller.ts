import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds, RespondsEmpty } from '../common/openapi.js';
import { PageQuery, pageOf } from '@hearth/contracts/inputs';
import { EnrolDto } from '@hearth/contracts/inputs';
import { EnrollmentResult, MyEnrollmentPage, RosterPage } from './enrollments.schemas.js';
import { EnrollmentsService } from './enrollments.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('enrollments')
@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  /** A learner enrols herself; coordinators and admins enrol learners of their subtree (by id or phone). */
  @Post('classes/:id/enrollments')
  @HttpCode(201)
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @Responds(201, EnrollmentResult)
  async enrol(@CurrentUser() user: AuthUser, @Param('id', uuid) classId: string, @Body() body: EnrolDto, @Lang() lang: Locale) {
    const learnerId = await this.enrollments.resolveLearner(user, body.learnerId, body.phone);
    return this.enrollments.enrol(user, classId, learnerId, lang);
  }

  @Get('classes/:id/enrollments')
  @Authenticated({ roles: ['instructor', 'coordinator', 'admin'] })
  @Responds(200, RosterPage)
  roster(@CurrentUser() user: AuthUser, @Param('id', uuid) classId: string, @Query() query: PageQuery) {
    const { limit, offset } = pageOf({ limit: query.limit ?? 100, offset: query.offset });
    return this.enrollments.roster(user, classId, limit, offset);
  }

  @Delete('enrollments/:id')
  @HttpCode(204)
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @RespondsEmpty()
  async withdraw(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    await this.enrollments.withdraw(user, id);
  }

  @Get('me/enrollments')
  @Authenticated({ roles: ['learner'] })
  @Responds(200, MyEnrollmentPage)
  mine(@CurrentUser() user: AuthUser, @Lang() lang: Locale) {
    return this.enrollments.mine(user, lang);
  }
}
