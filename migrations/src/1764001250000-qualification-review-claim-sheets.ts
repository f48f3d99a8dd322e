import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Government qualifications get a review: a coordinator verifies one (optionally matching it to the
 * course whose certificate it stands in for) or rejects it with a reason the learner reads. Those
 * already looked up in the national register count as verified.
 * An import remembers the learners it touched, so their activation codes can be printed in one go.
 */
export class QualificationReviewClaimSheets1764001250000 implements MigrationInterface {
  name = 'QualificationReviewClaimSheets1764001250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE external_credentials
        ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
        ADD COLUMN course_id uuid REFERENCES courses(id),
        ADD COLUMN rejection_reason text,
        ADD COLUMN expires_on date,
        ADD CONSTRAINT external_credentials_rejection_reason CHECK (status <> 'rejected' OR rejection_reason IS NOT NULL);
      UPDATE external_credentials SET status = 'verified' WHERE checked_at IS NOT NULL;
      CREATE INDEX external_credentials_pending ON external_credentials (created_at) WHERE status = 'pending';
      CREATE INDEX external_credentials_verified_course ON external_credentials (learner_id, course_id) WHERE status = 'verified';
      ALTER TABLE import_jobs ADD COLUMN learner_ids uuid[] NOT NULL DEFAULT '{}';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE import_jobs DROP COLUMN learner_ids;
      DROP INDEX external_credentials_pending, external_credentials_verified_course;
      ALTER TABLE external_credentials DROP CONSTRAINT external_credentials_rejection_reason,
        DROP COLUMN status, DROP COLUMN course_id, DROP COLUMN rejection_reason, DROP COLUMN expires_on;
    `);
  }
}
