import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '../queue/job-queue.service.js';
import { JOBS } from '../queue/jobs.js';
import { NotificationsRepository } from './notifications.repository.js';
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
    private readonly outbox: NotificationsRepository,
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
      const rows = await this.outbox.dueReminders(now, REMINDER_EVENING, REMINDER_MORNING, tx);
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
      const due = await this.outbox.takeDueFollowups(now, tx);
      const recipients = await this.outbox.followupRecipients(due, tx);
      let written = 0;
      for (const [i, d] of due.entries()) {
        for (const userId of recipients[i]) {
          await this.notifications.queue(tx, userId, 'followup.due', { referralId: d.referral_id, job: d.job, dueOn: d.due_on });
          written += 1;
        }
      }
      return { written };
    });
  }
}
