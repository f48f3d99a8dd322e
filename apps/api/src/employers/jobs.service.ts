import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { queryRows } from '../common/sql.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateEmployerDto, CreateJobDto, ListJobsQuery } from '@hearth/contracts/inputs';

/**
 * THE rule for "she holds course X", used by every requirement check (the learner's jobs list,
 * candidates, referrals): a valid, unexpired certificate of X, or a government qualification a
 * coordinator verified and matched to X (until its own expiry date, if it has one, China time).
 */
export const holdsCourseSql = (learner: string, course: string) => `(
  EXISTS (SELECT 1 FROM certificates z WHERE z.learner_id = ${learner} AND z.course_id = ${course} AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now()))
  OR EXISTS (SELECT 1 FROM external_credentials q WHERE q.learner_id = ${learner} AND q.course_id = ${course} AND q.status = 'verified'
               AND (q.expires_on IS NULL OR q.expires_on >= ${CHINA_TODAY_SQL})))`;

/** Required courses of a job that learner $2 does not hold (job $1). */
export const MISSING_COURSES_SQL = `
  SELECT c.id, c.code, c.title_zh, c.title_en FROM job_required_courses r JOIN courses c ON c.id = r.course_id
   WHERE r.job_id = $1 AND NOT ${holdsCourseSql('$2', 'r.course_id')}
   ORDER BY c.code`;

/** An accepted government qualification (verified by a coordinator) stands in for all the required certificates. */
export const HOLDS_ACCEPTED_QUALIFICATION_SQL = `
  SELECT 1 FROM external_credentials x JOIN job_accepted_qualifications a ON a.occupation = x.occupation
   WHERE a.job_id = $1 AND x.learner_id = $2 AND x.status = 'verified'
     AND (x.expires_on IS NULL OR x.expires_on >= ${CHINA_TODAY_SQL}) LIMIT 1`;

