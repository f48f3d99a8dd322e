import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quiz attempts and practical grades, certificate details (hours, renewal, signed credential,
 * reminders), the issuer's signing key, and external (government) qualifications.
 */
export class AssessmentsCertificates1764000400000 implements MigrationInterface {
  name = 'AssessmentsCertificates1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments(id),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        learner_id uuid NOT NULL REFERENCES users(id),
        attempt_no int NOT NULL CHECK (attempt_no >= 1),
        score int NOT NULL CHECK (score BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        answers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assessment_id, enrollment_id, attempt_no)
      );

      CREATE TABLE assessment_results (
        assessment_id uuid NOT NULL REFERENCES assessments(id),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        learner_id uuid NOT NULL REFERENCES users(id),
        score int NOT NULL CHECK (score BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        note text CHECK (char_length(note) <= 1000),
        graded_by uuid NOT NULL REFERENCES users(id),
        graded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, enrollment_id)
      );

      ALTER TABLE certificates
        ADD COLUMN hours numeric(6,1) NOT NULL DEFAULT 0,
        ADD COLUMN supersedes_id uuid REFERENCES certificates(id),
        ADD COLUMN credential_jwt text,
        ADD COLUMN reminder_queued_at timestamptz,
        ADD CONSTRAINT certificates_revocation_reason CHECK ((status = 'revoked') = (revocation_reason IS NOT NULL));
      CREATE INDEX certificates_expiry_idx ON certificates (expires_at) WHERE status = 'valid' AND reminder_queued_at IS NULL;

      -- The issuer's Ed25519 key, shared by every API instance. A deployment may move it to a KMS.
      CREATE TABLE signing_keys (
        id text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        private_pkcs8 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE external_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES users(id),
        certificate_number text NOT NULL CHECK (char_length(certificate_number) BETWEEN 4 AND 40),
        occupation text NOT NULL,
        level text NOT NULL DEFAULT '',
        issuing_body text NOT NULL,
        issued_on date NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users(id),
        checked_by uuid REFERENCES users(id),
        checked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (learner_id, certificate_number)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE external_credentials, signing_keys, assessment_results, assessment_attempts;
      ALTER TABLE certificates DROP CONSTRAINT certificates_revocation_reason, DROP COLUMN hours, DROP COLUMN supersedes_id, DROP COLUMN credential_jwt, DROP COLUMN reminder_queued_at;
    `);
  }
}
