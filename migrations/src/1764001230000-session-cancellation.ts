import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coordinator may cancel one session of a class. The row stays (marks may point at it, and the
 * schedule shows it struck through), but a cancelled session is never "held": attendance rates,
 * hours and the dashboards leave it out. Also the collation rosters sort names by.
 */
export class SessionCancellation1764001230000 implements MigrationInterface {
  name = 'SessionCancellation1764001230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE class_sessions ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancelled_by uuid REFERENCES users(id)`);
    // Rosters list names in Chinese (pinyin) order where the server has ICU; elsewhere by code point.
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'zh-x-icu') THEN
        CREATE COLLATION IF NOT EXISTS hearth_names FROM "zh-x-icu";
      ELSE
        CREATE COLLATION IF NOT EXISTS hearth_names FROM "C";
      END IF;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP COLLATION IF EXISTS hearth_names`);
    await q.query(`ALTER TABLE class_sessions DROP COLUMN cancelled_by, DROP COLUMN cancelled_at`);
  }
}
