import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { deriveKey, KEY_LABELS } from '../config/keys.js';
import { AppError, notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import type { Facts } from '../access/define.js';
import { issueCode, verifyCode } from './check-in-code.js';
import type { MarkAttendanceDto } from '@hearth/contracts/inputs';
import { AttendanceRepository, type SessionRow, type SummaryRow } from './attendance.repository.js';
import { ThrottleService } from '../throttle/throttle.service.js';

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
    private readonly attendance: AttendanceRepository,
    private readonly policy: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly throttle: ThrottleService,
  ) {
    this.codeSecret = deriveKey(config.jwtSecret, KEY_LABELS.checkInCode);
  }

  private async loadSession(sessionId: string, manager?: EntityManager, lock = false): Promise<SessionRow | null> {
    return this.attendance.session(sessionId, manager, lock);
  }

  private static facts(s: SessionRow): Facts {
    return { orgPath: s.path, instructorId: s.instructor_id };
  }

  async mark(caller: AuthUser, sessionId: string, input: MarkAttendanceDto): Promise<{ saved: number; changed: number }> {
    const learnerIds = input.marks.map((m) => m.learnerId);
    if (new Set(learnerIds).size !== learnerIds.length) throw new AppError(400, 'VALIDATION_FAILED', 'marks lists the same learner twice');
    const source = input.source ?? 'roster';
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify({
          sessionId,
          source,
          marks: [...input.marks].sort((a, b) => a.learnerId.localeCompare(b.learnerId)).map((m) => [m.learnerId, m.status, m.note ?? null]),
        }),
      )
      .digest('hex');
    const key = input.clientMutationId ? `attendance:${input.clientMutationId}` : null;

    return this.db
      .transaction(async (tx) => {
        if (key) {
          // A concurrent replay waits here on the key's unique index until the first attempt commits or rolls back.
          if (!(await this.attendance.claimIdempotencyKey(key, requestHash, tx))) {
            const stored = await this.attendance.storedIdempotencyKey(key, tx);
            if (stored.request_hash !== requestHash)
              throw new AppError(422, 'IDEMPOTENCY_MISMATCH', 'This clientMutationId was already used for different marks; use a new id for a new batch');
            return { result: stored.response as { saved: number; changed: number }, classId: '', changed: 0 };
          }
        }
        const s = await this.loadSession(sessionId, tx, true);
        if (!s || !this.policy.can(caller, 'session.mark', AttendanceService.facts(s))) throw notFound('Session');
        if (s.cancelled_at) throw new AppError(422, 'SESSION_CANCELLED', 'This session is cancelled; it takes no marks');
        const now = Date.now();
        if (s.starts_at.getTime() - MARK_EARLY_MINUTES * 60_000 > now)
          throw new AppError(422, 'SESSION_NOT_STARTED', 'This session has not started yet; mark it from 15 minutes before its start');
        if (!this.policy.can(caller, 'session.mark-late', AttendanceService.facts(s)) && s.ends_at.getTime() + LATE_MARKING_DAYS * 86_400_000 < now) {
          throw new AppError(403, 'MARKING_WINDOW_CLOSED', `Marks more than ${LATE_MARKING_DAYS} days after a session are entered by a coordinator`);
        }
        const notEnrolled = await this.attendance.notEnrolled(s.class_id, learnerIds, tx);
        if (notEnrolled.length > 0) {
          throw new AppError(422, 'NOT_ENROLLED', `${notEnrolled.length} of these learners are not enrolled in this class; nothing was saved`, {
            learnerIds: notEnrolled,
          });
        }
        const changed = await this.attendance.markBatch(
          {
            sessionId,
            classId: s.class_id,
            learnerIds,
            statuses: input.marks.map((m) => m.status),
            notes: input.marks.map((m) => m.note ?? null),
            source,
            markedBy: caller.id,
            clientMutationId: input.clientMutationId ?? null,
          },
          tx,
        );
        const result = { saved: input.marks.length, changed };
        if (key) await this.attendance.storeIdempotentResponse(key, result, tx);
        return { result, classId: s.class_id, changed };
      })
      .then(async ({ result, classId, changed }) => {
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
    const candidates = await this.attendance.completionCandidates(classId, learnerIds);
    if (candidates.length === 0) return;
    const { CertificatesService } = await import('../certificates/certificates.service.js');
    const certificates = this.moduleRef.get(CertificatesService, { strict: false });
    for (const id of candidates) {
      await certificates.tryAutoIssue(id).catch((error: Error) => this.logger.warn(`automatic issue failed: ${error.message}`));
    }
  }

  async summaries(classId: string, manager?: EntityManager): Promise<Map<string, AttendanceSummary>> {
    const rows = await this.attendance.classSummaries(classId, manager);
    return new Map(rows.map((r) => [r.enrollmentId, toSummary(r)]));
  }

  async enrollmentSummary(enrollmentId: string, manager?: EntityManager): Promise<AttendanceSummary | null> {
    const row = await this.attendance.enrollmentSummary(enrollmentId, manager);
    return row ? toSummary(row) : null;
  }

  /** One row per enrolled learner with her current mark (or null) and her attendance so far. */
  async sessionRoster(caller: AuthUser, sessionId: string) {
    const s = await this.loadSession(sessionId);
    if (!s || !this.policy.can(caller, 'session.read', AttendanceService.facts(s))) throw notFound('Session');
    const [rows, summaries] = await Promise.all([this.attendance.rosterRows(sessionId, s.class_id), this.summaries(s.class_id)]);
    const items = rows.map((r) => {
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
    if (!s || !this.policy.can(caller, 'session.read', AttendanceService.facts(s))) throw notFound('Session');
    const items = await this.attendance.history(sessionId);
    return { items, total: items.length };
  }

  async issueCheckInCode(caller: AuthUser, sessionId: string) {
    const s = await this.loadSession(sessionId);
    if (!s || !this.policy.can(caller, 'session.check-in-code', AttendanceService.facts(s))) throw notFound('Session');
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
    if (!verifyCode(this.codeSecret, sessionId, code, now))
      throw new AppError(422, 'CHECK_IN_CODE_INVALID', 'This code is wrong or has expired; ask the instructor for the current code');
    const checkedIn = await this.db.transaction(async (tx) => {
      const enrollmentId = await this.attendance.enrollmentOf(s.class_id, caller.id, tx);
      if (!enrollmentId) throw new AppError(422, 'NOT_ENROLLED', 'You are not enrolled in this class');
      await this.attendance.checkIn(sessionId, caller.id, enrollmentId, tx);
      return { sessionId, status: 'present' as const };
    });
    await this.throttle.reset(key);
    return checkedIn;
  }

  async checkInState(caller: AuthUser, sessionId: string) {
    const s = await this.attendance.checkInState(sessionId, caller.id);
    // Not her class: nothing to reveal.
    if (!s) throw notFound('Session');
    const now = Date.now();
    const state = s.cancelled_at
      ? 'cancelled'
      : now > s.ends_at.getTime()
        ? 'ended'
        : now < s.starts_at.getTime() - MARK_EARLY_MINUTES * 60_000
          ? 'notYet'
          : 'open';
    return { sessionId, startsAt: s.starts_at, endsAt: s.ends_at, state, checkedIn: s.status === 'present' || s.status === 'late' };
  }

  async enrollmentAttendance(caller: AuthUser, enrollmentId: string) {
    const e = await this.attendance.enrollmentFacts(enrollmentId);
    this.policy.assert(caller, 'enrollment.read', e && { orgPath: e.path, subjectId: e.learner_id, instructorId: e.instructor_id });
    const summary = (await this.enrollmentSummary(enrollmentId))!;
    return {
      enrollmentId,
      sessions: summary.sessions,
      totalSessions: summary.totalSessions,
      attended: summary.attended,
      rate: summary.rate,
      hours: summary.hours,
      cannotReachMinimum: summary.cannotReachMinimum,
      belowMinimum: summary.belowMinimum,
    };
  }
}
