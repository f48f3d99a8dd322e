import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { queryRows } from '../common/sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { ScopeService } from '../access/scope.service.js';
import type { CreateCourseDto, UpdateCourseDto } from '@hearth/contracts/inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Classes of course `c` still open for enrollment. */
const OPEN_CLASSES = `(SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status IN ('scheduled','running') AND k.ends_on >= ${CHINA_TODAY_SQL}) AS open_classes`;
/** Lessons of course `c`, and its classes in any state but cancelled (what authors need to see). */
const COUNTS = `(SELECT count(*) FROM lessons l WHERE l.course_id = c.id) AS lesson_count, (SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status <> 'cancelled') AS class_count,
  (SELECT o.path FROM organizations o WHERE o.id = c.owner_org_id) AS owner_path`;
/** A root org's path: '/id/'. The national catalogue (no owner) is the root's. */
const isRootPath = (path: string) => /^\/[^/]+\/$/.test(path);

interface CourseRow {
  id: string;
  code: string;
  category: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  description_en: string;
  required_hours: string;
  min_attendance_pct: number;
  pass_mark: number;
  validity_months: number | null;
  required_for_volunteers: boolean;
  published: boolean;
  open_classes?: string;
  lesson_count?: string;
  class_count?: string;
  owner_org_id: string | null;
  owner_path?: string | null;
}

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
  ) {}

  /** An admin whose subtree holds the course's owner org (for the national catalogue: a root admin). */
  private mayEdit(caller: AuthUser | null, row: Pick<CourseRow, 'owner_path'>): boolean {
    if (caller?.role !== 'admin' || !caller.orgPath) return false;
    return row.owner_path ? this.scope.pathInScope(caller, row.owner_path) : isRootPath(caller.orgPath);
  }

  private summary(row: CourseRow, lang: Locale, caller: AuthUser | null = null) {
    return {
      id: row.id,
      code: row.code,
      title: pick(lang, row.title_zh, row.title_en),
      titleZh: row.title_zh,
      titleEn: row.title_en,
      description: pick(lang, row.description_zh, row.description_en),
      category: row.category,
      requiredForVolunteers: row.required_for_volunteers,
      requiredHours: Number(row.required_hours),
      minAttendancePct: row.min_attendance_pct,
      passMark: row.pass_mark,
      validityMonths: row.validity_months,
      published: row.published,
      openClasses: Number(row.open_classes ?? 0),
      lessonCount: Number(row.lesson_count ?? 0),
      classCount: Number(row.class_count ?? 0),
      ownerOrgId: row.owner_org_id ?? null,
      editable: this.mayEdit(caller, row),
    };
  }

  /** The published catalogue; with `includeDrafts`, unpublished courses too (admins only: they author the catalogue). */
  async list(
    category: string | undefined,
    lang: Locale,
    options: { includeDrafts: boolean; caller: AuthUser | null; requestId: string; limit?: number; offset?: number } = { includeDrafts: false, caller: null, requestId: '' },
  ) {
    if (options.includeDrafts) {
      const { caller } = options;
      if (!caller) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in as an admin to see draft courses');
      if (caller.role !== 'admin') {
        await this.audit.record({ actor: caller, action: 'access.denied', entityType: 'route', entityId: 'GET /api/courses?include=drafts', orgId: caller.orgId, requestId: options.requestId });
        throw forbidden('Draft courses are visible to admins only');
      }
    }
    // Drafts: only those of her subtree (the national catalogue's for a root admin).
    const draftsOf = options.includeDrafts && options.caller?.orgPath ? options.caller.orgPath : null;
    const where = `(c.published OR ($2::text IS NOT NULL AND CASE WHEN c.owner_org_id IS NULL THEN $3
                     ELSE EXISTS (SELECT 1 FROM organizations o WHERE o.id = c.owner_org_id AND o.path LIKE $2 || '%') END))
                   AND ($1::text IS NULL OR c.category = $1)`;
    const params = [category ?? null, draftsOf, draftsOf !== null && isRootPath(draftsOf)];
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT c.*, ${OPEN_CLASSES}, ${COUNTS}
           FROM courses c
          WHERE ${where}
          ORDER BY CASE c.category WHEN 'law' THEN 1 WHEN 'care' THEN 2 ELSE 3 END, c.code
          LIMIT $4 OFFSET $5`,
        [...params, options.limit ?? 100, options.offset ?? 0],
      ) as Promise<CourseRow[]>,
      this.db.query(`SELECT count(*)::int AS n FROM courses c WHERE ${where}`, params) as Promise<{ n: number }[]>,
    ]);
    return { items: rows.map((r) => this.summary(r, lang, options.caller)), total: count[0].n };
  }

  /** By id, or by code (e.g. LAW-MPL) for readable links; a draft only for the admins who may change it. */
  async get(idOrCode: string, lang: Locale, caller: AuthUser | null) {
    const rows: CourseRow[] = await this.db.query(
      `SELECT c.*, ${OPEN_CLASSES}, ${COUNTS} FROM courses c WHERE ${UUID.test(idOrCode) ? 'c.id = $1' : 'c.code = upper($1)'}`,
      [idOrCode],
    );
    const course = rows[0];
    if (!course || (!course.published && !this.mayEdit(caller, course))) throw notFound('Course');
    const [lessons, assessments, prerequisites] = await Promise.all([
      this.db.query(`SELECT id, position, title_zh, title_en, body_zh, body_en, hours FROM lessons WHERE course_id = $1 ORDER BY position`, [course.id]),
      this.db.query(
        `SELECT a.id, a.position, a.kind, a.title_zh, a.title_en, a.pass_mark, a.max_attempts, (SELECT count(*) FROM questions q WHERE q.assessment_id = a.id) AS question_count
           FROM assessments a WHERE a.course_id = $1 ORDER BY a.position`,
        [course.id],
      ),
      this.db.query(
        `SELECT p.id, p.code, p.title_zh, p.title_en FROM course_prerequisites cp JOIN courses p ON p.id = cp.prerequisite_id WHERE cp.course_id = $1 ORDER BY p.code`,
        [course.id],
      ),
    ]);
    return {
      ...this.summary(course, lang, caller),
      descriptionZh: course.description_zh,
      descriptionEn: course.description_en,
      lessons: lessons.map((l: { id: string; position: number; title_zh: string; title_en: string; body_zh: string; body_en: string; hours: string }) => ({
        id: l.id,
        position: l.position,
        title: pick(lang, l.title_zh, l.title_en),
        body: pick(lang, l.body_zh, l.body_en),
        titleZh: l.title_zh,
        titleEn: l.title_en,
        bodyZh: l.body_zh,
        bodyEn: l.body_en,
        hours: Number(l.hours),
      })),
      assessments: assessments.map((a: { id: string; position: number; kind: string; title_zh: string; title_en: string; pass_mark: number; max_attempts: number | null; question_count: string }) => ({
        id: a.id,
        kind: a.kind,
        title: pick(lang, a.title_zh, a.title_en),
        passMark: a.pass_mark,
        maxAttempts: a.max_attempts,
        questionCount: Number(a.question_count),
      })),
      prerequisites: prerequisites.map((p: { id: string; code: string; title_zh: string; title_en: string }) => ({ id: p.id, code: p.code, title: pick(lang, p.title_zh, p.title_en) })),
    };
  }

  async create(caller: AuthUser, input: CreateCourseDto, requestId: string, lang: Locale) {
    // Hers by default; another org only inside her subtree (404 otherwise, as for an unknown org).
    const ownerOrgId = input.ownerOrgId ? (await this.scope.requireOrg(caller, input.ownerOrgId)).id : caller.orgId;
    const id = await this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO courses (code, category, title_zh, title_en, description_zh, description_en, required_hours, min_attendance_pct, pass_mark, validity_months, required_for_volunteers, published, owner_org_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [input.code, input.category, input.title, input.titleEn ?? input.title, input.description ?? '', input.descriptionEn ?? '', input.requiredHours, input.minAttendancePct, input.passMark, input.validityMonths ?? null, input.requiredForVolunteers, input.published ?? true, ownerOrgId],
      );
      if (rows.length === 0) throw conflict('CONFLICT', `A course with code ${input.code} already exists`);
      const courseId: string = rows[0].id;
      await this.replacePrerequisites(tx, courseId, input.prerequisiteCourseIds ?? []);
      await this.replaceLessons(tx, courseId, input.lessons ?? []);
      if (input.requiredForVolunteers && (input.published ?? true)) await this.volunteerReadinessChanged(tx);
      await this.audit.record({ actor: caller, action: 'course.create', entityType: 'course', entityId: courseId, orgId: ownerOrgId, requestId, details: { code: input.code } }, tx);
      return courseId;
    });
    return this.get(id, lang, caller);
  }

  async update(caller: AuthUser, id: string, input: UpdateCourseDto, requestId: string, lang: Locale) {
    // Every field is optional on PATCH, and class-validator lets null through optional fields: only
    // validityMonths may be cleared (never expires); for the rest null is a bad request, not a NOT NULL violation.
    const nulls = Object.entries(input).filter(([field, value]) => value === null && field !== 'validityMonths');
    if (nulls.length > 0) throw badRequest(nulls.map(([field]) => `${field} must not be null`));
    // Moved to another org of her subtree only (404 otherwise).
    const newOwner = input.ownerOrgId ? (await this.scope.requireOrg(caller, input.ownerOrgId)).id : undefined;
    await this.db.transaction(async (tx) => {
      const [existing]: { required_for_volunteers: boolean; published: boolean; owner_org_id: string | null; owner_path: string | null }[] = await tx.query(
        `SELECT c.required_for_volunteers, c.published, c.owner_org_id, o.path AS owner_path FROM courses c LEFT JOIN organizations o ON o.id = c.owner_org_id WHERE c.id = $1 FOR UPDATE OF c`,
        [id],
      );
      // Another branch's course (its fields, lessons, publishing): not found, as for an unknown id.
      if (!existing || !this.mayEdit(caller, existing)) throw notFound('Course');
      const countsForReadiness = (c: { required_for_volunteers: boolean; published: boolean }) => c.required_for_volunteers && c.published;
      const after = { required_for_volunteers: input.requiredForVolunteers ?? existing.required_for_volunteers, published: input.published ?? existing.published };
      const columns: [string, unknown][] = [
        ['code', input.code], ['category', input.category], ['title_zh', input.title], ['title_en', input.titleEn],
        ['description_zh', input.description], ['description_en', input.descriptionEn], ['required_hours', input.requiredHours],
        ['min_attendance_pct', input.minAttendancePct], ['pass_mark', input.passMark], ['validity_months', input.validityMonths],
        ['required_for_volunteers', input.requiredForVolunteers], ['published', input.published], ['owner_org_id', newOwner],
      ];
      const set = columns.filter(([, v]) => v !== undefined);
      if (set.length > 0) {
        try {
          await queryRows(tx, `UPDATE courses SET ${set.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...set.map(([, v]) => v)]);
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw conflict('CONFLICT', `A course with code ${input.code} already exists`);
          throw error;
        }
      }
      if (input.prerequisiteCourseIds) await this.replacePrerequisites(tx, id, input.prerequisiteCourseIds);
      if (input.lessons) await this.replaceLessons(tx, id, input.lessons);
      if (countsForReadiness(existing) !== countsForReadiness(after)) await this.volunteerReadinessChanged(tx);
      await this.audit.record({ actor: caller, action: 'course.update', entityType: 'course', entityId: id, orgId: newOwner ?? existing.owner_org_id ?? caller.orgId, requestId, details: { fields: Object.keys(input) } }, tx);
    });
    return this.get(id, lang, caller);
  }

  /**
   * A required course published or withdrawn changes every caring mother's readiness at once, with no
   * write to her own rows: the dashboards' aggregates of every org holding volunteer mothers are
   * queued for the refresh job.
   */
  private async volunteerReadinessChanged(tx: EntityManager) {
    await tx.query(
      `INSERT INTO stats_dirty (org_id)
       SELECT DISTINCT org_id FROM users WHERE role = 'learner' AND learner_type = 'volunteer_mother' AND status = 'active' AND org_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
  }

  private async replacePrerequisites(tx: EntityManager, courseId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    if (unique.includes(courseId)) throw new AppError(422, 'VALIDATION_FAILED', 'A course cannot be its own prerequisite');
    const found = await tx.query(`SELECT id FROM courses WHERE id = ANY($1)`, [unique]);
    if (found.length !== unique.length) throw new AppError(400, 'VALIDATION_FAILED', 'prerequisiteCourseIds names a course that does not exist');
    // A prerequisite that (indirectly) requires this course would make both impossible to take.
    const cycle = await tx.query(
      `WITH RECURSIVE chain(id) AS (SELECT unnest($1::uuid[]) UNION SELECT cp.prerequisite_id FROM course_prerequisites cp JOIN chain ON cp.course_id = chain.id)
       SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
      [unique, courseId],
    );
    if (cycle.length > 0) throw new AppError(422, 'VALIDATION_FAILED', 'These prerequisites would form a cycle');
    await tx.query(`DELETE FROM course_prerequisites WHERE course_id = $1`, [courseId]);
    if (unique.length > 0) await tx.query(`INSERT INTO course_prerequisites (course_id, prerequisite_id) SELECT $1, unnest($2::uuid[])`, [courseId, unique]);
  }

  /** Inside the caller's transaction: a lesson the database refuses leaves the old lessons in place. */
  private async replaceLessons(tx: EntityManager, courseId: string, lessons: CreateCourseDto['lessons'] & object) {
    await tx.query(`DELETE FROM lessons WHERE course_id = $1`, [courseId]);
    if (lessons.length === 0) return;
    await tx.query(
      `INSERT INTO lessons (course_id, position, title_zh, title_en, body_zh, body_en, hours)
       SELECT $1, ord, t, te, b, be, h FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[]) WITH ORDINALITY AS l(t, te, b, be, h, ord)`,
      [courseId, lessons.map((l) => l.title), lessons.map((l) => l.titleEn ?? l.title), lessons.map((l) => l.body), lessons.map((l) => l.bodyEn ?? ''), lessons.map((l) => l.hours)],
    );
  }
}
