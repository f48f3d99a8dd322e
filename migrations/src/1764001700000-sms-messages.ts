import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per notification texted (issue 17): claimed before the provider is called, so a
 * notification is never texted twice however often delivery is retried, and counted for the
 * per-person daily cap. No phone number and no text: the kind, the provider and its message id.
 * Her notifications' erasure removes these rows with them.
 */
export class SmsMessages1764001700000 implements MigrationInterface {
  name = 'SmsMessages1764001700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        notification_id uuid NOT NULL UNIQUE REFERENCES notifications(id) ON DELETE CASCADE,
        kind text NOT NULL,
        provider text NOT NULL,
        provider_message_id text,
        status text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
        failure_reason text,
        error_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT sms_messages_sent_has_time CHECK (status <> 'sent' OR sent_at IS NOT NULL)
      );
      CREATE INDEX sms_messages_user_day_idx ON sms_messages (user_id, created_at) WHERE status <> 'failed';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_messages`);
  }
}
