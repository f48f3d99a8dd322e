import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds, RespondsWithFile } from '../common/openapi.js';
import { SummaryQuery } from '@hearth/contracts/inputs';
import { ReportSummary } from './reports.schemas.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Totals of the org's subtree (default: the caller's org) and one row per child org. */
  @Get('summary')
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Responds(200, ReportSummary)
  summary(@CurrentUser() user: AuthUser, @Query() q: SummaryQuery, @Lang() lang: Locale) {
    return this.reports.summary(user, q.orgId, q.from, q.to, lang);
  }

  @Get('summary.csv')
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @RespondsWithFile(200, 'text/csv', 'The breakdown, one row per child org, UTF-8 with a BOM')
  async csv(@CurrentUser() user: AuthUser, @Query() q: SummaryQuery, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale, @Res() reply: FastifyReply) {
    const { filename, body } = await this.reports.summaryCsv(user, q.orgId, q.from, q.to, meta.requestId, lang);
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(body);
  }
}
