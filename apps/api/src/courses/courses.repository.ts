import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Scope } from '../access/access-policy.js';
import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/** Classes of course `c` still open for enrollment. */
const OPEN_CLASSES = `(SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status IN ('scheduled','running') AND k.ends_on >= ${CHINA_TODAY_SQL}) AS open_classes`;
/** Lessons of course `c`, and its classes in any state but cancelled (what authors need to see). */
const COUNTS = `(SELECT count(*) FROM lessons l WHERE l.course_id = c.id) AS lesson_count, (SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status <> 'cancelled') AS class_count,
  (SELECT o.path FROM organizations o WHERE o.id = c.owner_org_id) AS owner_path`;

export interface CourseRow {
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

export interface LessonInput {
  title: string;
  titleEn?: string;
  body: string;
  bodyEn?: string;
  hours: number;
}

/** Column values of a new course, in the order of the INSERT. */
export type NewCourse = [
  code: string,
  category: string,
  titleZh: string,
  titleEn: string,
  descriptionZh: string,
  descriptionEn: string,
  requiredHours: number,
  minAttendancePct: number,
  passMark: number,
  validityMonths: number | null,
  requiredForVolunteers: boolean,
  published: boolean,
  ownerOrgId: string | null,
];

@SqlRepository('courses')
@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The published catalogue, plus the drafts `drafts` reaches (null: none). `rootPath` is the caller's
   * root, where the national catalogue (no owner) sits.
   */
  @SqlExample(() => [Example.scope('admin', 'course.manage'), `/${Example.ID}/`, 'law', { limit: 100, offset: 0 }])
  async list(
    drafts: Scope | null,
    rootPath: string | null,
    category: string | undefined,
    page: { limit: number; offset: number },
  ): Promise<{ rows: CourseRow[]; total: number }> {
    const params: unknown[] = [category ?? null];
    const draftsSql = drafts
      ? drafts.where(
          { orgPath: `coalesce((SELECT o.path FROM organizations o WHERE o.id = c.owner_org_id), $${params.push(rootPath)}::text)`, published: 'c.published' },
          params,
        )
      : 'false';
    const where = `(c.published OR ${draftsSql}) AND ($1::text IS NULL OR c.category = $1)`;
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT c.*, ${OPEN_CLASSES}, ${COUNTS}
           FROM courses c
          WHERE ${where}
          ORDER BY CASE c.category WHEN 'law' THEN 1 WHEN 'care' THEN 2 ELSE 3 END, c.code
          LIMIT ${page.limit} OFFSET ${page.offset}`,
        params,
      ) as Promise<CourseRow[]>,
      this.db.query(`SELECT count(*)::int AS n FROM courses c WHERE ${where}`, params) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  /** By id, or by code (any case). */
  @SqlExample(() => ['LAW-MPL'])
  async find(idOrCode: string, byId = false): Promise<CourseRow | null> {
    const rows: CourseRow[] = await this.db.query(`SELECT c.*, ${OPEN_CLASSES}, ${COUNTS} FROM courses c WHERE ${byId ? 'c.id = $1' : 'c.code = upper($1)'}`, [
      idOrCode,
    ]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID])
  async lessons(
    courseId: string,
  ): Promise<{ id: string; position: number; title_zh: string; title_en: string; body_zh: string; body_en: string; hours: string }[]> {
    return this.db.query(`SELECT id, position, title_zh, title_en, body_zh, body_en, hours FROM lessons WHERE course_id = $1 ORDER BY position`, [courseId]);
  }

  @SqlExample(() => [Example.ID])
  async assessments(
    courseId: string,
  ): Promise<
    { id: string; position: number; kind: string; title_zh: string; title_en: string; pass_mark: number; max_attempts: number | null; question_count: string }[]
  > {
    return this.db.query(
      `SELECT a.id, a.position, a.kind, a.title_zh, a.title_en, a.pass_mark, a.max_attempts, (SELECT count(*) FROM questions q WHERE q.assessment_id = a.id) AS question_count
         FROM assessments a WHERE a.course_id = $1 ORDER BY a.position`,
      [courseId],
    );
  }

  @SqlExample(() => [Example.ID])
  async prerequisites(courseId: string): Promise<{ id: string; code: string; title_zh: string; title_en: string }[]> {
    return this.db.query(
      `SELECT p.id, p.code, p.title_zh, p.title_en FROM course_prerequisites cp JOIN courses p ON p.id = cp.prerequisite_id WHERE cp.course_id = $1 ORDER BY p.code`,
      [courseId],
    );
  }

  @SqlExample(() => [Example.ID])
  async orgPath(orgId: string): Promise<string | null> {
    const rows: { path: string }[] = await this.db.query(`SELECT path FROM organizations WHERE id = $1`, [orgId]);
    return rows[0]?.path ?? null;
  }

  /** The new course's id, or null if the code is taken. */
  @SqlExample(() => [['LAW-X', 'law', '法', 'Law', '', '', 2, 80, 60, null, false, true, null] satisfies NewCourse])
  async insert(values: NewCourse, manager?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await (manager ?? this.db.manager).query(
      `INSERT INTO courses (code, category, title_zh, title_en, description_zh, description_en, required_hours, min_attendance_pct, pass_mark, validity_months, required_for_volunteers, published, owner_org_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      values,
    );
    return rows[0]?.id ?? null;
  }

