import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import type { Scope } from '../access/access-policy.js';
import type { FactColumns } from '../access/define.js';
import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

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

export interface MissingCourse {
  id: string;
  code: string;
  title_zh: string;
  title_en: string;
}

export interface EmployerRow {
  id: string;
  orgId: string;
  path: string;
}

export interface JobRow extends Record<string, unknown> {
  id: string;
  employerId: string;
  status: 'open' | 'closed';
  path: string;
}

export interface JobFit {
  jobId: string;
  missing: MissingCourse[];
  /** She holds a government qualification the opening accepts instead. */
  accepted: boolean;
}

export interface NewEmployer {
  orgId: string;
  name: string;
  industry: string;
  contactName: string;
  contactPhone: string;
}

export interface NewJob {
  employerId: string;
  title: string;
  description: string;
  location: string;
  positions: number;
  wageMin: number | null;
  wageMax: number | null;
  createdBy: string;
  courseIds: string[];
  occupations: string[];
}

/** Where a job's facts are in the job queries below. */
const JOB_COLUMNS: FactColumns = { orgPath: 'o.path', employerId: 'j.employer_id', published: `j.status = 'open'` };

const jobSelect = (lang: Locale) => `
  SELECT j.id, j.employer_id AS "employerId", e.name AS "employerName", e.industry, j.title, j.description, j.location, j.positions,
         j.wage_min AS "wageMin", j.wage_max AS "wageMax", j.status, j.created_at AS "createdAt", o.path,
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'title', ${lang === 'en' ? 'c.title_en' : 'c.title_zh'}) ORDER BY c.code)
                     FROM job_required_courses r JOIN courses c ON c.id = r.course_id WHERE r.job_id = j.id), '[]') AS "requiredCourses",
         coalesce((SELECT json_agg(a.occupation ORDER BY a.occupation) FROM job_accepted_qualifications a WHERE a.job_id = j.id), '[]') AS "acceptedQualifications",
         (SELECT count(*)::int FROM referrals f WHERE f.job_id = j.id) AS "referralCount",
         (SELECT count(*)::int FROM referrals f WHERE f.job_id = j.id AND f.status = 'hired') AS "hiredCount"
    FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id`;

