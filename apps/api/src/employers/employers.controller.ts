import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Locale } from '@hearth/contracts';
import { Authenticated, CurrentUser, ReqMeta, type RequestMeta } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Lang } from '../common/lang.js';
import { Responds } from '../common/openapi.js';
import { CreateEmployerDto, CreateJobDto, ListJobsQuery, UpdateJobDto } from '@hearth/contracts/inputs';
import { CandidateList, Employer, EmployerList, Job, JobList } from './employers.schemas.js';
import { JobsService } from './jobs.service.js';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('employers and jobs')
@Controller()
export class EmployersController {
  constructor(private readonly jobs: JobsService) {}

  @Post('employers')
  @HttpCode(201)
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(201, Employer)
  createEmployer(@CurrentUser() user: AuthUser, @Body() body: CreateEmployerDto, @ReqMeta() meta: RequestMeta) {
    return this.jobs.createEmployer(user, body, meta.requestId);
  }

  @Get('employers')
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, EmployerList)
  listEmployers(@CurrentUser() user: AuthUser) {
    return this.jobs.listEmployers(user);
  }

  /** Coordinators and admins for employers of their subtree; employer staff for their own company. */
  @Post('jobs')
  @HttpCode(201)
  @Authenticated({ roles: ['coordinator', 'admin', 'employer'] })
  @Responds(201, Job)
  createJob(@CurrentUser() user: AuthUser, @Body() body: CreateJobDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.jobs.createJob(user, body, meta.requestId, lang);
  }

  @Get('jobs')
  @Authenticated()
  @Responds(200, JobList)
  listJobs(@CurrentUser() user: AuthUser, @Query() query: ListJobsQuery, @Lang() lang: Locale) {
    return this.jobs.list(user, query, lang);
  }

  @Get('jobs/:id')
  @Authenticated()
  @Responds(200, Job)
  getJob(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Lang() lang: Locale) {
    return this.jobs.get(user, id, lang);
  }

  @Patch('jobs/:id')
  @Authenticated({ roles: ['coordinator', 'admin', 'employer'] })
  @Responds(200, Job)
  updateJob(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: UpdateJobDto, @ReqMeta() meta: RequestMeta, @Lang() lang: Locale) {
    return this.jobs.setStatus(user, id, body.status, meta.requestId, lang);
  }

  @Get('jobs/:id/candidates')
  @Authenticated({ roles: ['coordinator', 'admin'] })
  @Responds(200, CandidateList)
  candidates(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Lang() lang: Locale) {
    return this.jobs.candidates(user, id, lang);
  }
}
