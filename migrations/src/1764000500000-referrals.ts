import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job openings, consent events (PIPL art. 23: separate consent before data goes to an employer),
 * referrals with their status history, and follow-ups after a hire.
 */
export class Referrals1764000500000 implements MigrationInterface {
  name = 'Referrals1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_openings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employers(id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        location text NOT NULL DEFAULT '',
        positions int NOT NULL CHECK (positions BETWEEN 1 AND 10000),
        wage_min int CHECK (wage_min >= 0),
        wage_max int CHECK (wage_max >= 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (wage_min IS NULL OR wage_max IS NULL OR wage_max >= wage_min)
      );
      CREATE INDEX job_openings_employer_idx ON job_openings (employer_id);

      CREATE TABLE job_required_courses (
        job_id uuid NOT NULL REFERENCES job_openings(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES courses(id),
        PRIMARY KEY (job_id, course_id)
      );

      -- Government qualifications (by occupation) an opening accepts in place of a Hearth certificate.
      CREATE TABLE job_accepted_qualifications (
        job_id uuid NOT NULL REFERENCES job_openings(id) ON DELETE CASCADE,
        occupation text NOT NULL,
        PRIMARY KEY (job_id, occupation)
      );

      CREATE TABLE consent_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        learner_id uuid NOT NULL REFERENCES users(id),
        scope text NOT NULL CHECK (scope IN ('referrals')),
        action text NOT NULL CHECK (action IN ('grant','withdraw')),
        notice_version text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX consent_events_learner_idx ON consent_events (learner_id, scope, at DESC, id DESC);

      CREATE TABLE referrals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        learner_id uuid NOT NULL REFERENCES users(id),
        job_id uuid NOT NULL REFERENCES job_openings(id),
        employer_id uuid NOT NULL REFERENCES employers(id),
        org_id uuid NOT NULL REFERENCES organizations(id),
        referred_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'referred' CHECK (status IN ('referred','contacted','interviewing','hired','not_hired','withdrawn')),
        note text CHECK (char_length(note) <= 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        hired_at timestamptz,
        UNIQUE (learner_id, job_id)
      );
      CREATE INDEX referrals_employer_idx ON referrals (employer_id, status);
      CREATE INDEX referrals_org_idx ON referrals (org_id, status);

      CREATE TABLE referral_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referrals(id),
        from_status text,
        to_status text NOT NULL,
        note text,
        actor_id uuid REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, at);

      CREATE TABLE placement_followups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referrals(id),
        day_mark int NOT NULL CHECK (day_mark IN (30, 90, 180)),
        due_on date NOT NULL,
        still_employed boolean,
        wage_band text CHECK (wage_band IN ('below_3000','3000_4999','5000_6999','7000_plus')),
        note text,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz,
        UNIQUE (referral_id, day_mark)
      );
      CREATE INDEX placement_followups_due_idx ON placement_followups (due_on) WHERE recorded_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE placement_followups, referral_events, referrals, consent_events, job_accepted_qualifications, job_required_courses, job_openings`,
    );
  }
}
