import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { deriveKey, KEY_LABELS } from '../config/keys.js';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { issueCode, verifyCode } from './check-in-code.js';
import type { MarkAttendanceDto } from '@hearth/contracts/inputs';
import { CLASS_SUMMARIES_SQL, COMPLETION_CANDIDATES_SQL, ENROLLMENT_SUMMARY_SQL, IDEMPOTENCY_CLAIM_SQL, IDEMPOTENCY_STORE_SQL, MARK_BATCH_SQL, NOT_ENROLLED_SQL, ROSTER_ROWS_SQL, SESSION_FOR_UPDATE_SQL, SESSION_SQL } from './attendance-queries.js';
import { ThrottleService } from '../throttle/throttle.service.js';

interface SessionRow {
  id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  cancelled_at: Date | null;
  path: string;
  instructor_id: string | null;
  min_attendance_pct: number;
}

export interface AttendanceSummary {
  enrollmentId: string;
  learnerId: string;
  /** Sessions whose start is in the past. */
  sessions: number;
  totalSessions: number;
  attended: number;
  /** attended / sessions, 0..1 (0 before the first session). */
  rate: number;
  hours: number;
  /** Even attending every remaining session cannot reach the course minimum. */
  cannotReachMinimum: boolean;
  /** Half the sessions are held and her rate is under the minimum. */
  belowMinimum: boolean;
}

const MARK_EARLY_MINUTES = 15;
const LATE_MARKING_DAYS = 7;


type SummaryRow = Omit<AttendanceSummary, 'rate' | 'cannotReachMinimum' | 'belowMinimum'> & { minPct: number };

function toSummary(r: SummaryRow): AttendanceSummary {
  const rate = r.sessions > 0 ? r.attended / r.sessions : 0;
  const best = r.totalSessions > 0 ? (r.attended + (r.totalSessions - r.sessions)) / r.totalSessions : 1;
  return {
    enrollmentId: r.enrollmentId,
    learnerId: r.learnerId,
    sessions: r.sessions,
    totalSessions: r.totalSessions,
    attended: r.attended,
    rate: Math.round(rate * 10000) / 10000,
    hours: Math.round(r.hours * 100) / 100,
    cannotReachMinimum: best * 100 < r.minPct,
    belowMinimum: r.totalSessions > 0 && r.sessions * 2 >= r.totalSessions && rate * 100 < r.minPct,
  };
}

const tooManyCodes = (retryAfter: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `Too many wrong check-in codes; try again in ${Math.ceil(retryAfter / 60)} minutes`, { retryAfter });

