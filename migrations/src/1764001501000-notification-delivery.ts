import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification delivery on the job queue (issue 17): each row records what became of its SMS, and
 * the reminders written by cron jobs are remembered so none is written twice.
 * The queue's own tables (schema pgboss) are installed by pg-boss's versioned migrator, run by
 * runMigrations right after these (docs/decisions/015-job-queue.md).
 */
export class NotificationDelivery1764001501000 implements MigrationInterface {
  name = 'NotificationDelivery1764001501000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- sending (claimed by a delivery job at sms_claimed_at), sent, skipped, deferred, retry, failed; NULL = not yet tried.
      ALTER TABLE notifications
        ADD COLUMN sms_status text CHECK (sms_status IN ('sending','sent','skipped','deferred','retry','failed')),
        ADD COLUMN sms_at timestamptz,
        ADD COLUMN sms_claimed_at timestamptz,
        ADD COLUMN sms_detail text;

      -- One reminder per session, person and moment, however many runs or instances notice it. A key on
      -- the notification itself rather than a table of its own: nothing more about her to export or erase.
      CREATE UNIQUE INDEX notifications_session_reminder_once ON notifications (user_id, (payload->>'sessionId'), (payload->>'when')) WHERE kind = 'session.reminder';
      CREATE INDEX class_sessions_upcoming_idx ON class_sessions (starts_at) WHERE cancelled_at IS NULL;

      ALTER TABLE placement_followups ADD COLUMN due_notified_at timestamptz;
      CREATE INDEX placement_followups_to_notify_idx ON placement_followups (due_on) WHERE recorded_at IS NULL AND due_notified_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX placement_followups_to_notify_idx;
      ALTER TABLE placement_followups DROP COLUMN due_notified_at;
      DROP INDEX class_sessions_upcoming_idx;
      DROP INDEX notifications_session_reminder_once;
      ALTER TABLE notifications DROP COLUMN sms_status, DROP COLUMN sms_at, DROP COLUMN sms_claimed_at, DROP COLUMN sms_detail;
    `);
  }
}
