/**
 * Every background job Hearth runs, by queue name (pg-boss queues; docs/decisions/015-job-queue.md).
 * The schema and these queues are installed by runMigrations (database/migrate.ts), before any API
 * instance serves, so producers can enqueue inside their transactions from the first request on.
 */
export const JOBS = {
  /** One notification's delivery (SMS through SmsDispatcher); data { id }. */
  deliverNotification: 'notification.deliver',
  /** Dashboard aggregates; a self-renewing chain plus a cron watchdog, at most one queued and one running. */
  refreshStats: 'stats.refresh',
  /** certificate.expiring, 30 days ahead. */
  certificateExpiry: 'certificates.expiring',
  /** session.reminder, the evening before and the morning of. */
  sessionReminders: 'sessions.remind',
  /** followup.due to coordinators and employers. */
  followupsDue: 'followups.due',
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** Cron jobs: at most one queued and one running each ('stately'), so a slow run never piles up. */
export const QUEUE_POLICIES: Record<JobName, 'standard' | 'stately'> = {
  'notification.deliver': 'standard',
  'stats.refresh': 'stately',
  'certificates.expiring': 'stately',
  'sessions.remind': 'stately',
  'followups.due': 'stately',
};

export const QUEUE_SCHEMA = 'pgboss';
