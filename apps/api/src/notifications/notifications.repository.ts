import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CHINA_TZ } from '../common/china-time.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';
import type { OutgoingNotification } from './notification-provider.js';

export interface ReminderRow {
  session_id: string;
  user_id: string;
  when: 'tomorrow' | 'today';
  role: 'learner' | 'instructor';
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  location: string;
  course: string;
}

export interface DueFollowup {
  id: string;
  referral_id: string;
  due_on: string;
  job: string;
  referred_by: string;
  employer_id: string;
  org_id: string;
}

/** The outbox rows (notifications) and what the clock-driven jobs read to write them. */
@SqlRepository('notifications')
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The new row's id, or null when a unique key says it was written before. */
  @SqlExample(() => [Example.ID, 'session.changed', { classId: Example.ID2 }])
  async insert(userId: string, kind: string, payload: unknown, manager?: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await (manager ?? this.db.manager).query(
      `INSERT INTO notifications (user_id, kind, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [userId, kind, payload],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Claims the row for one delivery attempt: a row another attempt is sending (claimed less than
   * `expireSeconds` ago) is left to it; a row claimed longer ago belongs to an attempt that died.
   */
  @SqlExample(() => [Example.ID, 60])
  async claim(id: string, expireSeconds: number): Promise<OutgoingNotification | null> {
    const claimed: OutgoingNotification[] = await this.db.query(
      `WITH c AS (
         UPDATE notifications SET sms_status = 'sending', sms_claimed_at = now(), attempts = attempts + 1
          WHERE id = $1 AND (sms_status IS NULL OR sms_status IN ('deferred','retry')
                             OR (sms_status = 'sending' AND sms_claimed_at < now() - make_interval(secs => $2)))
          RETURNING id, user_id, kind, payload)
       SELECT c.id, c.user_id AS "userId", u.phone, u.locale, c.kind, c.payload FROM c JOIN users u ON u.id = c.user_id`,
      [id, expireSeconds],
    );
    return claimed[0] ?? null;
  }

  /** The row's delivery state; undefined when the row is gone (erased). */
  @SqlExample(() => [Example.ID])
  async smsStatus(id: string): Promise<string | null | undefined> {
    const [row] = await this.db.query(`SELECT sms_status FROM notifications WHERE id = $1`, [id]);
    return row ? row.sms_status : undefined;
  }

  @SqlExample(() => [Example.ID, 'retry', 'timeout'])
  async markError(id: string, status: 'failed' | 'retry', message: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET sms_status = $2, last_error = $3, sms_claimed_at = NULL WHERE id = $1`, [id, status, message]);
  }

  @SqlExample(() => [Example.ID, 'quiet-hours'])
  async markDeferred(id: string, reason: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE notifications SET sms_status = 'deferred', sms_detail = $2, sms_claimed_at = NULL WHERE id = $1`, [
      id,
      reason,
    ]);
  }

  @SqlExample(() => [Example.ID, 'sent', 'provider-id'])
  async markDone(id: string, status: string, detail: string | null): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET sms_status = $2, sms_detail = $3, sms_at = CASE WHEN $2 = 'sent' THEN now() END, sent_at = now(), last_error = NULL WHERE id = $1`,
      [id, status, detail],
    );
  }

  /**
   * Session reminders due at `now` not yet written: from `evening` (China time) for sessions on
   * tomorrow's date, from `morning` for sessions later today; to each enrolled learner and the
   * class's instructor (once per person, as instructor first); never for a cancelled session or class.
   */
  @SqlExample(() => [Example.DATE, '18:00', '07:00'])
  async dueReminders(now: Date, evening: string, morning: string, manager?: EntityManager): Promise<ReminderRow[]> {
    return (manager ?? this.db.manager).query(
      `WITH clock AS (SELECT $1::timestamptz AS now, ($1::timestamptz AT TIME ZONE '${CHINA_TZ}') AS local),
       due AS (
         SELECT s.id AS session_id, 'tomorrow'::text AS "when" FROM class_sessions s, clock
          WHERE s.cancelled_at IS NULL AND clock.local::time >= $2::time
            AND s.starts_at >= ((clock.local::date + 1)::timestamp AT TIME ZONE '${CHINA_TZ}')
            AND s.starts_at < ((clock.local::date + 2)::timestamp AT TIME ZONE '${CHINA_TZ}')
         UNION ALL
         SELECT s.id, 'today' FROM class_sessions s, clock
          WHERE s.cancelled_at IS NULL AND clock.local::time >= $3::time AND s.starts_at > clock.now
            AND s.starts_at < ((clock.local::date + 1)::timestamp AT TIME ZONE '${CHINA_TZ}')
       ),
       recipients AS (
         SELECT DISTINCT ON (r.session_id, r.user_id, r."when") r.session_id, r.user_id, r."when", r.role FROM (
           SELECT d.session_id, d."when", k.instructor_id AS user_id, 'instructor' AS role, 0 AS rank
             FROM due d JOIN class_sessions s ON s.id = d.session_id JOIN classes k ON k.id = s.class_id
            WHERE k.instructor_id IS NOT NULL AND k.status <> 'cancelled'
           UNION ALL
           SELECT d.session_id, d."when", e.learner_id, 'learner', 1
             FROM due d JOIN class_sessions s ON s.id = d.session_id JOIN classes k ON k.id = s.class_id
             JOIN enrollments e ON e.class_id = k.id AND e.status = 'enrolled'
            WHERE k.status <> 'cancelled'
         ) r JOIN users u ON u.id = r.user_id AND u.status = 'active'
         ORDER BY r.session_id, r.user_id, r."when", r.rank
       ),
       fresh AS (
         SELECT r.* FROM recipients r
          WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'session.reminder' AND n.user_id = r.user_id
                               AND n.payload->>'sessionId' = r.session_id::text AND n.payload->>'when' = r."when")
       )
       SELECT f.session_id, f.user_id, f."when", f.role, s.class_id, s.starts_at, s.ends_at,
              coalesce(nullif(s.location, ''), k.location) AS location, c.title_zh AS course
         FROM fresh f JOIN class_sessions s ON s.id = f.session_id JOIN classes k ON k.id = s.class_id JOIN courses c ON c.id = k.course_id`,
      [now.toISOString(), evening, morning],
    );
  }

  /** Picks (at most 500) follow-ups due by `now` (China date) that nobody recorded or was told of, and marks them told. */
  @SqlExample(() => [Example.DATE])
  async takeDueFollowups(now: Date, manager?: EntityManager): Promise<DueFollowup[]> {
    return (manager ?? this.db.manager).query(
      `WITH picked AS (
         SELECT id FROM placement_followups
          WHERE recorded_at IS NULL AND due_notified_at IS NULL AND due_on <= ($1::timestamptz AT TIME ZONE '${CHINA_TZ}')::date
          ORDER BY due_on LIMIT 500 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE placement_followups p SET due_notified_at = now() FROM picked WHERE p.id = picked.id RETURNING p.id, p.referral_id, p.due_on
       )
       SELECT m.id, m.referral_id, to_char(m.due_on, 'YYYY-MM-DD') AS due_on, j.title AS job, f.referred_by, f.employer_id, f.org_id
         FROM marked m JOIN referrals f ON f.id = m.referral_id JOIN job_openings j ON j.id = f.job_id`,
      [now.toISOString()],
    );
  }

  /**
   * Who hears of each follow-up, in one query for all of them: the coordinator (or admin) who
   * referred her, the coordinators of her station, and the employer's users. Returns, per follow-up
   * (in the order given), the active recipients' ids.
   */
  @SqlExample(() => [[{ referred_by: Example.ID, org_id: Example.ID2, employer_id: Example.ID2 }]])
  async followupRecipients(due: Pick<DueFollowup, 'referred_by' | 'org_id' | 'employer_id'>[], manager?: EntityManager): Promise<string[][]> {
    if (due.length === 0) return [];
    const rows: { n: string; id: string }[] = await (manager ?? this.db.manager).query(
      `SELECT d.n, u.id
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS d(referred_by, org_id, employer_id, n)
         JOIN users u ON u.status = 'active' AND (
              (u.id = d.referred_by AND u.role IN ('coordinator','admin'))
              OR (u.role = 'coordinator' AND u.org_id = d.org_id)
              OR (u.role = 'employer' AND u.employer_id = d.employer_id))
        ORDER BY d.n`,
      [due.map((d) => d.referred_by), due.map((d) => d.org_id), due.map((d) => d.employer_id)],
    );
    const people = due.map((): string[] => []);
    for (const r of rows) people[Number(r.n) - 1].push(r.id);
    return people;
  }
}
