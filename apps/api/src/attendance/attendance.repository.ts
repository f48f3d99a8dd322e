import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/*
 * The statements of a roster save are exported as plain text too, so the benchmark's database-limit
 * anchor (tests/bench/lib/sql.mjs) replays exactly what the API sends.
 */

/**
 * One statement for the whole batch: upsert every mark, and write history for the ones that changed.
 * $1 session, $2 learner ids, $3 statuses, $4 notes, $5 source, $6 marked by, $7 clientMutationId, $8 class.
 * Times are clock_timestamp(), taken once the session lock is held: now() is the transaction's start,
 * and a batch that waited for the lock would otherwise sort before the one it overwrote.
 */
export const MARK_BATCH_SQL = `WITH input AS (
           SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[]) AS i(learner_id, status, note)
         ), prev AS (
           SELECT m.learner_id, m.status, m.note FROM attendance_marks m JOIN input i USING (learner_id) WHERE m.session_id = $1
         ), up AS (
           INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, note, source, marked_by, client_mutation_id, marked_at)
           SELECT $1, i.learner_id, e.id, i.status, i.note, $5, $6, $7, clock_timestamp()
             FROM input i JOIN enrollments e ON e.class_id = $8 AND e.learner_id = i.learner_id AND e.status IN ('enrolled','completed','failed')
           ON CONFLICT (session_id, learner_id) DO UPDATE
             SET status = EXCLUDED.status, note = EXCLUDED.note, source = EXCLUDED.source, marked_by = EXCLUDED.marked_by,
                 marked_at = clock_timestamp(), client_mutation_id = EXCLUDED.client_mutation_id
             WHERE (attendance_marks.status, attendance_marks.note) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.note)
           RETURNING learner_id, status, note
         ), hist AS (
           INSERT INTO attendance_history (session_id, learner_id, old_status, new_status, old_note, new_note, source, changed_by, client_mutation_id, changed_at)
           SELECT $1, up.learner_id, prev.status, up.status, prev.note, up.note, $5, $6, $7, clock_timestamp() FROM up LEFT JOIN prev USING (learner_id)
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM hist)::int AS changed`;

/**
 * After a change: enrollments of these learners ($2) in the class ($1) that may now be complete.
 * Attendance and hours are pre-checked (loosely, so nobody complete is left out): a course without
 * assessments would otherwise send every marked learner through the full check. The cheap tests run
 * first (materialized), so attendance is only summed for learners still in the running.
 */
export const COMPLETION_CANDIDATES_SQL = `WITH open AS MATERIALIZED (
         SELECT e.id, e.learner_id, e.class_id, c.min_attendance_pct, c.required_hours
           FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id
          WHERE e.class_id = $1 AND e.learner_id = ANY($2) AND e.status = 'enrolled'
            AND NOT EXISTS (SELECT 1 FROM certificates z WHERE z.enrollment_id = e.id)
            AND NOT EXISTS (
              SELECT 1 FROM assessments a WHERE a.course_id = k.course_id
                 AND NOT EXISTS (SELECT 1 FROM assessment_attempts t WHERE t.assessment_id = a.id AND t.enrollment_id = e.id AND t.passed)
                 AND NOT EXISTS (SELECT 1 FROM assessment_results r WHERE r.assessment_id = a.id AND r.enrollment_id = e.id AND r.passed))
       )
       SELECT o.id FROM open o
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE s.starts_at < now()) AS held,
                 count(*) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late')) AS attended,
                 coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late')), 0) AS hours
            FROM class_sessions s LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = o.learner_id
           WHERE s.class_id = o.class_id AND s.cancelled_at IS NULL) att
        WHERE (o.min_attendance_pct = 0 OR (att.held > 0 AND att.attended * 100 >= (o.min_attendance_pct - 0.01) * att.held))
          AND att.hours >= o.required_hours - 0.01`;

/** A session with what access and marking rules need; the locking form is used inside a roster save. */
const SESSION_SELECT = `SELECT s.id, s.class_id, s.starts_at, s.ends_at, s.cancelled_at, o.path, k.instructor_id, c.min_attendance_pct
         FROM class_sessions s JOIN classes k ON k.id = s.class_id JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id
        WHERE s.id = $1`;
export const SESSION_SQL = SESSION_SELECT;
export const SESSION_FOR_UPDATE_SQL = `${SESSION_SELECT} FOR UPDATE OF s`;

/** $1 key, $2 request hash. A concurrent replay waits on the key's unique index until the first attempt ends. */
export const IDEMPOTENCY_CLAIM_SQL = `INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`;
/** $1 key, $2 the response to replay. */
export const IDEMPOTENCY_STORE_SQL = `UPDATE idempotency_keys SET status_code = 200, response = $2 WHERE key = $1`;

