import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CHINA_TZ } from '../common/china-time.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JOBS } from '../queue/jobs.js';
import { NotificationsService } from './notifications.service.js';

/** Local times (China) from which reminders go out: the evening before, and the morning of. */
export const REMINDER_EVENING = '18:00';
export const REMINDER_MORNING = '07:00';

/** A job may carry `now` (ISO) to run as of another moment: tests drive the clock through the queue with it. */
interface ClockData {
  now?: string;
}

const clockOf = (data: ClockData | undefined) => (data?.now ? new Date(data.now) : new Date());

/**
 * Notifications caused by the clock rather than by a request: session reminders and follow-ups
 * falling due. Cron jobs every minute (so within 60 s of the moment); each is idempotent, the
 * unique (session, person, moment) key on the reminder or the follow-up's due_notified_at makes a second run, or a
 * second instance, write nothing twice.
 */
@Injectable()
export class ScheduledNotificationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit() {
    this.jobs.register<ClockData>(JOBS.sessionReminders, (job) => this.sessionReminders(clockOf(job.data)));
    this.jobs.schedule(JOBS.sessionReminders, '* * * * *');
    this.jobs.register<ClockData>(JOBS.followupsDue, (job) => this.followupsDue(clockOf(job.data)));
    this.jobs.schedule(JOBS.followupsDue, '* * * * *');
  }

  /**
   * From 18:00 China time: sessions on tomorrow's date; from 07:00: sessions later today (a session
   * added after either moment is reminded at the next run, while still before its start). To each
   * enrolled learner and to the class's instructor; never for a cancelled session or class.
   */
  async sessionReminders(now: Date): Promise<{ written: number }> {
    return this.db.transaction(async (tx) => {
      const rows: { session_id: string; user_id: string; when: 'tomorrow' | 'today'; role: 'learner' | 'instructor'; class_id: string; starts_at: Date; ends_at: Date; location: string; course: string }[] = await tx.query(
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
        [now.toISOString(), REMINDER_EVENING, REMINDER_MORNING],
      );
      let written = 0;
      for (const r of rows) {
        const id = await this.notifications.queue(tx, r.user_id, 'session.reminder', {
          classId: r.class_id,
          sessionId: r.session_id,
          course: r.course,
          startsAt: new Date(r.starts_at).toISOString(),
          endsAt: new Date(r.ends_at).toISOString(),
          location: r.location,
          when: r.when,
          role: r.role,
        });
        if (id) written += 1;
      }
      return { written };
    });
  }

  /**
   * Follow-ups of a placement whose day has come (China date) and that nobody recorded yet: to the
   * coordinator who referred her, the coordinators of her station, and the employer's users. Once each.
   */
  async followupsDue(now: Date): Promise<{ written: number }> {
    return this.db.transaction(async (tx) => {
      const due: { id: string; referral_id: string; due_on: string; job: string; referred_by: string; employer_id: string; org_id: string }[] = await tx.query(
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
      let written = 0;
      for (const d of due) {
        const people: { id: string }[] = await tx.query(
          `SELECT id FROM users WHERE status = 'active' AND (
             (id = $1 AND role IN ('coordinator','admin'))
             OR (role = 'coordinator' AND org_id = $2)
             OR (role = 'employer' AND employer_id = $3))`,
          [d.referred_by, d.org_id, d.employer_id],
        );
        for (const p of people) {
          await this.notifications.queue(tx, p.id, 'followup.due', { referralId: d.referral_id, job: d.job, dueOn: d.due_on });
          written += 1;
        }
      }
      return { written };
    });
  }
}
