import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttendanceOutlook } from '@hearth/contracts';
import type { Scope } from '../access/access-policy.js';
import { EFFECTIVE_STATUS } from '../classes/classes.repository.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/*
 * The statements of self-enrollment and of a learner's home page are exported as plain text too, so the
 * benchmark's database-limit anchors (tests/bench/lib/sql.mjs) replay exactly what the API sends.
 */

/** $1 class: the class row locked for the seat count, with what the enrollment rules read. */
export const LOCK_CLASS_SQL = `SELECT k.id, k.course_id, k.capacity, k.enrolled_count, k.waitlist_count, k.status, ${EFFECTIVE_STATUS} AS effective_status,
              c.published, o.path, c.title_zh, c.min_attendance_pct, c.required_hours::float AS required_hours
         FROM classes k JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE k.id = $1 FOR UPDATE OF k`;

/**
 * $1 class, $2 learner: her standing in the class's held sessions (start in the past — the sessions her
 * rate is computed over) and the hours of each session still ahead. Marks from an earlier, withdrawn
 * enrollment still count, as they do for her certificate.
 */
export const ATTENDANCE_OUTLOOK_SQL = `SELECT count(*) FILTER (WHERE s.starts_at <= now())::int AS "sessionsHeld",
              count(*) FILTER (WHERE s.starts_at <= now() AND m.status IN ('present','late'))::int AS "sessionsAttended",
              coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600) FILTER (WHERE s.starts_at <= now() AND m.status IN ('present','late')), 0)::float AS "hoursAttended",
              coalesce(json_agg(extract(epoch FROM s.ends_at - s.starts_at)::float / 3600 ORDER BY s.starts_at) FILTER (WHERE s.starts_at > now()), '[]'::json) AS "remainingSessionHours"
         FROM class_sessions s LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = $2
        WHERE s.class_id = $1`;

/** $1 class, $2 learner. */
export const EXISTING_ENROLLMENT_SQL = `SELECT status, waitlist_position FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status <> 'withdrawn'`;

/** $1 course, $2 learner: prerequisites she holds no valid certificate for. */
export const MISSING_PREREQUISITES_SQL = `SELECT p.id, p.code, p.title_zh, p.title_en
           FROM course_prerequisites cp JOIN courses p ON p.id = cp.prerequisite_id
          WHERE cp.course_id = $1
            AND NOT EXISTS (SELECT 1 FROM certificates z WHERE z.learner_id = $2 AND z.course_id = p.id AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now()))
          ORDER BY p.code`;

/** $1 class, $2 learner, $3 status, $4 waitlist position, $5 enrolled by. */
export const INSERT_ENROLLMENT_SQL = `INSERT INTO enrollments (class_id, learner_id, status, waitlist_position, enrolled_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`;
export const SEAT_TAKEN_SQL = `UPDATE classes SET enrolled_count = enrolled_count + 1 WHERE id = $1`;
export const WAITLIST_JOINED_SQL = `UPDATE classes SET waitlist_count = waitlist_count + 1 WHERE id = $1`;

/** $1 learner: her enrollments with class, course and next session, newest class first. */
export const MY_ENROLLMENTS_SQL = `SELECT e.id, e.status, e.waitlist_position AS "waitlistPosition", e.created_at AS "createdAt",
              k.id AS "classId", ${EFFECTIVE_STATUS} AS "classStatus", to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
              k.location, o.name AS "orgName", c.id AS "courseId", c.code AS "courseCode", c.title_zh, c.title_en, c.category,
              (SELECT count(*)::int FROM class_sessions s WHERE s.class_id = k.id AND s.cancelled_at IS NULL) AS "sessionCount",
              (SELECT json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at, 'location', s.location)
                 FROM class_sessions s WHERE s.class_id = k.id AND s.ends_at > now() AND s.cancelled_at IS NULL ORDER BY s.starts_at LIMIT 1) AS "nextSession"
         FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE e.learner_id = $1 AND e.status <> 'withdrawn'
        ORDER BY k.starts_on DESC`;