/** $1 class, $2 learner ids: those of the batch not enrolled in the class. */
export const NOT_ENROLLED_SQL = `SELECT i.learner_id FROM unnest($2::uuid[]) AS i(learner_id)
          WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = $1 AND e.learner_id = i.learner_id AND e.status IN ('enrolled','completed','failed'))`;

/** $1 session, $2 class: one row per enrolled learner with her current mark (an erased learner's name is ''). */
export const ROSTER_ROWS_SQL = `SELECT e.learner_id AS "learnerId", coalesce(u.name, '') AS name, e.id AS "enrollmentId", m.status, m.note
           FROM enrollments e JOIN users u ON u.id = e.learner_id
           LEFT JOIN attendance_marks m ON m.session_id = $1 AND m.learner_id = e.learner_id
          WHERE e.class_id = $2 AND e.status IN ('enrolled','completed','failed')
          ORDER BY u.name COLLATE hearth_names, e.id`;

/** Summaries per enrollment, computed in one grouped query (no per-learner queries). A cancelled session is never held. */
const SUMMARY_SELECT = `
  SELECT e.id AS "enrollmentId", e.learner_id AS "learnerId", c.min_attendance_pct AS "minPct",
         count(s.id)::int AS "totalSessions",
         count(s.id) FILTER (WHERE s.starts_at < now())::int AS sessions,
         count(m.status) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late'))::int AS attended,
         coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late')), 0)::float AS hours
    FROM enrollments e
    JOIN classes k ON k.id = e.class_id
    JOIN courses c ON c.id = k.course_id
    LEFT JOIN class_sessions s ON s.class_id = e.class_id AND s.cancelled_at IS NULL
    LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = e.learner_id`;
/** $1 class: every enrolled learner's summary. */
export const CLASS_SUMMARIES_SQL = `${SUMMARY_SELECT} WHERE e.class_id = $1 AND e.status IN ('enrolled','completed','failed') GROUP BY e.id, c.min_attendance_pct`;
/** $1 enrollment. */
export const ENROLLMENT_SUMMARY_SQL = `${SUMMARY_SELECT} WHERE e.id = $1 GROUP BY e.id, c.min_attendance_pct`;

export interface SessionRow {
  id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
  path: string;
  instructor_id: string | null;
  min_attendance_pct: number;
}

export interface SummaryRow {
  enrollmentId: string;
  learnerId: string;
  sessions: number;
  totalSessions: number;
  attended: number;
  hours: number;
  minPct: number;
}

export interface MarkBatch {
  sessionId: string;
  classId: string;
  learnerIds: string[];
  statuses: string[];
  notes: (string | null)[];
  source: string;
  markedBy: string;
  clientMutationId: string | null;
}