@SqlRepository('jobs')
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [{ orgId: Example.ID, name: '家政公司', industry: '家政', contactName: '王经理', contactPhone: Example.PHONE }])
  insertEmployer(e: NewEmployer, tx: EntityManager = this.db.manager) {
    return tx
      .query(
        `INSERT INTO employers (org_id, name, industry, contact_name, contact_phone) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, org_id AS "orgId", name, industry, contact_name AS "contactName", contact_phone AS "contactPhone", created_at AS "createdAt"`,
        [e.orgId, e.name, e.industry, e.contactName, e.contactPhone],
      )
      .then((rows: { id: string }[]) => rows[0]);
  }

  @SqlExample(() => [Example.scope('coordinator', 'employer.read')])
  listEmployers(scope: Scope) {
    const params: unknown[] = [];
    return this.db.query(
      `SELECT e.id, e.org_id AS "orgId", o.name AS "orgName", e.name, e.industry, e.contact_name AS "contactName", e.contact_phone AS "contactPhone",
              (SELECT count(*)::int FROM job_openings j WHERE j.employer_id = e.id AND j.status = 'open') AS "openJobs"
         FROM employers e JOIN organizations o ON o.id = e.org_id WHERE ${scope.where({ orgPath: 'o.path', employerId: 'e.id' }, params)} ORDER BY e.name`,
      params,
    );
  }

  @SqlExample(() => [Example.ID])
  async findEmployer(id: string): Promise<EmployerRow | null> {
    const rows: EmployerRow[] = await this.db.query(
      `SELECT e.id, e.org_id AS "orgId", o.path FROM employers e JOIN organizations o ON o.id = e.org_id WHERE e.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** How many of these course ids exist. */
  @SqlExample(() => [[Example.ID, Example.ID2]])
  async countCourses(ids: string[]): Promise<number> {
    return (await this.db.query(`SELECT id FROM courses WHERE id = ANY($1)`, [ids])).length;
  }

  @SqlExample(() => [
    {
      employerId: Example.ID,
      title: '保洁员',
      description: '',
      location: '福州',
      positions: 2,
      wageMin: null,
      wageMax: null,
      createdBy: Example.ID2,
      courseIds: [Example.ID],
      occupations: ['家政服务员'],
    },
  ])
  async insertJob(job: NewJob, tx: EntityManager = this.db.manager): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO job_openings (employer_id, title, description, location, positions, wage_min, wage_max, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [job.employerId, job.title, job.description, job.location, job.positions, job.wageMin, job.wageMax, job.createdBy],
    );
    if (job.courseIds.length) await tx.query(`INSERT INTO job_required_courses (job_id, course_id) SELECT $1, unnest($2::uuid[])`, [id, job.courseIds]);
    if (job.occupations.length)
      await tx.query(`INSERT INTO job_accepted_qualifications (job_id, occupation) SELECT $1, unnest($2::text[])`, [id, job.occupations]);
    return id;
  }

  @SqlExample(() => [Example.ID, 'zh-CN'])
  async findJob(id: string, lang: Locale): Promise<JobRow | null> {
    const rows: JobRow[] = await this.db.query(`${jobSelect(lang)} WHERE j.id = $1`, [id]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.scope('learner', 'job.read'), { open: true }, { limit: 20, offset: 0 }, 'zh-CN'])
  async listJobs(scope: Scope, filter: { open?: boolean }, page: { limit: number; offset: number }, lang: Locale) {
    const params: unknown[] = [];
    const where = [scope.where(JOB_COLUMNS, params)];
    if (filter.open !== undefined) where.push(filter.open ? `j.status = 'open'` : `j.status = 'closed'`);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [rows, count] = await Promise.all([
      this.db.query(`${jobSelect(lang)} ${whereSql} ORDER BY j.created_at DESC, j.id LIMIT ${page.limit} OFFSET ${page.offset}`, params) as Promise<JobRow[]>,
      this.db.query(
        `SELECT count(*)::int AS n FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id ${whereSql}`,
        params,
      ) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  /** For each job, the required courses the learner lacks and whether an accepted qualification stands in; one statement for a whole page. */
  @SqlExample(() => [[Example.ID, Example.ID2], Example.ID])
  async fit(jobIds: string[], learnerId: string): Promise<JobFit[]> {
    if (jobIds.length === 0) return [];
    return this.db.query(
      `SELECT j.id AS "jobId",
              coalesce((SELECT json_agg(json_build_object('id', m.id, 'code', m.code, 'title_zh', m.title_zh, 'title_en', m.title_en) ORDER BY m.code)
                          FROM (${MISSING_COURSES_SQL.replace(/\$1/g, 'j.id')}) m), '[]') AS missing,
              EXISTS (${HOLDS_ACCEPTED_QUALIFICATION_SQL.replace(/\$1/g, 'j.id')}) AS accepted
         FROM unnest($1::uuid[]) AS j(id)`,
      [jobIds, learnerId],
    );
  }

  /** Required courses of the job she does not hold, unless an accepted qualification stands in for them. */
  @SqlExample(() => [Example.ID, Example.ID2, undefined])
  async unmetRequirements(jobId: string, learnerId: string, tx: EntityManager = this.db.manager): Promise<MissingCourse[]> {
    const missing: MissingCourse[] = await tx.query(MISSING_COURSES_SQL, [jobId, learnerId]);
    if (missing.length > 0 && (await tx.query(HOLDS_ACCEPTED_QUALIFICATION_SQL, [jobId, learnerId])).length === 0) return missing;
    return [];
  }

  @SqlExample(() => [Example.ID, 'closed'])
  async setStatus(id: string, status: 'open' | 'closed') {
    await queryRows(this.db, `UPDATE job_openings SET status = $2, updated_at = now() WHERE id = $1 RETURNING id`, [id, status]);
  }

  /**
   * Consenting learners the scope lets her refer who meet the opening's requirements and are not
   * referred to it yet, best first: attendance rate, then the most recent certificate.
   */
  @SqlExample(() => [Example.ID, Example.scope('coordinator', 'referral.create')])
  candidates(jobId: string, learners: Scope) {
    const params: unknown[] = [jobId];
    return this.db.query(
      `SELECT u.id AS "learnerId", u.name, o.name AS "orgName", u.learner_type AS "learnerType",
              (SELECT round(avg((m.status IN ('present','late'))::int)::numeric, 4)::float FROM attendance_marks m JOIN class_sessions s ON s.id = m.session_id AND s.cancelled_at IS NULL WHERE m.learner_id = u.id) AS "attendanceRate",
              (SELECT max(z.issued_at) FROM certificates z WHERE z.learner_id = u.id AND z.status = 'valid') AS "latestCertificateAt",
              (SELECT coalesce(sum(z.hours), 0)::float FROM certificates z WHERE z.learner_id = u.id AND z.status = 'valid') AS "classHours"
         FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE u.role = 'learner' AND u.status = 'active' AND ${learners.where({ orgPath: 'o.path' }, params)}
          AND (SELECT action FROM consent_events ce WHERE ce.learner_id = u.id AND ce.scope = 'referrals' ORDER BY ce.at DESC, ce.id DESC LIMIT 1) = 'grant'
          AND (NOT EXISTS (${MISSING_COURSES_SQL.replace(/\$2/g, 'u.id')}) OR EXISTS (${HOLDS_ACCEPTED_QUALIFICATION_SQL.replace(/\$2/g, 'u.id')}))
          AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.learner_id = u.id AND f.job_id = $1)
        ORDER BY "attendanceRate" DESC NULLS LAST, "latestCertificateAt" DESC NULLS LAST, u.name
        LIMIT 200`,
      params,
    );
  }
}
