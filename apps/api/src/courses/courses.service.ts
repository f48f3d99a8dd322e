import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../access/access-policy.js';
import { courseOrgPath } from '../access/rules/courses.js';
import { CoursesRepository, type CourseRow } from './courses.repository.js';
import type { CreateCourseDto, UpdateCourseDto } from '@hearth/contracts/inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly courses: CoursesRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** An admin whose subtree holds the course's owner org (for the national catalogue: a root admin). */
  private mayEdit(caller: AuthUser | null, row: Pick<CourseRow, 'owner_path'>): boolean {
    return !!caller && this.policy.can(caller, 'course.manage', { orgPath: courseOrgPath(row.owner_path, caller.orgPath) });
  }

  /** An org of her subtree, to own a course; 404 otherwise, as for an unknown org. */
  private async requireOwner(caller: AuthUser, orgId: string): Promise<string> {
    const path = await this.courses.orgPath(orgId);
    if (!path || !this.policy.can(caller, 'course.manage', { orgPath: path })) throw notFound('Organization');
    return orgId;
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
    options: { includeDrafts: boolean; caller: AuthUser | null; requestId: string; limit?: number; offset?: number } = {
      includeDrafts: false,
      caller: null,
      requestId: '',
    },
  ) {
    const { caller } = options;
    const drafts = options.includeDrafts && caller ? this.policy.scope(caller, 'course.manage') : null;
    if (options.includeDrafts) {
      if (!caller) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in as an admin to see draft courses');
      if (!drafts!.any) {
        await this.audit.record({
          actor: caller,
          action: 'access.denied',
          entityType: 'route',
          entityId: 'GET /api/courses?include=drafts',
          orgId: caller.orgId,
          requestId: options.requestId,
        });
        throw forbidden('Draft courses are visible to admins only');
      }
    }
    // Drafts: only those of her subtree (the national catalogue's for a root admin).
    const { rows, total } = await this.courses.list(drafts, courseOrgPath(null, caller?.orgPath), category, {
      limit: options.limit ?? 100,
      offset: options.offset ?? 0,
    });
    return { items: rows.map((r) => this.summary(r, lang, options.caller)), total };
  }

  /** By id, or by code (e.g. LAW-MPL) for readable links; a draft only for the admins who may change it. */
  async get(idOrCode: string, lang: Locale, caller: AuthUser | null) {
    const course = await this.courses.find(idOrCode, UUID.test(idOrCode));
    // A draft only for the admins who may change it; signed out, published courses only.
    const readable =
      course &&
      (caller
        ? this.policy.can(caller, 'course.read', { orgPath: courseOrgPath(course.owner_path, caller.orgPath), published: course.published })
        : course.published);
    if (!course || !readable) throw notFound('Course');
    const [lessons, assessments, prerequisites] = await Promise.all([
      this.courses.lessons(course.id),
      this.courses.assessments(course.id),
      this.courses.prerequisites(course.id),
    ]);
    return {
      ...this.summary(course, lang, caller),
      descriptionZh: course.description_zh,
      descriptionEn: course.description_en,
      lessons: lessons.map((l) => ({
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
      assessments: assessments.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: pick(lang, a.title_zh, a.title_en),
        passMark: a.pass_mark,
        maxAttempts: a.max_attempts,
        questionCount: Number(a.question_count),
      })),
      prerequisites: prerequisites.map((p) => ({ id: p.id, code: p.code, title: pick(lang, p.title_zh, p.title_en) })),
    };
  }

  async create(caller: AuthUser, input: CreateCourseDto, requestId: string, lang: Locale) {
    // Hers by default; another org only inside her subtree (404 otherwise, as for an unknown org).
    const ownerOrgId = input.ownerOrgId ? await this.requireOwner(caller, input.ownerOrgId) : caller.orgId;
    const id = await this.db.transaction(async (tx) => {
      const courseId = await this.courses.insert(
        [
          input.code,
          input.category,
          input.title,
          input.titleEn ?? input.title,
          input.description ?? '',
          input.descriptionEn ?? '',
          input.requiredHours,
          input.minAttendancePct,
          input.passMark,
          input.validityMonths ?? null,
          input.requiredForVolunteers,
          input.published ?? true,
          ownerOrgId,
        ],
        tx,
      );
      if (!courseId) throw conflict('CONFLICT', `A course with code ${input.code} already exists`);
      await this.replacePrerequisites(tx, courseId, input.prerequisiteCourseIds ?? []);
      await this.replaceLessons(tx, courseId, input.lessons ?? []);
      if (input.requiredForVolunteers && (input.published ?? true)) await this.volunteerReadinessChanged(tx);
      await this.audit.record(
        { actor: caller, action: 'course.create', entityType: 'course', entityId: courseId, orgId: ownerOrgId, requestId, details: { code: input.code } },
        tx,
      );
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
    const newOwner = input.ownerOrgId ? await this.requireOwner(caller, input.ownerOrgId) : undefined;
    await this.db.transaction(async (tx) => {
      const existing = await this.courses.lockForUpdate(id, tx);
      // Another branch's course (its fields, lessons, publishing): not found, as for an unknown id.
      if (!existing || !this.mayEdit(caller, existing)) throw notFound('Course');
      const countsForReadiness = (c: { required_for_volunteers: boolean; published: boolean }) => c.required_for_volunteers && c.published;
      const after = {
        required_for_volunteers: input.requiredForVolunteers ?? existing.required_for_volunteers,
        published: input.published ?? existing.published,
      };
      const columns: [string, unknown][] = [
        ['code', input.code],
        ['category', input.category],
        ['title_zh', input.title],
        ['title_en', input.titleEn],
        ['description_zh', input.description],
        ['description_en', input.descriptionEn],
        ['required_hours', input.requiredHours],
        ['min_attendance_pct', input.minAttendancePct],
        ['pass_mark', input.passMark],
        ['validity_months', input.validityMonths],
        ['required_for_volunteers', input.requiredForVolunteers],
        ['published', input.published],
        ['owner_org_id', newOwner],
      ];
      const set = columns.filter(([, v]) => v !== undefined);
      if (set.length > 0) {
        try {
          await this.courses.update(id, set, tx);
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw conflict('CONFLICT', `A course with code ${input.code} already exists`);
          throw error;
        }
      }
      if (input.prerequisiteCourseIds) await this.replacePrerequisites(tx, id, input.prerequisiteCourseIds);
      if (input.lessons) await this.replaceLessons(tx, id, input.lessons);
      if (countsForReadiness(existing) !== countsForReadiness(after)) await this.volunteerReadinessChanged(tx);
      await this.audit.record(
        {
          actor: caller,
          action: 'course.update',
          entityType: 'course',
          entityId: id,
          orgId: newOwner ?? existing.owner_org_id ?? caller.orgId,
          requestId,
          details: { fields: Object.keys(input) },
        },
        tx,
      );
    });
    return this.get(id, lang, caller);
  }

  private async volunteerReadinessChanged(tx: EntityManager) {
    await this.courses.volunteerReadinessChanged(tx);
  }

  private async replacePrerequisites(tx: EntityManager, courseId: string, ids: string[]) {
    const unique = [...new Set(ids)];
    if (unique.includes(courseId)) throw new AppError(422, 'VALIDATION_FAILED', 'A course cannot be its own prerequisite');
    if ((await this.courses.countExisting(unique, tx)) !== unique.length)
      throw new AppError(400, 'VALIDATION_FAILED', 'prerequisiteCourseIds names a course that does not exist');
    if (await this.courses.wouldCycle(unique, courseId, tx)) throw new AppError(422, 'VALIDATION_FAILED', 'These prerequisites would form a cycle');
    await this.courses.setPrerequisites(courseId, unique, tx);
  }

  /** Inside the caller's transaction: a lesson the database refuses leaves the old lessons in place. */
  private async replaceLessons(tx: EntityManager, courseId: string, lessons: CreateCourseDto['lessons'] & object) {
    await this.courses.setLessons(courseId, lessons, tx);
  }
}
