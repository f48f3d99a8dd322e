import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications people receive (issue 17): the outbox rows become her inbox (read_at), and she
 * chooses which kinds also go by SMS. No row in notification_preferences means the defaults
 * (DEFAULT_SMS_KINDS in libs/contracts).
 */
export class NotificationInbox1764001500000 implements MigrationInterface {
  name = 'NotificationInbox1764001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications ADD COLUMN read_at timestamptz;
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        sms_kinds text[] NOT NULL,
        sms_opted_out_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification_preferences;
      DROP INDEX notifications_unread_idx;
      ALTER TABLE notifications DROP COLUMN read_at;
    `);
  }
}
