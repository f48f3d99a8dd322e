import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PHONE_PATTERN, canStillComplete, type AttendanceOutlook, type Locale } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { queryRows } from '../common/sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { EFFECTIVE_STATUS } from '../classes/class-queries.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ATTENDANCE_OUTLOOK_SQL, EXISTING_ENROLLMENT_SQL, INSERT_ENROLLMENT_SQL, LOCK_CLASS_SQL, MISSING_PREREQUISITES_SQL, MY_ENROLLMENTS_SQL, SEAT_TAKEN_SQL, WAITLIST_JOINED_SQL } from './enrollment-queries.js';

interface LockedClass {
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

export interface EnrolResult {
  id: string;
  classId: string;
  learnerId: string;
  status: 'enrolled' | 'waitlisted';
  waitlistPosition?: number;
  warnings?: 'TOO_LATE_TO_COMPLETE'[];
}

/**
 * Seats are a counter on the class row, changed only while holding that row's lock
 * (SELECT … FOR UPDATE), and the database refuses enrolled_count > capacity. So concurrent
 * enrollments queue on the lock and can never oversell; the waitlist is numbered 1..n under the same lock.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Which learner the request is about: herself, or (for staff) one of their subtree by id or phone. */
  async resolveLearner(caller: AuthUser, learnerId?: string, phone?: string): Promise<string> {
    if (caller.role === 'learner') {
      if ((learnerId && learnerId !== caller.id) || phone) throw forbidden('Learners may only enrol themselves');
      return caller.id;
    }
    if (!learnerId && !phone) throw badRequest('learnerId or phone is required to enrol a learner');
    if (phone && !PHONE_PATTERN.test(phone)) throw badRequest('phone must be a mainland mobile number: 11 digits starting with 13-19');
    const rows: { id: string }[] = await this.db.query(
      `SELECT u.id FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE ${learnerId ? 'u.id = $1' : 'u.phone = $1'} AND u.role = 'learner' AND u.status = 'active' AND o.path LIKE $2`,
      [learnerId ?? phone, this.scope.subtreePattern(caller)],
    );
    if (rows.length === 0) throw notFound('Learner');
    return rows[0].id;
  }

  private async lockClass(tx: EntityManager, classId: string): Promise<LockedClass | null> {
    const rows: LockedClass[] = await tx.query(
      LOCK_CLASS_SQL,
      [classId],
    );
    return rows[0] ?? null;
  }

  async enrol(caller: AuthUser, classId: string, learnerId: string, lang: Locale): Promise<EnrolResult> {
    const selfService = caller.role === 'learner';
    return this.db.transaction(async (tx) => {
      const k = await this.lockClass(tx, classId);
      if (!k || (selfService ? !k.published : !this.scope.pathInScope(caller, k.path))) throw notFound('Class');
      const closed = selfService ? ['finished', 'cancelled'].includes(k.effective_status) : ['finished', 'cancelled'].includes(k.status);
      if (closed) throw new AppError(422, 'CLASS_CLOSED', 'This class has finished or was cancelled; choose another class');
      const existing = await tx.query(EXISTING_ENROLLMENT_SQL, [classId, learnerId]);
      if (existing.length > 0) {
        throw conflict('ALREADY_ENROLLED', existing[0].status === 'waitlisted' ? 'Already on the waitlist of this class' : 'Already enrolled in this class', { status: existing[0].status });
      }
      const missing: { id: string; code: string; title_zh: string; title_en: string }[] = await tx.query(
        MISSING_PREREQUISITES_SQL,
        [k.course_id, learnerId],
      );
      if (missing.length > 0) {
        throw new AppError(422, 'PREREQUISITE_MISSING', `A valid certificate is needed first for: ${missing.map((m) => m.code).join(', ')}`, {
          missing: missing.map((m) => ({ courseId: m.id, code: m.code, title: pick(lang, m.title_zh, m.title_en) })),
        });
      }
      // Joining the waitlist counts too: a seat freed later cannot bring back the sessions already gone.
      const [outlook] = await queryRows<AttendanceOutlook>(tx, ATTENDANCE_OUTLOOK_SQL, [classId, learnerId]);
      const tooLate = !canStillComplete({ minAttendancePct: k.min_attendance_pct, requiredHours: k.required_hours }, outlook);
      if (tooLate && selfService) {
        throw new AppError(422, 'TOO_LATE_TO_COMPLETE', 'The sessions left in this class cannot reach the course attendance or hours rule; choose a later class');
      }
      const seat = k.enrolled_count < k.capacity;
      const position = seat ? null : k.waitlist_count + 1;
      const rows = await tx.query(
        INSERT_ENROLLMENT_SQL,
        [classId, learnerId, seat ? 'enrolled' : 'waitlisted', position, caller.id],
      );
      await tx.query(
        seat ? SEAT_TAKEN_SQL : WAITLIST_JOINED_SQL,
        [classId],
      );
      return {
        id: rows[0].id,
        classId,
        learnerId,
        status: seat ? 'enrolled' : 'waitlisted',
        ...(position ? { waitlistPosition: position } : {}),
        ...(tooLate ? { warnings: ['TOO_LATE_TO_COMPLETE' as const] } : {}),
      };
    });
  }

  /** Fills free seats from the head of the waitlist. Call with the class row locked. */
  async promoteWaitlisted(tx: EntityManager, classId: string): Promise<string[]> {
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
    await tx.query(
      `UPDATE classes SET enrolled_count = enrolled_count + $2, waitlist_count = waitlist_count - $2, updated_at = now() WHERE id = $1`,
      [classId, promoted.length],
    );
    for (const p of promoted) await this.notifications.queue(tx, p.learner_id, 'enrollment.promoted', { classId, course: p.title });
    return promoted.map((p) => p.learner_id);
  }

