import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PHONE_PATTERN, canStillComplete, type Locale } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { EnrollmentsRepository, type EnrollmentState } from './enrollments.repository.js';

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
    private readonly enrollments: EnrollmentsRepository,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationsService,
  ) {}

  /** Which learner the request is about: herself, or (for staff) one of their subtree by id or phone. */
  async resolveLearner(caller: AuthUser, learnerId?: string, phone?: string): Promise<string> {
    const others = this.policy.scope(caller, 'enrollee.enrol-others');
    if (!others.any) {
      if ((learnerId && learnerId !== caller.id) || phone) throw forbidden('Learners may only enrol themselves');
      return caller.id;
    }
    if (!learnerId && !phone) throw badRequest('learnerId or phone is required to enrol a learner');
    if (phone && !PHONE_PATTERN.test(phone)) throw badRequest('phone must be a mainland mobile number: 11 digits starting with 13-19');
    const found = await this.enrollments.findLearner(others, learnerId ? { id: learnerId } : { phone });
    if (!found) throw notFound('Learner');
    return found;
  }

  /** Enrols `learnerId`; she enrols herself (self-service) or staff enrol her (resolveLearner decided which). */
  async enrol(caller: AuthUser, classId: string, learnerId: string, lang: Locale): Promise<EnrolResult> {
    const selfService = learnerId === caller.id;
    return this.db.transaction(async (tx) => {
      const k = await this.enrollments.lockClass(classId, tx);
      if (!k || !this.policy.can(caller, 'class.enrol', { orgPath: k.path, published: k.published })) throw notFound('Class');
      const closed = selfService ? ['finished', 'cancelled'].includes(k.effective_status) : ['finished', 'cancelled'].includes(k.status);
      if (closed) throw new AppError(422, 'CLASS_CLOSED', 'This class has finished or was cancelled; choose another class');
      const existing = await this.enrollments.existing(classId, learnerId, tx);
      if (existing) {
        throw conflict('ALREADY_ENROLLED', existing.status === 'waitlisted' ? 'Already on the waitlist of this class' : 'Already enrolled in this class', {
          status: existing.status,
        });
      }
      const missing = await this.enrollments.missingPrerequisites(k.course_id, learnerId, tx);
      if (missing.length > 0) {
        throw new AppError(422, 'PREREQUISITE_MISSING', `A valid certificate is needed first for: ${missing.map((m) => m.code).join(', ')}`, {
          missing: missing.map((m) => ({ courseId: m.id, code: m.code, title: pick(lang, m.title_zh, m.title_en) })),
        });
      }
      // Joining the waitlist counts too: a seat freed later cannot bring back the sessions already gone.
      const outlook = await this.enrollments.attendanceOutlook(classId, learnerId, tx);
      const tooLate = !canStillComplete({ minAttendancePct: k.min_attendance_pct, requiredHours: k.required_hours }, outlook);
      if (tooLate && selfService) {
        throw new AppError(
          422,
          'TOO_LATE_TO_COMPLETE',
          'The sessions left in this class cannot reach the course attendance or hours rule; choose a later class',
        );
      }
      const seat = k.enrolled_count < k.capacity;
      const position = seat ? null : k.waitlist_count + 1;
      const id = await this.enrollments.insert({ classId, learnerId, seat, position, enrolledBy: caller.id }, tx);
      return {
        id,
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
    const promoted = await this.enrollments.promoteWaitlisted(classId, tx);
    for (const p of promoted) await this.notifications.queue(tx, p.learner_id, 'enrollment.promoted', { classId, course: p.title });
    return promoted.map((p) => p.learner_id);
  }

  async withdraw(caller: AuthUser, enrollmentId: string): Promise<void> {
    const classId = await this.enrollments.classOf(enrollmentId);
    if (!classId) throw notFound('Enrollment');
    await this.db.transaction(async (tx) => {
      const k = await this.enrollments.lockClass(classId, tx);
      const e = await this.enrollments.find(enrollmentId, tx);
      if (!this.policy.can(caller, 'enrollment.withdraw', { orgPath: k!.path, subjectId: e.learner_id })) throw notFound('Enrollment');
      if (e.status === 'withdrawn') return;
      if (e.status === 'completed' || e.status === 'failed')
        throw new AppError(422, 'INVALID_TRANSITION', 'A completed or failed enrollment cannot be withdrawn');
      await this.withdrawLocked(tx, classId, { id: enrollmentId, status: e.status as 'enrolled' | 'waitlisted', waitlist_position: e.waitlist_position });
    });
  }

  /** Withdraws an enrolled or waitlisted enrollment and fills the seat from the waitlist. Call with the class row locked. */
  private async withdrawLocked(tx: EntityManager, classId: string, e: EnrollmentState) {
    await this.enrollments.withdraw(classId, e, tx);
    if (e.status === 'enrolled') await this.promoteWaitlisted(tx, classId);
  }

  /**
   * Withdraws a learner from every class not yet finished (her account is being erased), inside the
   * caller's transaction, promoting from each waitlist as a normal withdrawal does. Classes are locked
   * in id order, so two erasures never deadlock on each other.
   */
  async withdrawFromUnfinished(tx: EntityManager, learnerId: string): Promise<number> {
    const live = await this.enrollments.liveClassIds(learnerId, tx);
    let withdrawn = 0;
    for (const classId of live) {
      await this.enrollments.lockClass(classId, tx);
      // Read again under the lock: a concurrent withdrawal may have moved her.
      for (const e of await this.enrollments.live(classId, learnerId, tx)) {
        await this.withdrawLocked(tx, classId, e);
        withdrawn += 1;
      }
    }
    return withdrawn;
  }

  /** The roster: enrolled learners by name, then the waitlist in order. Phones are masked for instructors; an erased learner shows as '' (as users do). */
  async roster(caller: AuthUser, classId: string, limit: number, offset: number) {
    const k = await this.enrollments.classFacts(classId);
    const facts = k && { orgPath: k.path, instructorId: k.instructor_id };
    if (!facts || !this.policy.can(caller, 'class.roster', facts)) throw notFound('Class');
    return this.enrollments.roster(classId, this.policy.can(caller, 'class.roster-phones', facts), limit, offset);
  }

  async mine(caller: AuthUser, lang: Locale) {
    const rows = await this.enrollments.mine(caller.id);
    const items = rows.map(({ title_zh, title_en, ...r }) => ({ ...r, courseTitle: pick(lang, title_zh, title_en) }));
    return { items, total: items.length };
  }
}
