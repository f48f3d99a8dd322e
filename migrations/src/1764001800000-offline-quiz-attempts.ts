import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quiz attempts taken on a phone without signal (issue 16): each carries the id the phone gave it
 * when she opened the quiz, so however often it is sent it is graded and counted once, and the times
 * the phone says she started and handed it in (kept for the record; the server's own time of
 * receipt, created_at, is what rules are judged on). `certificate_issued` lets a replay answer
 * exactly what the first delivery answered.
 */
export class OfflineQuizAttempts1764001800000 implements MigrationInterface {
  name = 'OfflineQuizAttempts1764001800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessment_attempts
        ADD COLUMN client_attempt_id uuid,
        ADD COLUMN client_started_at timestamptz,
        ADD COLUMN client_submitted_at timestamptz,
        ADD COLUMN certificate_issued boolean NOT NULL DEFAULT false;
      CREATE UNIQUE INDEX assessment_attempts_client_attempt_idx ON assessment_attempts (client_attempt_id) WHERE client_attempt_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX assessment_attempts_client_attempt_idx;
      ALTER TABLE assessment_attempts DROP COLUMN client_attempt_id, DROP COLUMN client_started_at, DROP COLUMN client_submitted_at, DROP COLUMN certificate_issued;
    `);
  }
}
