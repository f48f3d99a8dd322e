import { CHINA_TZ } from '../common/china-time.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import { queryRows } from '../common/sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { AddSessionDto, UpdateSessionDto } from '@hearth/contracts/inputs';

interface LockedClass {
  id: string;
  org_id: string;
  path: string;
  status: string;
  instructor_id: string | null;
  location: string;
  title: string;
}

interface SessionRow {
  id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  cancelled_at: Date | null;
}

type Change = 'added' | 'moved' | 'cancelled';

const SESSION_RETURNING = `id, class_id AS "classId", starts_at AS "startsAt", ends_at AS "endsAt", location, cancelled_at AS "cancelledAt"`;

/**
 * Changes to a class's schedule after it was created: add, move or cancel one session.
 * Each runs in one transaction with its audit event and a `session.changed` notification for every
 * enrolled learner and the instructor (the outbox delivers them later).
 */
@Injectable()
export class ClassSessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The class, locked so schedule changes of one class happen one at a time; 404 outside the caller's subtree. */
  private async lockClass(tx: EntityManager, caller: AuthUser, classId: string): Promise<LockedClass> {
    const rows: LockedClass[] = await tx.query(
      `SELECT k.id, k.org_id, o.path, k.status, k.instructor_id, k.location, c.title_zh AS title
         FROM classes k JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id
        WHERE k.id = $1 FOR UPDATE OF k`,
      [classId],
    );
    const k = rows[0];
    if (!k || !this.scope.pathInScope(caller, k.path)) throw notFound('Class');
    if (k.status === 'cancelled') throw new AppError(422, 'CLASS_CLOSED', 'This class is cancelled; its sessions cannot change');
    return k;
  }

  private async lockSession(tx: EntityManager, caller: AuthUser, sessionId: string): Promise<{ k: LockedClass; s: SessionRow }> {
    const head: { class_id: string }[] = await tx.query(`SELECT class_id FROM class_sessions WHERE id = $1`, [sessionId]);
    if (head.length === 0) throw notFound('Session');
    const k = await this.lockClass(tx, caller, head[0].class_id).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('Session') : error;
    });
    const rows: SessionRow[] = await tx.query(`SELECT id, class_id, starts_at, ends_at, location, cancelled_at FROM class_sessions WHERE id = $1 FOR UPDATE`, [sessionId]);
    return { k, s: rows[0] };
  }

  /** Class dates follow the schedule: a session moved or added outside them widens them (China calendar days). */
  private async coverDates(tx: EntityManager, classId: string, startsAt: string, endsAt: string) {
    await tx.query(
      `UPDATE classes SET starts_on = least(starts_on, ($2::timestamptz AT TIME ZONE '${CHINA_TZ}')::date),
                          ends_on = greatest(ends_on, ($3::timestamptz AT TIME ZONE '${CHINA_TZ}')::date), updated_at = now()
        WHERE id = $1`,
      [classId, startsAt, endsAt],
    );
  }

  /** One `session.changed` row per enrolled learner, and one for the instructor. */
  private async tell(tx: EntityManager, k: LockedClass, change: Change, session: { id: string; startsAt: unknown; endsAt: unknown; location: string }, previous?: SessionRow) {
    const learners: { learner_id: string }[] = await tx.query(`SELECT learner_id FROM enrollments WHERE class_id = $1 AND status = 'enrolled'`, [k.id]);
    const recipients = [...learners.map((l) => l.learner_id), ...(k.instructor_id ? [k.instructor_id] : [])];
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
    await tx.query(`SELECT mark_org_dirty($1)`, [k.org_id]);
  }

  async add(caller: AuthUser, classId: string, input: AddSessionDto, requestId: string) {
    if (new Date(input.endsAt) <= new Date(input.startsAt)) throw badRequest('endsAt must be after startsAt');
    return this.db.transaction(async (tx) => {
      const k = await this.lockClass(tx, caller, classId);
      const [row] = await tx.query(
        `INSERT INTO class_sessions (class_id, starts_at, ends_at, location) VALUES ($1, $2, $3, $4) RETURNING ${SESSION_RETURNING}`,
        [classId, input.startsAt, input.endsAt, input.location ?? k.location],
      );
      await this.coverDates(tx, classId, input.startsAt, input.endsAt);
      await this.tell(tx, k, 'added', row);
      await this.audit.record({ actor: caller, action: 'session.add', entityType: 'class_session', entityId: row.id, orgId: k.org_id, requestId, details: { classId, startsAt: input.startsAt, endsAt: input.endsAt } }, tx);
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
      const [row] = await queryRows<Record<string, unknown> & { id: string; startsAt: Date; endsAt: Date; location: string }>(
        tx,
        `UPDATE class_sessions SET starts_at = $2, ends_at = $3, location = $4 WHERE id = $1 RETURNING ${SESSION_RETURNING}`,
        [sessionId, startsAt, endsAt, location],
      );
      const changed = new Date(startsAt).getTime() !== s.starts_at.getTime() || new Date(endsAt).getTime() !== s.ends_at.getTime() || location !== s.location;
      if (changed) {
        await this.coverDates(tx, k.id, startsAt, endsAt);
        await this.tell(tx, k, 'moved', row, s);
        await this.audit.record(
          {
            actor: caller, action: 'session.move', entityType: 'class_session', entityId: sessionId, orgId: k.org_id, requestId,
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
        const [row] = await tx.query(`SELECT ${SESSION_RETURNING} FROM class_sessions WHERE id = $1`, [sessionId]);
        return row;
      }
      const [row] = await queryRows<Record<string, unknown> & { id: string; startsAt: Date; endsAt: Date; location: string }>(
        tx,
        `UPDATE class_sessions SET cancelled_at = now(), cancelled_by = $2 WHERE id = $1 RETURNING ${SESSION_RETURNING}`,
        [sessionId, caller.id],
      );
      await this.tell(tx, k, 'cancelled', row);
      await this.audit.record({ actor: caller, action: 'session.cancel', entityType: 'class_session', entityId: sessionId, orgId: k.org_id, requestId, details: { classId: k.id, startsAt: s.starts_at } }, tx);
      return row;
    });
  }
}

/** Payload dates are ISO strings (libs/contracts NotificationPayloads). */
const iso = (value: unknown) => new Date(value as string | Date).toISOString();