@Injectable()
export class AttendanceService {
  private readonly codeSecret: Buffer;
  private readonly logger = new Logger('Attendance');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly throttle: ThrottleService,
  ) {
    this.codeSecret = deriveKey(config.jwtSecret, KEY_LABELS.checkInCode);
  }

  private async loadSession(sessionId: string, manager: EntityManager = this.db.manager, lock = false): Promise<SessionRow | null> {
    const rows: SessionRow[] = await manager.query(
      lock ? SESSION_FOR_UPDATE_SQL : SESSION_SQL,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  /** The class's own instructor, or coordinators and admins of its subtree; anyone else sees nothing. */
  private canManage(caller: AuthUser, s: SessionRow): boolean {
    return caller.role === 'instructor' ? s.instructor_id === caller.id : this.scope.pathInScope(caller, s.path);
  }

  async mark(caller: AuthUser, sessionId: string, input: MarkAttendanceDto): Promise<{ saved: number; changed: number }> {
    const learnerIds = input.marks.map((m) => m.learnerId);
    if (new Set(learnerIds).size !== learnerIds.length) throw new AppError(400, 'VALIDATION_FAILED', 'marks lists the same learner twice');
    const source = input.source ?? 'roster';
    const requestHash = createHash('sha256')
      .update(JSON.stringify({ sessionId, source, marks: [...input.marks].sort((a, b) => a.learnerId.localeCompare(b.learnerId)).map((m) => [m.learnerId, m.status, m.note ?? null]) }))
      .digest('hex');
    const key = input.clientMutationId ? `attendance:${input.clientMutationId}` : null;

    return this.db.transaction(async (tx) => {
      if (key) {
        // A concurrent replay waits here on the key's unique index until the first attempt commits or rolls back.
        const claimed = await tx.query(IDEMPOTENCY_CLAIM_SQL, [key, requestHash]);
        if (claimed.length === 0) {
          const [stored] = await tx.query(`SELECT request_hash, response FROM idempotency_keys WHERE key = $1`, [key]);
          if (stored.request_hash !== requestHash) throw new AppError(422, 'IDEMPOTENCY_MISMATCH', 'This clientMutationId was already used for different marks; use a new id for a new batch');
          return { result: stored.response as { saved: number; changed: number }, classId: '', changed: 0 };
        }
      }
      const s = await this.loadSession(sessionId, tx, true);
      if (!s || !this.canManage(caller, s)) throw notFound('Session');
      if (s.cancelled_at) throw new AppError(422, 'SESSION_CANCELLED', 'This session is cancelled; it takes no marks');
      const now = Date.now();
      if (s.starts_at.getTime() - MARK_EARLY_MINUTES * 60_000 > now) throw new AppError(422, 'SESSION_NOT_STARTED', 'This session has not started yet; mark it from 15 minutes before its start');
      if (caller.role === 'instructor' && s.ends_at.getTime() + LATE_MARKING_DAYS * 86_400_000 < now) {
        throw new AppError(403, 'MARKING_WINDOW_CLOSED', `Marks more than ${LATE_MARKING_DAYS} days after a session are entered by a coordinator`);
      }
      const notEnrolled: { learner_id: string }[] = await tx.query(
        NOT_ENROLLED_SQL,
        [s.class_id, learnerIds],
      );
      if (notEnrolled.length > 0) {
        throw new AppError(422, 'NOT_ENROLLED', `${notEnrolled.length} of these learners are not enrolled in this class; nothing was saved`, { learnerIds: notEnrolled.map((r) => r.learner_id) });
      }
      const [{ changed }] = await tx.query(MARK_BATCH_SQL, [sessionId, learnerIds, input.marks.map((m) => m.status), input.marks.map((m) => m.note ?? null), source, caller.id, input.clientMutationId ?? null, s.class_id]);
      const result = { saved: input.marks.length, changed };
      if (key) await tx.query(IDEMPOTENCY_STORE_SQL, [key, result]);
      return { result, classId: s.class_id, changed };
    }).then(async ({ result, classId, changed }) => {
      if (changed > 0) await this.autoIssue(classId, learnerIds);
      return result;
    });
  }

  /**
   * Attendance can be the last requirement met: issue for marked learners who have passed every
   * assessment already (the full rules are checked again by the certificate service).
   * Resolved lazily because the certificates module itself reads attendance.
   */
  private async autoIssue(classId: string, learnerIds: string[]) {
    const candidates: { id: string }[] = await this.db.query(COMPLETION_CANDIDATES_SQL, [classId, learnerIds]);
    if (candidates.length === 0) return;
    const { CertificatesService } = await import('../certificates/certificates.service.js');
    const certificates = this.moduleRef.get(CertificatesService, { strict: false });
    for (const c of candidates) {
      await certificates.tryAutoIssue(c.id).catch((error: Error) => this.logger.warn(`automatic issue failed: ${error.message}`));
    }
  }

  async summaries(classId: string, manager: EntityManager = this.db.manager): Promise<Map<string, AttendanceSummary>> {
    const rows: SummaryRow[] = await manager.query(CLASS_SUMMARIES_SQL, [classId]);
    return new Map(rows.map((r) => [r.enrollmentId, toSummary(r)]));
  }

  async enrollmentSummary(enrollmentId: string, manager: EntityManager = this.db.manager): Promise<AttendanceSummary | null> {
    const rows: SummaryRow[] = await manager.query(ENROLLMENT_SUMMARY_SQL, [enrollmentId]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** One row per enrolled learner with her current mark (or null) and her attendance so far. */
  async sessionRoster(caller: AuthUser, sessionId: string) {
    const s = await this.loadSession(sessionId);
    if (!s || !this.canManage(caller, s)) throw notFound('Session');
    const [rows, summaries] = await Promise.all([
      this.db.query(
        ROSTER_ROWS_SQL,
        [sessionId, s.class_id],
      ),
      this.summaries(s.class_id),
    ]);
    const items = rows.map((r: { enrollmentId: string }) => {
      const summary = summaries.get(r.enrollmentId);
      return { ...r, rate: summary?.rate ?? 0, cannotReachMinimum: summary?.cannotReachMinimum ?? false, belowMinimum: summary?.belowMinimum ?? false };
    });
    return {
      session: { id: s.id, classId: s.class_id, startsAt: s.starts_at, endsAt: s.ends_at, minAttendancePct: s.min_attendance_pct },
      items,
      total: items.length,
    };
  }

  async history(caller: AuthUser, sessionId: string) {
    const s = await this.loadSession(sessionId);
    if (!s || !this.canManage(caller, s)) throw notFound('Session');
    const items = await this.db.query(
      `SELECT h.id::text, h.learner_id AS "learnerId", coalesce(l.name, '') AS "learnerName", h.old_status AS "from", h.new_status AS "to",
              h.old_note AS "fromNote", h.new_note AS "toNote", h.source, h.changed_by AS "changedBy", coalesce(c.name, '') AS "changedByName", h.changed_at AS "changedAt"
         FROM attendance_history h JOIN users l ON l.id = h.learner_id JOIN users c ON c.id = h.changed_by
        WHERE h.session_id = $1 ORDER BY h.changed_at, h.id`,
      [sessionId],
    );
    return { items, total: items.length };
  }

  async issueCheckInCode(caller: AuthUser, sessionId: string) {
    const s = await this.loadSession(sessionId);
    if (!s || s.instructor_id !== caller.id) throw notFound('Session');
    if (s.cancelled_at) throw new AppError(422, 'SESSION_CANCELLED', 'This session is cancelled; there is nothing to check in to');
    if (s.ends_at.getTime() < Date.now()) throw new AppError(422, 'SESSION_ENDED', 'This session has ended; check-in codes are only shown until its end');
    return { sessionId, ...issueCode(this.codeSecret, sessionId) };
  }

  async checkIn(caller: AuthUser, sessionId: string, code: string) {
    const s = await this.loadSession(sessionId);
    if (!s) throw notFound('Session');
    const now = Date.now();
    if (s.cancelled_at || now < s.starts_at.getTime() - MARK_EARLY_MINUTES * 60_000 || now > s.ends_at.getTime()) {
      throw new AppError(422, 'CHECK_IN_CLOSED', 'Check-in is open from 15 minutes before the session starts until it ends');
    }
    // Counted per learner and session before the code is compared (as sign-in counts guesses), so a
    // burst of guesses sent at once cannot outrun the lock; her count starts afresh once she is in.
    const key = `check-in:${sessionId}:${caller.id}`;
    const limit = this.config.checkInAttemptsPerSession;
    const blocked = await this.throttle.blockedFor([key]);
    if (blocked > 0) throw tooManyCodes(blocked);
    const attempt = await this.throttle.hit(key, this.config.checkInLockSeconds, limit, this.config.checkInLockSeconds);
    if (attempt.hits > limit) throw tooManyCodes(attempt.retryAfter);
    if (!verifyCode(this.codeSecret, sessionId, code, now)) throw new AppError(422, 'CHECK_IN_CODE_INVALID', 'This code is wrong or has expired; ask the instructor for the current code');
    const checkedIn = await this.db.transaction(async (tx) => {
      const enrolled = await tx.query(
        `SELECT id FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status IN ('enrolled','completed','failed')`,
        [s.class_id, caller.id],
      );
      if (enrolled.length === 0) throw new AppError(422, 'NOT_ENROLLED', 'You are not enrolled in this class');
      await tx.query(
        `WITH prev AS (SELECT status, note FROM attendance_marks WHERE session_id = $1 AND learner_id = $2),
              up AS (
                INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, source, marked_by, marked_at)
                VALUES ($1, $2, $3, 'present', 'check-in', $2, clock_timestamp())
                ON CONFLICT (session_id, learner_id) DO UPDATE SET status = 'present', source = 'check-in', marked_by = $2, marked_at = clock_timestamp()
                  WHERE attendance_marks.status <> 'present'
                RETURNING status)
         INSERT INTO attendance_history (session_id, learner_id, old_status, new_status, source, changed_by, changed_at)
         SELECT $1, $2, (SELECT status FROM prev), up.status, 'check-in', $2, clock_timestamp() FROM up`,
        [sessionId, caller.id, enrolled[0].id],
      );
      return { sessionId, status: 'present' as const };
    });
    await this.throttle.reset(key);
    return checkedIn;
  }

  async checkInState(caller: AuthUser, sessionId: string) {
    const rows: { starts_at: Date; ends_at: Date; cancelled_at: Date | null; status: string | null }[] = await this.db.query(
      `SELECT s.starts_at, s.ends_at, s.cancelled_at, m.status
         FROM class_sessions s
         JOIN enrollments e ON e.class_id = s.class_id AND e.learner_id = $2 AND e.status IN ('enrolled','completed','failed')
         LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = $2
        WHERE s.id = $1`,
      [sessionId, caller.id],
    );
    const s = rows[0];
    // Not her class: nothing to reveal.
    if (!s) throw notFound('Session');
    const now = Date.now();
    const state = s.cancelled_at ? 'cancelled' : now > s.ends_at.getTime() ? 'ended' : now < s.starts_at.getTime() - MARK_EARLY_MINUTES * 60_000 ? 'notYet' : 'open';
    return { sessionId, startsAt: s.starts_at, endsAt: s.ends_at, state, checkedIn: s.status === 'present' || s.status === 'late' };
  }

  async enrollmentAttendance(caller: AuthUser, enrollmentId: string) {
    const rows: { learner_id: string; instructor_id: string | null; path: string }[] = await this.db.query(
      `SELECT e.learner_id, k.instructor_id, o.path FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN organizations o ON o.id = k.org_id WHERE e.id = $1`,
      [enrollmentId],
    );
    const e = rows[0];
    const allowed = e && (caller.role === 'learner' ? e.learner_id === caller.id : caller.role === 'instructor' ? e.instructor_id === caller.id : caller.role === 'employer' ? false : this.scope.pathInScope(caller, e.path));
    if (!allowed) {
      if (caller.role === 'employer') throw forbidden();
      throw notFound('Enrollment');
    }
    const summary = (await this.enrollmentSummary(enrollmentId))!;
    return { enrollmentId, sessions: summary.sessions, totalSessions: summary.totalSessions, attended: summary.attended, rate: summary.rate, hours: summary.hours, cannotReachMinimum: summary.cannotReachMinimum, belowMinimum: summary.belowMinimum };
  }
}
