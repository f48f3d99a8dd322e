import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateEmployerDto, CreateJobDto, ListJobsQuery } from '@hearth/contracts/inputs';
import { JobsRepository, type JobRow } from './jobs.repository.js';

@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async createEmployer(caller: AuthUser, input: CreateEmployerDto, requestId: string) {
    await this.policy.require(caller, 'org.manage', input.orgId);
    return this.db.transaction(async (tx) => {
      const row = await this.jobs.insertEmployer(
        { orgId: input.orgId, name: input.name, industry: input.industry, contactName: input.contactName, contactPhone: input.contactPhone },
        tx,
      );
      await this.audit.record({ actor: caller, action: 'employer.create', entityType: 'employer', entityId: row.id, orgId: input.orgId, requestId }, tx);
      return row;
    });
  }

  async listEmployers(caller: AuthUser) {
    const items = await this.jobs.listEmployers(this.policy.scope(caller, 'employer.read'));
    return { items, total: items.length };
  }

  async createJob(caller: AuthUser, input: CreateJobDto, requestId: string, lang: Locale) {
    const employer = await this.jobs.findEmployer(input.employerId);
    this.policy.assert(caller, 'employer.manage', employer && { orgPath: employer.path, employerId: employer.id });
    if (input.wageMin !== undefined && input.wageMax !== undefined && input.wageMax < input.wageMin)
      throw new AppError(400, 'VALIDATION_FAILED', 'wageMax must not be below wageMin');
    const courses = [...new Set(input.requiredCourseIds)];
    if ((await this.jobs.countCourses(courses)) !== courses.length)
      throw new AppError(400, 'VALIDATION_FAILED', 'requiredCourseIds names a course that does not exist');
    const id = await this.db.transaction(async (tx) => {
      const occupations = [...new Set((input.acceptedQualifications ?? []).map((o) => o.trim()).filter(Boolean))];
      const jobId = await this.jobs.insertJob(
        {
          employerId: employer!.id,
          title: input.title,
          description: input.description ?? '',
          location: input.location,
          positions: input.positions,
          wageMin: input.wageMin ?? null,
          wageMax: input.wageMax ?? null,
          createdBy: caller.id,
          courseIds: courses,
          occupations,
        },
        tx,
      );
      await this.audit.record({ actor: caller, action: 'job.create', entityType: 'job', entityId: jobId, orgId: employer!.orgId, requestId }, tx);
      return jobId;
    });
    return this.get(caller, id, lang);
  }

  private async find(caller: AuthUser, id: string, lang: Locale, action: 'job.read' | 'job.manage' = 'job.read') {
    const job = await this.jobs.findJob(id, lang);
    if (!job) throw notFound('Job opening');
    this.policy.assert(caller, action, { orgPath: job.path, employerId: job.employerId, published: job.status === 'open' });
    return job;
  }

  async get(caller: AuthUser, id: string, lang: Locale) {
    return (await this.decorate(caller, [await this.find(caller, id, lang)], lang))[0];
  }

  /** Learners see, for each opening, whether they qualify and which certificates they lack (and no referral counts). */
  private async decorate(caller: AuthUser, jobs: JobRow[], lang: Locale) {
    const rows = jobs.map(({ path: _path, ...job }) => job);
    if (!this.policy.roleMay(caller.role, 'job.fit.read')) return rows;
    const fits = new Map(
      (
        await this.jobs.fit(
          rows.map((j) => j.id),
          caller.id,
        )
      ).map((f) => [f.jobId, f]),
    );
    return rows.map((job) => {
      const fit = fits.get(job.id)!;
      const qualifies = fit.missing.length === 0 || fit.accepted;
      return {
        ...job,
        referralCount: undefined,
        hiredCount: undefined,
        qualifies,
        missingCourses: qualifies ? [] : fit.missing.map((m) => ({ id: m.id, code: m.code, title: pick(lang, m.title_zh, m.title_en) })),
      };
    });
  }

  async list(caller: AuthUser, query: ListJobsQuery, lang: Locale) {
    const { rows, total } = await this.jobs.listJobs(this.policy.scope(caller, 'job.read'), { open: query.open }, pageOf(query), lang);
    return { items: await this.decorate(caller, rows, lang), total };
  }

  async setStatus(caller: AuthUser, id: string, status: 'open' | 'closed', requestId: string, lang: Locale) {
    const job = await this.find(caller, id, lang, 'job.manage');
    await this.jobs.setStatus(id, status);
    await this.audit.record({ actor: caller, action: `job.${status}`, entityType: 'job', entityId: job.id, requestId });
    return this.get(caller, id, lang);
  }

  /**
   * Consenting learners of the caller's subtree who meet the opening's requirements and are not
   * referred to it yet, best first: attendance rate, then the most recent certificate.
   */
  async candidates(caller: AuthUser, jobId: string, lang: Locale) {
    const job = await this.find(caller, jobId, lang);
    const rows = await this.jobs.candidates(job.id, this.policy.scope(caller, 'referral.create'));
    return { items: rows, total: rows.length };
  }
}
