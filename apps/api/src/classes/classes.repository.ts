import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { OrgKind } from '@hearth/contracts';
import type { Scope } from '../access/access-policy.js';
import { CHINA_TODAY_SQL, CHINA_TZ } from '../common/china-time.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/** SQL shared by class reads: the effective status follows the calendar (China time) unless finished or cancelled by hand. */
export const TODAY = CHINA_TODAY_SQL;

export const EFFECTIVE_STATUS = `CASE WHEN k.status IN ('cancelled','finished') THEN k.status
  WHEN ${TODAY} > k.ends_on THEN 'finished'
  WHEN ${TODAY} >= k.starts_on THEN 'running' ELSE 'scheduled' END`;

export const CLASS_SELECT = `
  SELECT k.id, k.course_id AS "courseId", c.code AS "courseCode", c.title_zh AS "titleZh", c.title_en AS "titleEn", c.category,
         k.org_id AS "orgId", o.name AS "orgName", o.path AS "orgPath", k.instructor_id AS "instructorId", i.name AS "instructorName",
         to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
         k.capacity, k.enrolled_count AS "enrolledCount", k.waitlist_count AS "waitlistCount", k.location,
         ${EFFECTIVE_STATUS} AS status,
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'location', s.location, 'cancelledAt', s.cancelled_at) ORDER BY s.starts_at)
                     FROM class_sessions s WHERE s.class_id = k.id), '[]'::json) AS sessions
    FROM classes k
    JOIN courses c ON c.id = k.course_id
    JOIN organizations o ON o.id = k.org_id
    LEFT JOIN users i ON i.id = k.instructor_id`;

export interface ClassRow {
  id: string;
  courseId: string;
  courseCode: string;
  titleZh: string;
  titleEn: string;
  category: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  instructorId: string | null;
  instructorName: string | null;
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  location: string;
  status: string;
  sessions: { id: string; startsAt: string; endsAt: string; location: string; cancelledAt: string | null }[];
}

export interface NewClass {
  courseId: string;
  orgId: string;
  instructorId: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  location: string;
  createdBy: string;
  sessions: { startsAt: string; endsAt: string; location: string }[];
}

export interface ClassFilter {
  courseId?: string;
  /** Classes held in this org's subtree. */
  orgPath?: string;
  /** true: scheduled or running; false: finished or cancelled. */
  open?: boolean;
}

/** A class locked for a change of its own fields. */
export interface LockedClassForUpdate {
  capacity: number;
  enrolled_count: number;
  path: string;
  org_id: string;
  instructor_id: string | null;
}

/** A class locked so schedule changes of one class happen one at a time. */
export interface LockedClass {
  id: string;
  org_id: string;
  path: string;
  status: string;
  instructor_id: string | null;
  location: string;
  title: string;
}

export interface SessionRow {
  id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  cancelled_at: Date | null;
}

/** A session as the API answers it. */
export interface SessionDto {
  id: string;
  classId: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  cancelledAt: Date | null;
}

const SESSION_RETURNING = `id, class_id AS "classId", starts_at AS "startsAt", ends_at AS "endsAt", location, cancelled_at AS "cancelledAt"`;

const NEW_CLASS: NewClass = {
  courseId: Example.ID,
  orgId: Example.ID2,
  instructorId: Example.ID,
  startsOn: Example.DAY,
  endsOn: Example.DAY,
  capacity: 20,
  location: 'Hall',
  createdBy: Example.ID,
  sessions: [{ startsAt: '2026-01-01T01:00:00Z', endsAt: '2026-01-01T03:00:00Z', location: 'Hall' }],
};