  async withdraw(caller: AuthUser, enrollmentId: string): Promise<void> {
    const head: { class_id: string }[] = await this.db.query(`SELECT class_id FROM enrollments WHERE id = $1`, [enrollmentId]);
    if (head.length === 0) throw notFound('Enrollment');
    await this.db.transaction(async (tx) => {
      const k = await this.lockClass(tx, head[0].class_id);
      const rows: { learner_id: string; status: string; waitlist_position: number | null }[] = await tx.query(
        `SELECT learner_id, status, waitlist_position FROM enrollments WHERE id = $1`,
        [enrollmentId],
      );
      const e = rows[0];
      const allowed = caller.role === 'learner' ? e.learner_id === caller.id : this.scope.pathInScope(caller, k!.path);
      if (!allowed) throw notFound('Enrollment');
      if (e.status === 'withdrawn') return;
      if (e.status === 'completed' || e.status === 'failed') throw new AppError(422, 'INVALID_TRANSITION', 'A completed or failed enrollment cannot be withdrawn');
      await this.withdrawLocked(tx, head[0].class_id, { id: enrollmentId, status: e.status as 'enrolled' | 'waitlisted', waitlist_position: e.waitlist_position });
    });
  }

  /** Withdraws an enrolled or waitlisted enrollment and fills the seat from the waitlist. Call with the class row locked. */
  private async withdrawLocked(tx: EntityManager, classId: string, e: { id: string; status: 'enrolled' | 'waitlisted'; waitlist_position: number | null }) {
    await tx.query(`UPDATE enrollments SET status = 'withdrawn', waitlist_position = NULL, withdrawn_at = now(), updated_at = now() WHERE id = $1`, [e.id]);
    if (e.status === 'enrolled') {
      await tx.query(`UPDATE classes SET enrolled_count = enrolled_count - 1, updated_at = now() WHERE id = $1`, [classId]);
      await this.promoteWaitlisted(tx, classId);
    } else {
      await tx.query(
        `UPDATE enrollments SET waitlist_position = waitlist_position - 1 WHERE class_id = $1 AND status = 'waitlisted' AND waitlist_position > $2`,
        [classId, e.waitlist_position],
      );
      await tx.query(`UPDATE classes SET waitlist_count = waitlist_count - 1, updated_at = now() WHERE id = $1`, [classId]);
    }
  }

  /**
   * Withdraws a learner from every class not yet finished (her account is being erased), inside the
   * caller's transaction, promoting from each waitlist as a normal withdrawal does. Classes are locked
   * in id order, so two erasures never deadlock on each other.
   */
  async withdrawFromUnfinished(tx: EntityManager, learnerId: string): Promise<number> {
    const live = await queryRows<{ class_id: string }>(
      tx,
      `SELECT DISTINCT e.class_id FROM enrollments e JOIN classes k ON k.id = e.class_id
        WHERE e.learner_id = $1 AND e.status IN ('enrolled','waitlisted') AND (${EFFECTIVE_STATUS}) IN ('scheduled','running')
        ORDER BY e.class_id`,
      [learnerId],
    );
    let withdrawn = 0;
    for (const { class_id: classId } of live) {
      await this.lockClass(tx, classId);
      // Read again under the lock: a concurrent withdrawal may have moved her.
      const rows = await queryRows<{ id: string; status: 'enrolled' | 'waitlisted'; waitlist_position: number | null }>(
        tx,
        `SELECT id, status, waitlist_position FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status IN ('enrolled','waitlisted')`,
        [classId, learnerId],
      );
      for (const e of rows) {
        await this.withdrawLocked(tx, classId, e);
        withdrawn += 1;
      }
    }
    return withdrawn;
  }

  /** The roster: enrolled learners by name, then the waitlist in order. Phones are masked for instructors; an erased learner shows as '' (as users do). */
  async roster(caller: AuthUser, classId: string, limit: number, offset: number) {
    const rows: { path: string; instructor_id: string | null }[] = await this.db.query(
      `SELECT o.path, k.instructor_id FROM classes k JOIN organizations o ON o.id = k.org_id WHERE k.id = $1`,
      [classId],
    );
    const k = rows[0];
    const allowed = k && (caller.role === 'instructor' ? k.instructor_id === caller.id : this.scope.pathInScope(caller, k.path));
    if (!allowed) throw notFound('Class');
    const items = await this.db.query(
      `SELECT e.id, e.learner_id AS "learnerId", coalesce(u.name, '') AS name,
              ${caller.role === 'instructor' ? `regexp_replace(coalesce(u.phone, ''), '^(\\d{3})\\d{4}(\\d{4})$', '\\1****\\2')` : `coalesce(u.phone, '')`} AS phone,
              u.learner_type AS "learnerType", e.status, e.waitlist_position AS "waitlistPosition", e.created_at AS "createdAt"
         FROM enrollments e JOIN users u ON u.id = e.learner_id
        WHERE e.class_id = $1 AND e.status <> 'withdrawn'
        ORDER BY (e.status = 'waitlisted'), e.waitlist_position NULLS FIRST, u.name COLLATE hearth_names, e.id
        LIMIT $2 OFFSET $3`,
      [classId, limit, offset],
    );
    const total = await this.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE class_id = $1 AND status <> 'withdrawn'`, [classId]);
    return { items, total: total[0].n };
  }

  async mine(caller: AuthUser, lang: Locale) {
    const rows = await this.db.query(
      MY_ENROLLMENTS_SQL,
      [caller.id],
    );
    const items = rows.map(({ title_zh, title_en, ...r }: { title_zh: string; title_en: string }) => ({ ...r, courseTitle: pick(lang, title_zh, title_en) }));
    return { items, total: items.length };
  }
}