  @SqlExample(() => [Example.ID])
  async lockForUpdate(
    id: string,
    manager?: EntityManager,
  ): Promise<{ required_for_volunteers: boolean; published: boolean; owner_org_id: string | null; owner_path: string | null } | null> {
    const [existing] = await (manager ?? this.db.manager).query(
      `SELECT c.required_for_volunteers, c.published, c.owner_org_id, o.path AS owner_path FROM courses c LEFT JOIN organizations o ON o.id = c.owner_org_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return existing ?? null;
  }

  /** Sets the given columns (names come from the service, never from input). */
  @SqlExample(() => [Example.ID, [['required_hours', 10]]])
  async update(id: string, set: [column: string, value: unknown][], manager?: EntityManager): Promise<void> {
    await queryRows(manager ?? this.db.manager, `UPDATE courses SET ${set.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
      id,
      ...set.map(([, v]) => v),
    ]);
  }

  /**
   * A required course published or withdrawn changes every caring mother's readiness at once, with no
   * write to her own rows: the dashboards' aggregates of every org holding volunteer mothers are
   * queued for the refresh job.
   */
  @SqlExample(() => [])
  async volunteerReadinessChanged(manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `INSERT INTO stats_dirty (org_id)
       SELECT DISTINCT org_id FROM users WHERE role = 'learner' AND learner_type = 'volunteer_mother' AND status = 'active' AND org_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
  }

  @SqlExample(() => [[Example.ID, Example.ID2]])
  async countExisting(ids: string[], manager?: EntityManager): Promise<number> {
    const found: unknown[] = await (manager ?? this.db.manager).query(`SELECT id FROM courses WHERE id = ANY($1)`, [ids]);
    return found.length;
  }

  /** A prerequisite that (indirectly) requires this course would make both impossible to take. */
  @SqlExample(() => [[Example.ID2], Example.ID])
  async wouldCycle(prerequisiteIds: string[], courseId: string, manager?: EntityManager): Promise<boolean> {
    const cycle: unknown[] = await (manager ?? this.db.manager).query(
      `WITH RECURSIVE chain(id) AS (SELECT unnest($1::uuid[]) UNION SELECT cp.prerequisite_id FROM course_prerequisites cp JOIN chain ON cp.course_id = chain.id)
       SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
      [prerequisiteIds, courseId],
    );
    return cycle.length > 0;
  }

  @SqlExample(() => [Example.ID, [Example.ID2]])
  async setPrerequisites(courseId: string, ids: string[], manager?: EntityManager): Promise<void> {
    const tx = manager ?? this.db.manager;
    await tx.query(`DELETE FROM course_prerequisites WHERE course_id = $1`, [courseId]);
    if (ids.length > 0) await tx.query(`INSERT INTO course_prerequisites (course_id, prerequisite_id) SELECT $1, unnest($2::uuid[])`, [courseId, ids]);
  }

  @SqlExample(() => [Example.ID, [{ title: '一', body: '…', hours: 1 }]])
  async setLessons(courseId: string, lessons: LessonInput[], manager?: EntityManager): Promise<void> {
    const tx = manager ?? this.db.manager;
    await tx.query(`DELETE FROM lessons WHERE course_id = $1`, [courseId]);
    if (lessons.length === 0) return;
    await tx.query(
      `INSERT INTO lessons (course_id, position, title_zh, title_en, body_zh, body_en, hours)
       SELECT $1, ord, t, te, b, be, h FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[]) WITH ORDINALITY AS l(t, te, b, be, h, ord)`,
      [
        courseId,
        lessons.map((l) => l.title),
        lessons.map((l) => l.titleEn ?? l.title),
        lessons.map((l) => l.body),
        lessons.map((l) => l.bodyEn ?? ''),
        lessons.map((l) => l.hours),
      ],
    );
  }
}