@SqlRepository('classes')
@Injectable()
export class ClassesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async findOrg(id: string, manager?: EntityManager): Promise<{ id: string; kind: OrgKind; path: string } | null> {
    const rows: { id: string; kind: OrgKind; path: string }[] = await (manager ?? this.db.manager).query(
      `SELECT id, kind, path FROM organizations WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID])
  async courseExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT id FROM courses WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The org path of an active instructor, or null. */
  @SqlExample(() => [Example.ID])
  async instructorOrgPath(instructorId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { path: string }[] = await (manager ?? this.db.manager).query(
      `SELECT o.path FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'instructor' AND u.status = 'active'`,
      [instructorId],
    );
    return rows[0]?.path ?? null;
  }

  /** The class and its sessions; returns the class id. */
  @SqlExample(() => [NEW_CLASS])
  async insert(input: NewClass, manager?: EntityManager): Promise<string> {
    const tx = manager ?? this.db.manager;
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO classes (course_id, org_id, instructor_id, starts_on, ends_on, capacity, location, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [input.courseId, input.orgId, input.instructorId, input.startsOn, input.endsOn, input.capacity, input.location, input.createdBy],
    );
    const classId = rows[0].id;
    if (input.sessions.length > 0) {
      await tx.query(
        `INSERT INTO class_sessions (class_id, starts_at, ends_at, location)
         SELECT $1, s, e, l FROM unnest($2::timestamptz[], $3::timestamptz[], $4::text[]) AS x(s, e, l)`,
        [classId, input.sessions.map((s) => s.startsAt), input.sessions.map((s) => s.endsAt), input.sessions.map((s) => s.location)],
      );
    }
    return classId;
  }

  @SqlExample(() => [Example.scope('coordinator', 'class.list'), { courseId: Example.ID, orgPath: `/${Example.ID}/`, open: true }, { limit: 20, offset: 0 }])
  async list(scope: Scope, filter: ClassFilter, page: { limit: number; offset: number }): Promise<{ rows: ClassRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [scope.where({ orgPath: 'o.path', instructorId: 'k.instructor_id', published: 'c.published' }, params)];
    if (filter.courseId) where.push(`k.course_id = $${params.push(filter.courseId)}`);
    if (filter.orgPath) where.push(`o.path LIKE $${params.push(`${filter.orgPath}%`)}`);
    if (filter.open === true) where.push(`(${EFFECTIVE_STATUS}) IN ('scheduled','running')`);
    if (filter.open === false) where.push(`(${EFFECTIVE_STATUS}) IN ('finished','cancelled')`);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [rows, count] = await Promise.all([
      this.db.query(`${CLASS_SELECT} ${whereSql} ORDER BY k.starts_on, k.id LIMIT ${page.limit} OFFSET ${page.offset}`, params) as Promise<ClassRow[]>,
      this.db.query(
        `SELECT count(*)::int AS total FROM classes k JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id ${whereSql}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows, total: count[0].total };
  }

  @SqlExample(() => [Example.ID])
  async findRow(id: string, manager?: EntityManager): Promise<ClassRow | null> {
    const rows: ClassRow[] = await (manager ?? this.db.manager).query(`${CLASS_SELECT} WHERE k.id = $1`, [id]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID])
  async lockForUpdate(id: string, manager?: EntityManager): Promise<LockedClassForUpdate | null> {
    const rows: LockedClassForUpdate[] = await (manager ?? this.db.manager).query(
      `SELECT k.capacity, k.enrolled_count, o.path, k.org_id, k.instructor_id FROM classes k JOIN organizations o ON o.id = k.org_id WHERE k.id = $1 FOR UPDATE OF k`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Sets the given columns (only these four may change). */
  @SqlExample(() => [Example.ID, { capacity: 30, location: 'Hall' }])
  async update(id: string, fields: { status?: string; capacity?: number; location?: string; instructor_id?: string }, manager?: EntityManager): Promise<void> {
    const set = (['status', 'capacity', 'location', 'instructor_id'] as const).filter((c) => fields[c] !== undefined).map((c) => [c, fields[c]] as const);
    if (set.length === 0) return;
    await queryRows(manager ?? this.db.manager, `UPDATE classes SET ${set.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
      id,
      ...set.map(([, v]) => v),
    ]);
  }

  // Sessions

  @SqlExample(() => [Example.ID])
  async lockWithTitle(classId: string, manager?: EntityManager): Promise<LockedClass | null> {
    const rows: LockedClass[] = await (manager ?? this.db.manager).query(
      `SELECT k.id, k.org_id, o.path, k.status, k.instructor_id, k.location, c.title_zh AS title
         FROM classes k JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id
        WHERE k.id = $1 FOR UPDATE OF k`,
      [classId],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID])
  async sessionClassId(sessionId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { class_id: string }[] = await (manager ?? this.db.manager).query(`SELECT class_id FROM class_sessions WHERE id = $1`, [sessionId]);
    return rows[0]?.class_id ?? null;
  }

  @SqlExample(() => [Example.ID])
  async lockSession(sessionId: string, manager?: EntityManager): Promise<SessionRow> {
    const rows: SessionRow[] = await (manager ?? this.db.manager).query(
      `SELECT id, class_id, starts_at, ends_at, location, cancelled_at FROM class_sessions WHERE id = $1 FOR UPDATE`,
      [sessionId],
    );
    return rows[0];
  }

  @SqlExample(() => [Example.ID])
  async session(sessionId: string, manager?: EntityManager): Promise<SessionDto> {
    const rows: SessionDto[] = await (manager ?? this.db.manager).query(`SELECT ${SESSION_RETURNING} FROM class_sessions WHERE id = $1`, [sessionId]);
    return rows[0];
  }

  /** Class dates follow the schedule: a session moved or added outside them widens them (China calendar days). */
  @SqlExample(() => [Example.ID, '2026-01-01T01:00:00Z', '2026-01-01T03:00:00Z'])
  async coverDates(classId: string, startsAt: string, endsAt: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `UPDATE classes SET starts_on = least(starts_on, ($2::timestamptz AT TIME ZONE '${CHINA_TZ}')::date),
                          ends_on = greatest(ends_on, ($3::timestamptz AT TIME ZONE '${CHINA_TZ}')::date), updated_at = now()
        WHERE id = $1`,
      [classId, startsAt, endsAt],
    );
  }

  @SqlExample(() => [Example.ID])
  async enrolledLearnerIds(classId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { learner_id: string }[] = await (manager ?? this.db.manager).query(
      `SELECT learner_id FROM enrollments WHERE class_id = $1 AND status = 'enrolled'`,
      [classId],
    );
    return rows.map((r) => r.learner_id);
  }

  /** The dashboards' attendance counts depend on which sessions are held and in which month. */
  @SqlExample(() => [Example.ID])
  async markOrgDirty(orgId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`SELECT mark_org_dirty($1)`, [orgId]);
  }

  @SqlExample(() => [Example.ID, { startsAt: '2026-01-01T01:00:00Z', endsAt: '2026-01-01T03:00:00Z', location: 'Hall' }])
  async insertSession(classId: string, s: { startsAt: string; endsAt: string; location: string }, manager?: EntityManager): Promise<SessionDto> {
    const [row] = await queryRows<SessionDto>(
      manager ?? this.db.manager,
      `INSERT INTO class_sessions (class_id, starts_at, ends_at, location) VALUES ($1, $2, $3, $4) RETURNING ${SESSION_RETURNING}`,
      [classId, s.startsAt, s.endsAt, s.location],
    );
    return row;
  }

  @SqlExample(() => [Example.ID, { startsAt: '2026-01-01T01:00:00Z', endsAt: '2026-01-01T03:00:00Z', location: 'Hall' }])
  async moveSession(sessionId: string, s: { startsAt: string; endsAt: string; location: string }, manager?: EntityManager): Promise<SessionDto> {
    const [row] = await queryRows<SessionDto>(
      manager ?? this.db.manager,
      `UPDATE class_sessions SET starts_at = $2, ends_at = $3, location = $4 WHERE id = $1 RETURNING ${SESSION_RETURNING}`,
      [sessionId, s.startsAt, s.endsAt, s.location],
    );
    return row;
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async cancelSession(sessionId: string, cancelledBy: string, manager?: EntityManager): Promise<SessionDto> {
    const [row] = await queryRows<SessionDto>(
      manager ?? this.db.manager,
      `UPDATE class_sessions SET cancelled_at = now(), cancelled_by = $2 WHERE id = $1 RETURNING ${SESSION_RETURNING}`,
      [sessionId, cancelledBy],
    );
    return row;
  }
}