@SqlRepository('attendance')
@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The session with what access and marking rules need; `lock` inside a roster save. */
  @SqlExample(() => [Example.ID, undefined, true])
  async session(sessionId: string, manager?: EntityManager, lock = false): Promise<SessionRow | null> {
    const rows: SessionRow[] = await (manager ?? this.db.manager).query(lock ? SESSION_FOR_UPDATE_SQL : SESSION_SQL, [sessionId]);
    return rows[0] ?? null;
  }

  /** True if the key is new; a concurrent replay waits on the key's unique index until the first attempt ends. */
  @SqlExample(() => ['attendance:example', 'hash'])
  async claimIdempotencyKey(key: string, requestHash: string, manager?: EntityManager): Promise<boolean> {
    const claimed: unknown[] = await (manager ?? this.db.manager).query(IDEMPOTENCY_CLAIM_SQL, [key, requestHash]);
    return claimed.length > 0;
  }

  @SqlExample(() => ['attendance:example'])
  async storedIdempotencyKey(key: string, manager?: EntityManager): Promise<{ request_hash: string; response: unknown }> {
    const [stored] = await (manager ?? this.db.manager).query(`SELECT request_hash, response FROM idempotency_keys WHERE key = $1`, [key]);
    return stored;
  }

  @SqlExample(() => ['attendance:example', { saved: 1, changed: 1 }])
  async storeIdempotentResponse(key: string, response: unknown, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(IDEMPOTENCY_STORE_SQL, [key, response]);
  }

  /** Those of the learners not enrolled in the class. */
  @SqlExample(() => [Example.ID, [Example.ID2]])
  async notEnrolled(classId: string, learnerIds: string[], manager?: EntityManager): Promise<string[]> {
    const rows: { learner_id: string }[] = await (manager ?? this.db.manager).query(NOT_ENROLLED_SQL, [classId, learnerIds]);
    return rows.map((r) => r.learner_id);
  }

  /** Upserts the marks; returns how many changed. */
  @SqlExample(() => [
    {
      sessionId: Example.ID,
      classId: Example.ID2,
      learnerIds: [Example.ID2],
      statuses: ['present'],
      notes: [null],
      source: 'roster',
      markedBy: Example.ID,
      clientMutationId: null,
    },
  ])
  async markBatch(b: MarkBatch, manager?: EntityManager): Promise<number> {
    const [{ changed }] = await (manager ?? this.db.manager).query(MARK_BATCH_SQL, [
      b.sessionId,
      b.learnerIds,
      b.statuses,
      b.notes,
      b.source,
      b.markedBy,
      b.clientMutationId,
      b.classId,
    ]);
    return changed;
  }

  @SqlExample(() => [Example.ID, [Example.ID2]])
  async completionCandidates(classId: string, learnerIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(COMPLETION_CANDIDATES_SQL, [classId, learnerIds]);
    return rows.map((r) => r.id);
  }

  @SqlExample(() => [Example.ID])
  async classSummaries(classId: string, manager?: EntityManager): Promise<SummaryRow[]> {
    return (manager ?? this.db.manager).query(CLASS_SUMMARIES_SQL, [classId]);
  }

  @SqlExample(() => [Example.ID])
  async enrollmentSummary(enrollmentId: string, manager?: EntityManager): Promise<SummaryRow | null> {
    const rows: SummaryRow[] = await (manager ?? this.db.manager).query(ENROLLMENT_SUMMARY_SQL, [enrollmentId]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID, Example.ID2])
  async rosterRows(
    sessionId: string,
    classId: string,
  ): Promise<{ learnerId: string; name: string; enrollmentId: string; status: string | null; note: string | null }[]> {
    return this.db.query(ROSTER_ROWS_SQL, [sessionId, classId]);
  }

  @SqlExample(() => [Example.ID])
  async history(sessionId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT h.id::text, h.learner_id AS "learnerId", coalesce(l.name, '') AS "learnerName", h.old_status AS "from", h.new_status AS "to",
              h.old_note AS "fromNote", h.new_note AS "toNote", h.source, h.changed_by AS "changedBy", coalesce(c.name, '') AS "changedByName", h.changed_at AS "changedAt"
         FROM attendance_history h JOIN users l ON l.id = h.learner_id JOIN users c ON c.id = h.changed_by
        WHERE h.session_id = $1 ORDER BY h.changed_at, h.id`,
      [sessionId],
    );
  }

  /** Her enrollment in the class that counts for attendance, if any. */
  @SqlExample(() => [Example.ID, Example.ID2])
  async enrollmentOf(classId: string, learnerId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await (manager ?? this.db.manager).query(
      `SELECT id FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status IN ('enrolled','completed','failed')`,
      [classId, learnerId],
    );
    return rows[0]?.id ?? null;
  }

  /** She marks herself present (history only when the mark changed). */
  @SqlExample(() => [Example.ID, Example.ID2, Example.ID])
  async checkIn(sessionId: string, learnerId: string, enrollmentId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `WITH prev AS (SELECT status, note FROM attendance_marks WHERE session_id = $1 AND learner_id = $2),
            up AS (
              INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, source, marked_by, marked_at)
              VALUES ($1, $2, $3, 'present', 'check-in', $2, clock_timestamp())
              ON CONFLICT (session_id, learner_id) DO UPDATE SET status = 'present', source = 'check-in', marked_by = $2, marked_at = clock_timestamp()
                WHERE attendance_marks.status <> 'present'
              RETURNING status)
       INSERT INTO attendance_history (session_id, learner_id, old_status, new_status, source, changed_by, changed_at)
       SELECT $1, $2, (SELECT status FROM prev), up.status, 'check-in', $2, clock_timestamp() FROM up`,
      [sessionId, learnerId, enrollmentId],
    );
  }

  /** The session and her mark, only if she is enrolled in its class. */
  @SqlExample(() => [Example.ID, Example.ID2])
  async checkInState(
    sessionId: string,
    learnerId: string,
  ): Promise<{ starts_at: Date; ends_at: Date; cancelled_at: Date | null; status: string | null } | null> {
    const rows: { starts_at: Date; ends_at: Date; cancelled_at: Date | null; status: string | null }[] = await this.db.query(
      `SELECT s.starts_at, s.ends_at, s.cancelled_at, m.status
         FROM class_sessions s
         JOIN enrollments e ON e.class_id = s.class_id AND e.learner_id = $2 AND e.status IN ('enrolled','completed','failed')
         LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = $2
        WHERE s.id = $1`,
      [sessionId, learnerId],
    );
    return rows[0] ?? null;
  }

  /** What the enrollment's access rule reads. */
  @SqlExample(() => [Example.ID])
  async enrollmentFacts(enrollmentId: string): Promise<{ learner_id: string; instructor_id: string | null; path: string } | null> {
    const rows: { learner_id: string; instructor_id: string | null; path: string }[] = await this.db.query(
      `SELECT e.learner_id, k.instructor_id, o.path FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN organizations o ON o.id = k.org_id WHERE e.id = $1`,
      [enrollmentId],
    );
    return rows[0] ?? null;
  }
}