export interface LockedClass {
  id: string;
  course_id: string;
  capacity: number;
  enrolled_count: number;
  waitlist_count: number;
  status: string;
  effective_status: string;
  published: boolean;
  path: string;
  title_zh: string;
  min_attendance_pct: number;
  required_hours: number;
}

export interface EnrollmentState {
  id: string;
  status: 'enrolled' | 'waitlisted';
  waitlist_position: number | null;
}

export interface StudyPackClassRow {
  enrollment_id: string;
  status: 'enrolled' | 'waitlisted' | 'completed';
  lessons: { position: number; body_zh: string; body_en: string }[] | null;
  quiz_ids: string[] | null;
}

@SqlRepository('enrollments')
@Injectable()
export class EnrollmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active learner the scope reaches, by id or by phone. */
  @SqlExample(() => [Example.scope('coordinator', 'enrollee.enrol-others'), { phone: Example.PHONE }])
  async findLearner(scope: Scope, by: { id?: string; phone?: string }): Promise<string | null> {
    const params: unknown[] = [by.id ?? by.phone];
    const rows: { id: string }[] = await this.db.query(
      `SELECT u.id FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE ${by.id ? 'u.id = $1' : 'u.phone = $1'} AND u.role = 'learner' AND u.status = 'active' AND ${scope.where({ orgPath: 'o.path', subjectId: 'u.id' }, params)}`,
      params,
    );
    return rows[0]?.id ?? null;
  }

  @SqlExample(() => [Example.ID])
  async lockClass(classId: string, manager?: EntityManager): Promise<LockedClass | null> {
    const rows: LockedClass[] = await (manager ?? this.db.manager).query(LOCK_CLASS_SQL, [classId]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async existing(classId: string, learnerId: string, manager?: EntityManager): Promise<{ status: string; waitlist_position: number | null } | null> {
    const rows: { status: string; waitlist_position: number | null }[] = await (manager ?? this.db.manager).query(EXISTING_ENROLLMENT_SQL, [
      classId,
      learnerId,
    ]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async missingPrerequisites(
    courseId: string,
    learnerId: string,
    manager?: EntityManager,
  ): Promise<{ id: string; code: string; title_zh: string; title_en: string }[]> {
    return (manager ?? this.db.manager).query(MISSING_PREREQUISITES_SQL, [courseId, learnerId]);
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async attendanceOutlook(classId: string, learnerId: string, manager?: EntityManager): Promise<AttendanceOutlook> {
    const [outlook] = await queryRows<AttendanceOutlook>(manager ?? this.db.manager, ATTENDANCE_OUTLOOK_SQL, [classId, learnerId]);
    return outlook;
  }

  /** A seat if one is free, else the end of the waitlist; the class row must be locked. */
  @SqlExample(() => [{ classId: Example.ID, learnerId: Example.ID2, seat: true, position: null, enrolledBy: Example.ID }])
  async insert(
    e: { classId: string; learnerId: string; seat: boolean; position: number | null; enrolledBy: string },
    manager?: EntityManager,
  ): Promise<string> {
    const tx = manager ?? this.db.manager;
    const rows: { id: string }[] = await tx.query(INSERT_ENROLLMENT_SQL, [
      e.classId,
      e.learnerId,
      e.seat ? 'enrolled' : 'waitlisted',
      e.position,
      e.enrolledBy,
    ]);
    await tx.query(e.seat ? SEAT_TAKEN_SQL : WAITLIST_JOINED_SQL, [e.classId]);
    return rows[0].id;
  }

  /** Moves the head of the waitlist into the free seats and renumbers the rest; the class row must be locked. */
  @SqlExample(() => [Example.ID])
  async promoteWaitlisted(classId: string, manager?: EntityManager): Promise<{ learner_id: string; title: string }[]> {
    const tx = manager ?? this.db.manager;
    const promoted = await queryRows<{ learner_id: string; title: string }>(
      tx,
      `WITH k AS (SELECT capacity - enrolled_count AS free FROM classes WHERE id = $1),
            heads AS (SELECT e.id FROM enrollments e, k WHERE e.class_id = $1 AND e.status = 'waitlisted' ORDER BY e.waitlist_position LIMIT (SELECT greatest(free, 0) FROM k))
       UPDATE enrollments e SET status = 'enrolled', waitlist_position = NULL, updated_at = now()
         FROM heads WHERE e.id = heads.id
       RETURNING e.learner_id, (SELECT c.title_zh FROM classes k2 JOIN courses c ON c.id = k2.course_id WHERE k2.id = $1) AS title`,
      [classId],
    );
    if (promoted.length === 0) return [];
    await tx.query(
      `WITH ranked AS (SELECT id, row_number() OVER (ORDER BY waitlist_position) AS pos FROM enrollments WHERE class_id = $1 AND status = 'waitlisted')
       UPDATE enrollments e SET waitlist_position = ranked.pos FROM ranked WHERE e.id = ranked.id AND e.waitlist_position <> ranked.pos`,
      [classId],
    );
    await tx.query(`UPDATE classes SET enrolled_count = enrolled_count + $2, waitlist_count = waitlist_count - $2, updated_at = now() WHERE id = $1`, [
      classId,
      promoted.length,
    ]);
    return promoted;
  }

  @SqlExample(() => [Example.ID])
  async classOf(enrollmentId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { class_id: string }[] = await (manager ?? this.db.manager).query(`SELECT class_id FROM enrollments WHERE id = $1`, [enrollmentId]);
    return rows[0]?.class_id ?? null;
  }

  @SqlExample(() => [Example.ID])
  async find(enrollmentId: string, manager?: EntityManager): Promise<{ learner_id: string; status: string; waitlist_position: number | null }> {
    const rows: { learner_id: string; status: string; waitlist_position: number | null }[] = await (manager ?? this.db.manager).query(
      `SELECT learner_id, status, waitlist_position FROM enrollments WHERE id = $1`,
      [enrollmentId],
    );
    return rows[0];
  }

  /** Withdraws an enrolled or waitlisted enrollment and frees its seat or closes the gap in the waitlist (promotion is the caller's). */
  @SqlExample(() => [Example.ID, { id: Example.ID2, status: 'waitlisted', waitlist_position: 2 }])
  async withdraw(classId: string, e: EnrollmentState, manager?: EntityManager): Promise<void> {
    const tx = manager ?? this.db.manager;
    await tx.query(`UPDATE enrollments SET status = 'withdrawn', waitlist_position = NULL, withdrawn_at = now(), updated_at = now() WHERE id = $1`, [e.id]);
    if (e.status === 'enrolled') {
      await tx.query(`UPDATE classes SET enrolled_count = enrolled_count - 1, updated_at = now() WHERE id = $1`, [classId]);
    } else {
      await tx.query(
        `UPDATE enrollments SET waitlist_position = waitlist_position - 1 WHERE class_id = $1 AND status = 'waitlisted' AND waitlist_position > $2`,
        [classId, e.waitlist_position],
      );
      await tx.query(`UPDATE classes SET waitlist_count = waitlist_count - 1, updated_at = now() WHERE id = $1`, [classId]);
    }
  }

  /** Classes not yet finished in which she holds a seat or a waitlist place, in id order. */
  @SqlExample(() => [Example.ID])
  async liveClassIds(learnerId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await queryRows<{ class_id: string }>(
      manager ?? this.db.manager,
      `SELECT DISTINCT e.class_id FROM enrollments e JOIN classes k ON k.id = e.class_id
        WHERE e.learner_id = $1 AND e.status IN ('enrolled','waitlisted') AND (${EFFECTIVE_STATUS}) IN ('scheduled','running')
        ORDER BY e.class_id`,
      [learnerId],
    );
    return rows.map((r) => r.class_id);
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async live(classId: string, learnerId: string, manager?: EntityManager): Promise<EnrollmentState[]> {
    return queryRows<EnrollmentState>(
      manager ?? this.db.manager,
      `SELECT id, status, waitlist_position FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status IN ('enrolled','waitlisted')`,
      [classId, learnerId],
    );
  }

  /** What the roster's access rule reads of a class. */
  @SqlExample(() => [Example.ID])
  async classFacts(classId: string): Promise<{ path: string; instructor_id: string | null } | null> {
    const rows: { path: string; instructor_id: string | null }[] = await this.db.query(
      `SELECT o.path, k.instructor_id FROM classes k JOIN organizations o ON o.id = k.org_id WHERE k.id = $1`,
      [classId],
    );
    return rows[0] ?? null;
  }

  /** Enrolled learners by name, then the waitlist in order; phones masked unless `fullPhones`. */
  @SqlExample(() => [Example.ID, false, 100, 0])
  async roster(classId: string, fullPhones: boolean, limit: number, offset: number) {
    const items: Record<string, unknown>[] = await this.db.query(
      `SELECT e.id, e.learner_id AS "learnerId", coalesce(u.name, '') AS name,
              ${fullPhones ? `coalesce(u.phone, '')` : `regexp_replace(coalesce(u.phone, ''), '^(\\d{3})\\d{4}(\\d{4})$', '\\1****\\2')`} AS phone,
              u.learner_type AS "learnerType", e.status, e.waitlist_position AS "waitlistPosition", e.created_at AS "createdAt"
         FROM enrollments e JOIN users u ON u.id = e.learner_id
        WHERE e.class_id = $1 AND e.status <> 'withdrawn'
        ORDER BY (e.status = 'waitlisted'), e.waitlist_position NULLS FIRST, u.name COLLATE hearth_names, e.id
        LIMIT $2 OFFSET $3`,
      [classId, limit, offset],
    );
    const total: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE class_id = $1 AND status <> 'withdrawn'`, [classId]);
    return { items, total: total[0].n };
  }

  @SqlExample(() => [Example.ID])
  async mine(learnerId: string): Promise<({ title_zh: string; title_en: string } & Record<string, unknown>)[]> {
    return this.db.query(MY_ENROLLMENTS_SQL, [learnerId]);
  }

  /** Her live classes for the study pack, newest first, with lessons and quizzes. */
  @SqlExample(() => [Example.ID, 60, 6])
  async studyPackClasses(learnerId: string, lessonsPerClass: number, classes: number): Promise<StudyPackClassRow[]> {
    return this.db.query(
      `SELECT e.id AS enrollment_id, e.status,
              (SELECT json_agg(json_build_object('position', l.position, 'body_zh', l.body_zh, 'body_en', l.body_en) ORDER BY l.position)
                 FROM (SELECT * FROM lessons WHERE course_id = k.course_id ORDER BY position LIMIT $2) l) AS lessons,
              CASE WHEN e.status = 'waitlisted' THEN NULL
                   ELSE (SELECT array_agg(a.id ORDER BY a.position) FROM assessments a WHERE a.course_id = k.course_id AND a.kind = 'quiz') END AS quiz_ids
         FROM enrollments e JOIN classes k ON k.id = e.class_id
        WHERE e.learner_id = $1 AND e.status IN ('enrolled','waitlisted','completed') AND k.status <> 'cancelled'
        ORDER BY k.starts_on DESC, e.created_at DESC LIMIT $3`,
      [learnerId, lessonsPerClass, classes],
    );
  }

  @SqlExample(() => [Example.ID, 20])
  async studyPackCertificates(learnerId: string, limit: number): Promise<{ code: string }[]> {
    return this.db.query(`SELECT code FROM certificates WHERE learner_id = $1 ORDER BY issued_at DESC LIMIT $2`, [learnerId, limit]);
  }
}
