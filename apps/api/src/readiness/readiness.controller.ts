import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { pageOf, VolunteersQuery } from '@hearth/contracts/inputs';
import { Responds } from '../common/openapi.js';
import { Readiness, VolunteerPage } from './readiness.schemas.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('readiness')
@Controller()
export class ReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('learners/:id/readiness')
  @Authenticated({ roles: ['learner', 'coordinator', 'admin'] })
  @Responds(200, Readiness)
  readinessOf(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 400 })) id: string, @Lang() lang: Locale) {
    return this.readiness.forLearner(user, id, lang);
  }

  /** Volunteer mothers of the subtree, filterable by "ready to pair". */
  @Get('volunteers')
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, VolunteerPage)
  volunteers(@CurrentUser() user: AuthUser, @Query() query: VolunteersQuery) {
    const { limit, offset } = pageOf(query);
    return this.readiness.volunteers(user, query.ready, limit, offset);
  }
}
