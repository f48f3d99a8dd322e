import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClassesRepository, type LockedClass, type SessionRow } from './classes.repository.js';
import type { AddSessionDto, UpdateSessionDto } from '@hearth/contracts/inputs';

type Change = 'added' | 'moved' | 'cancelled';

/**
 * Changes to a class's schedule after it was created: add, move or cancel one session.
 * Each runs in one transaction with its audit event and a `session.changed` notification for every
 * enrolled learner and the instructor (the outbox delivers them later).
 */
@Injectable()
export class ClassSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly classes: ClassesRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The class, locked so schedule changes of one class happen one at a time; 404 outside the caller's subtree. */
  private async lockClass(tx: EntityManager, caller: AuthUser, classId: string): Promise<LockedClass> {
    const k = await this.classes.lockWithTitle(classId, tx);
    if (!k || !this.policy.can(caller, 'class.manage', { orgPath: k.path, instructorId: k.instructor_id })) throw notFound('Class');
    if (k.status === 'cancelled') throw new AppError(422, 'CLASS_CLOSED', 'This class is cancelled; its sessions cannot change');
    return k;
  }

  private async lockSession(tx: EntityManager, caller: AuthUser, sessionId: string): Promise<{ k: LockedClass; s: SessionRow }> {
    const classId = await this.classes.sessionClassId(sessionId, tx);
    if (!classId) throw notFound('Session');
    const k = await this.lockClass(tx, caller, classId).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('Session') : error;
    });
    return { k, s: await this.classes.lockSession(sessionId, tx) };
  }

  /** One `session.changed` row per enrolled learner, and one for the instructor. */
  private async tell(
    tx: EntityManager,
    k: LockedClass,
    change: Change,
    session: { id: string; startsAt: unknown; endsAt: unknown; location: string },
    previous?: SessionRow,
  ) {
    const learners = await this.classes.enrolledLearnerIds(k.id, tx);
    const recipients = [...learners, ...(k.instructor_id ? [k.instructor_id] : [])];
    const payload = {
      classId: k.id,
      sessionId: session.id,
      course: k.title,
      change,
      startsAt: iso(session.startsAt),
      endsAt: iso(session.endsAt),
      location: session.location || k.location,
      ...(previous ? { previous: { startsAt: iso(previous.starts_at), endsAt: iso(previous.ends_at), location: previous.location || k.location } } : {}),
    };
    for (const userId of new Set(recipients)) await this.notifications.queue(tx, userId, 'session.changed', payload);
    // The dashboards' attendance counts depend on which sessions are held and in which month.
    await this.classes.markOrgDirty(k.org_id, tx);
  }

  async add(caller: AuthUser, classId: string, input: AddSessionDto, requestId: string) {
    if (new Date(input.endsAt) <= new Date(input.startsAt)) throw badRequest('endsAt must be after startsAt');
    return this.db.transaction(async (tx) => {
      const k = await this.lockClass(tx, caller, classId);
      const row = await this.classes.insertSession(classId, { startsAt: input.startsAt, endsAt: input.endsAt, location: input.location ?? k.location }, tx);
      await this.classes.coverDates(classId, input.startsAt, input.endsAt, tx);
      await this.tell(tx, k, 'added', row);
      await this.audit.record(
        {
          actor: caller,
          action: 'session.add',
          entityType: 'class_session',
          entityId: row.id,
          orgId: k.org_id,
          requestId,
          details: { classId, startsAt: input.startsAt, endsAt: input.endsAt },
        },
        tx,
      );
      return row;
    });
  }

  async move(caller: AuthUser, sessionId: string, input: UpdateSessionDto, requestId: string) {
    if (input.startsAt === undefined && input.endsAt === undefined && input.location === undefined) throw badRequest('Give startsAt, endsAt or location');
    return this.db.transaction(async (tx) => {
      const { k, s } = await this.lockSession(tx, caller, sessionId);
      if (s.cancelled_at) throw new AppError(422, 'SESSION_CANCELLED', 'This session is cancelled; add a new session instead');
      const startsAt = input.startsAt ?? s.starts_at.toISOString();
      const endsAt = input.endsAt ?? s.ends_at.toISOString();
      if (new Date(endsAt) <= new Date(startsAt)) throw badRequest('endsAt must be after startsAt');
      const location = input.location ?? s.location;
      const row = await this.classes.moveSession(sessionId, { startsAt, endsAt, location }, tx);
      const changed = new Date(startsAt).getTime() !== s.starts_at.getTime() || new Date(endsAt).getTime() !== s.ends_at.getTime() || location !== s.location;
      if (changed) {
        await this.classes.coverDates(k.id, startsAt, endsAt, tx);
        await this.tell(tx, k, 'moved', row, s);
        await this.audit.record(
          {
            actor: caller,
            action: 'session.move',
            entityType: 'class_session',
            entityId: sessionId,
            orgId: k.org_id,
            requestId,
            details: { classId: k.id, from: { startsAt: s.starts_at, endsAt: s.ends_at, location: s.location }, to: { startsAt, endsAt, location } },
          },
          tx,
        );
      }
      return row;
    });
  }

  /** Cancelled sessions stay (marks may point at them) but are never held; cancelling twice changes nothing. */
  async cancel(caller: AuthUser, sessionId: string, requestId: string) {
    return this.db.transaction(async (tx) => {
      const { k, s } = await this.lockSession(tx, caller, sessionId);
      if (s.cancelled_at) {
        return this.classes.session(sessionId, tx);
      }
      const row = await this.classes.cancelSession(sessionId, caller.id, tx);
      await this.tell(tx, k, 'cancelled', row);
      await this.audit.record(
        {
          actor: caller,
          action: 'session.cancel',
          entityType: 'class_session',
          entityId: sessionId,
          orgId: k.org_id,
          requestId,
          details: { classId: k.id, startsAt: s.starts_at },
        },
        tx,
      );
      return row;
    });
  }
}

/** Payload dates are ISO strings (libs/contracts NotificationPayloads). */
const iso = (value: unknown) => new Date(value as string | Date).toISOString();