@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async createEmployer(caller: AuthUser, input: CreateEmployerDto, requestId: string) {
    const org = await this.scope.requireOrg(caller, input.orgId);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO employers (org_id, name, industry, contact_name, contact_phone) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, org_id AS "orgId", name, industry, contact_name AS "contactName", contact_phone AS "contactPhone", created_at AS "createdAt"`,
        [org.id, input.name, input.industry, input.contactName, input.contactPhone],
      );
      await this.audit.record({ actor: caller, action: 'employer.create', entityType: 'employer', entityId: row.id, orgId: org.id, requestId }, tx);
      return row;
    });
  }

  async listEmployers(caller: AuthUser) {
    const items = await this.db.query(
      `SELECT e.id, e.org_id AS "orgId", o.name AS "orgName", e.name, e.industry, e.contact_name AS "contactName", e.contact_phone AS "contactPhone",
              (SELECT count(*)::int FROM job_openings j WHERE j.employer_id = e.id AND j.status = 'open') AS "openJobs"
         FROM employers e JOIN organizations o ON o.id = e.org_id WHERE o.path LIKE $1 ORDER BY e.name`,
      [this.scope.subtreePattern(caller)],
    );
    return { items, total: items.length };
  }

  /** An employer of the caller's subtree, or the employer the caller works for. */
  private async requireEmployer(caller: AuthUser, employerId: string): Promise<{ id: string; org_id: string }> {
    const rows = await this.db.query(`SELECT e.id, e.org_id, o.path FROM employers e JOIN organizations o ON o.id = e.org_id WHERE e.id = $1`, [employerId]);
    const e = rows[0];
    const ok = e && (caller.role === 'employer' ? caller.employerId === e.id : this.scope.pathInScope(caller, e.path));
    if (!ok) throw notFound('Employer');
    return e;
  }

  async createJob(caller: AuthUser, input: CreateJobDto, requestId: string, lang: Locale) {
    const employer = await this.requireEmployer(caller, input.employerId);
    if (input.wageMin !== undefined && input.wageMax !== undefined && input.wageMax < input.wageMin) throw new AppError(400, 'VALIDATION_FAILED', 'wageMax must not be below wageMin');
    const courses = [...new Set(input.requiredCourseIds)];
    const found = await this.db.query(`SELECT id FROM courses WHERE id = ANY($1)`, [courses]);
    if (found.length !== courses.length) throw new AppError(400, 'VALIDATION_FAILED', 'requiredCourseIds names a course that does not exist');
    const id = await this.db.transaction(async (tx) => {
      const [{ id: jobId }] = await tx.query(
        `INSERT INTO job_openings (employer_id, title, description, location, positions, wage_min, wage_max, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [employer.id, input.title, input.description ?? '', input.location, input.positions, input.wageMin ?? null, input.wageMax ?? null, caller.id],
      );
      if (courses.length) await tx.query(`INSERT INTO job_required_courses (job_id, course_id) SELECT $1, unnest($2::uuid[])`, [jobId, courses]);
      const occupations = [...new Set((input.acceptedQualifications ?? []).map((o) => o.trim()).filter(Boolean))];
      if (occupations.length) await tx.query(`INSERT INTO job_accepted_qualifications (job_id, occupation) SELECT $1, unnest($2::text[])`, [jobId, occupations]);
      await this.audit.record({ actor: caller, action: 'job.create', entityType: 'job', entityId: jobId, orgId: employer.org_id, requestId }, tx);
      return jobId;
    });
    return this.get(caller, id, lang);
  }

  private jobSelect(lang: Locale) {
    return `
      SELECT j.id, j.employer_id AS "employerId", e.name AS "employerName", e.industry, j.title, j.description, j.location, j.positions,
             j.wage_min AS "wageMin", j.wage_max AS "wageMax", j.status, j.created_at AS "createdAt", o.path,
             coalesce((SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'title', ${lang === 'en' ? 'c.title_en' : 'c.title_zh'}) ORDER BY c.code)
                         FROM job_required_courses r JOIN courses c ON c.id = r.course_id WHERE r.job_id = j.id), '[]') AS "requiredCourses",
             coalesce((SELECT json_agg(a.occupation ORDER BY a.occupation) FROM job_accepted_qualifications a WHERE a.job_id = j.id), '[]') AS "acceptedQualifications",
             (SELECT count(*)::int FROM referrals f WHERE f.job_id = j.id) AS "referralCount",
             (SELECT count(*)::int FROM referrals f WHERE f.job_id = j.id AND f.status = 'hired') AS "hiredCount"
        FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id`;
  }

  async get(caller: AuthUser, id: string, lang: Locale) {
    const rows = await this.db.query(`${this.jobSelect(lang)} WHERE j.id = $1`, [id]);
    const job = rows[0];
    if (!job || !this.canSee(caller, job)) throw notFound('Job opening');
    return this.decorate(caller, [job], lang).then((r) => r[0]);
  }

  private canSee(caller: AuthUser, job: { employerId: string; path: string; status: string }) {
    if (caller.role === 'employer') return caller.employerId === job.employerId;
    if (caller.role === 'learner') return job.status === 'open';
    return this.scope.pathInScope(caller, job.path);
  }

  /** Learners see, for each opening, whether they qualify and which certificates they lack. */
  private async decorate(caller: AuthUser, jobs: (Record<string, unknown> & { id: string; path: string })[], lang: Locale) {
    const out = [];
    for (const { path: _path, ...job } of jobs) {
      if (caller.role !== 'learner') {
        out.push(job);
        continue;
      }
      const missing = await this.db.query(MISSING_COURSES_SQL, [job.id, caller.id]);
      const accepted = missing.length > 0 ? (await this.db.query(HOLDS_ACCEPTED_QUALIFICATION_SQL, [job.id, caller.id])).length > 0 : false;
      out.push({
        ...job,
        referralCount: undefined,
        hiredCount: undefined,
        qualifies: missing.length === 0 || accepted,
        missingCourses: missing.length === 0 || accepted ? [] : missing.map((m: { id: string; code: string; title_zh: string; title_en: string }) => ({ id: m.id, code: m.code, title: pick(lang, m.title_zh, m.title_en) })),
      });
    }
    return out;
  }

  async list(caller: AuthUser, query: ListJobsQuery, lang: Locale) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (caller.role === 'employer') { params.push(caller.employerId); where.push(`j.employer_id = $${params.length}`); }
    else if (caller.role === 'learner') where.push(`j.status = 'open'`);
    else { params.push(this.scope.subtreePattern(caller)); where.push(`o.path LIKE $${params.length}`); }
    if (query.open !== undefined) where.push(query.open ? `j.status = 'open'` : `j.status = 'closed'`);
    const { limit, offset } = pageOf(query);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [rows, count] = await Promise.all([
      this.db.query(`${this.jobSelect(lang)} ${whereSql} ORDER BY j.created_at DESC, j.id LIMIT ${limit} OFFSET ${offset}`, params),
      this.db.query(`SELECT count(*)::int AS n FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id ${whereSql}`, params),
    ]);
    return { items: await this.decorate(caller, rows, lang), total: count[0].n };
  }

  async setStatus(caller: AuthUser, id: string, status: 'open' | 'closed', requestId: string, lang: Locale) {
    const job = await this.get(caller, id, lang);
    if (caller.role === 'learner') throw forbidden();
    await queryRows(this.db, `UPDATE job_openings SET status = $2, updated_at = now() WHERE id = $1 RETURNING id`, [id, status]);
    await this.audit.record({ actor: caller, action: `job.${status}`, entityType: 'job', entityId: job.id, requestId });
    return this.get(caller, id, lang);
  }

  /**
   * Consenting learners of the caller's subtree who meet the opening's requirements and are not
   * referred to it yet, best first: attendance rate, then the most recent certificate.
   */
  async candidates(caller: AuthUser, jobId: string, lang: Locale) {
    const job = await this.get(caller, jobId, lang);
    const rows = await this.db.query(
      `SELECT u.id AS "learnerId", u.name, o.name AS "orgName", u.learner_type AS "learnerType",
              (SELECT round(avg((m.status IN ('present','late'))::int)::numeric, 4)::float FROM attendance_marks m JOIN class_sessions s ON s.id = m.session_id AND s.cancelled_at IS NULL WHERE m.learner_id = u.id) AS "attendanceRate",
              (SELECT max(z.issued_at) FROM certificates z WHERE z.learner_id = u.id AND z.status = 'valid') AS "latestCertificateAt",
              (SELECT coalesce(sum(z.hours), 0)::float FROM certificates z WHERE z.learner_id = u.id AND z.status = 'valid') AS "classHours"
         FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE u.role = 'learner' AND u.status = 'active' AND o.path LIKE $2
          AND (SELECT action FROM consent_events ce WHERE ce.learner_id = u.id AND ce.scope = 'referrals' ORDER BY ce.at DESC, ce.id DESC LIMIT 1) = 'grant'
          AND (NOT EXISTS (${MISSING_COURSES_SQL.replace(/\$2/g, 'u.id')}) OR EXISTS (${HOLDS_ACCEPTED_QUALIFICATION_SQL.replace(/\$2/g, 'u.id')}))
          AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.learner_id = u.id AND f.job_id = $1)
        ORDER BY "attendanceRate" DESC NULLS LAST, "latestCertificateAt" DESC NULLS LAST, u.name
        LIMIT 200`,
      [job.id, this.scope.subtreePattern(caller)],
    );
    return { items: rows, total: rows.length };
  }
}
