import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { Assessment, AttemptResult, PracticalResult } from './assessments.schemas.js';
import { AssessmentsService } from './assessments.service.js';
import { AttemptDto, PracticalResultDto } from '@hearth/contracts/inputs';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('assessments')
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get(':id')
  @Authenticated({ roles: ['learner', 'instructor', 'coordinator', 'admin'] })
  @Responds(200, Assessment)
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Lang() lang: Locale) {
    return this.assessments.forLearner(user, id, lang);
  }

  /** Graded on the server; the correct answers come back only with the result. 200 when a `clientAttemptId` was already graded. */
  @Post(':id/attempts')
  @Authenticated({ roles: ['learner'] })
  @Responds(201, AttemptResult, 'Graded and counted by this call')
  @Responds(200, AttemptResult, 'This clientAttemptId was graded before: the same result, nothing counted again')
  async attempt(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Body() body: AttemptDto,
    @Lang() lang: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { replayed, result } = await this.assessments.attempt(user, id, body.answers, lang, {
      clientAttemptId: body.clientAttemptId,
      startedAt: body.startedAt,
      submittedAt: body.submittedAt,
    });
    reply.status(replayed ? 200 : 201);
    return result;
  }

  @Post(':id/results')
  @HttpCode(200)
  @Authenticated({ roles: ['instructor', 'coordinator', 'admin'] })
  @Responds(200, PracticalResult)
  result(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: PracticalResultDto) {
    return this.assessments.recordResult(user, id, body.learnerId, body.score, body.note);
  }
}
