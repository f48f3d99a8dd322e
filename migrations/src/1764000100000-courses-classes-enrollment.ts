import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue (courses, lessons, assessments, question bank), classes with sessions, enrollments
 * with a waitlist, certificates (needed for prerequisites), and CSV import jobs.
 * Capacity is held by a counter on the class row, changed only under that row's lock and
 * bounded by a CHECK, so concurrent enrollments can never oversell.
 */
export class CoursesClassesEnrollment1764000100000 implements MigrationInterface {
  // The name existing databases recorded when this migration ran; the class was spelled "Enrolment" then.
  name = 'CoursesClassesEnrolment1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
        category text NOT NULL CHECK (category IN ('law','care','vocational')),
        title_zh text NOT NULL CHECK (char_length(title_zh) BETWEEN 1 AND 200),
        title_en text NOT NULL CHECK (char_length(title_en) BETWEEN 1 AND 200),
        description_zh text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        required_hours numeric(6,1) NOT NULL DEFAULT 0 CHECK (required_hours >= 0),
        min_attendance_pct int NOT NULL DEFAULT 80 CHECK (min_attendance_pct BETWEEN 0 AND 100),
        pass_mark int NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
        validity_months int CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 600),
        required_for_volunteers boolean NOT NULL DEFAULT false,
        published boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX courses_category_idx ON courses (category) WHERE published;

      CREATE TABLE course_prerequisites (
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        prerequisite_id uuid NOT NULL REFERENCES courses(id),
        PRIMARY KEY (course_id, prerequisite_id),
        CHECK (course_id <> prerequisite_id)
      );

      CREATE TABLE lessons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        position int NOT NULL,
        title_zh text NOT NULL,
        title_en text NOT NULL,
        body_zh text NOT NULL DEFAULT '',
        body_en text NOT NULL DEFAULT '',
        hours numeric(5,1) NOT NULL DEFAULT 0 CHECK (hours >= 0),
        UNIQUE (course_id, position)
      );

      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('quiz','practical')),
        title_zh text NOT NULL,
        title_en text NOT NULL,
        pass_mark int NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
        max_attempts int CHECK (max_attempts IS NULL OR max_attempts >= 1),
        UNIQUE (course_id, position)
      );

      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('single','multiple','true_false')),
        prompt_zh text NOT NULL,
        prompt_en text NOT NULL,
        options jsonb NOT NULL,
        correct int[] NOT NULL CHECK (cardinality(correct) >= 1),
        explanation_zh text NOT NULL DEFAULT '',
        explanation_en text NOT NULL DEFAULT '',
        UNIQUE (assessment_id, position)
      );

      CREATE TABLE classes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES courses(id),
        org_id uuid NOT NULL REFERENCES organizations(id),
        instructor_id uuid REFERENCES users(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        capacity int NOT NULL CHECK (capacity >= 1),
        location text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','running','finished','cancelled')),
        enrolled_count int NOT NULL DEFAULT 0,
        waitlist_count int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT classes_dates CHECK (ends_on >= starts_on),
        CONSTRAINT classes_never_oversold CHECK (enrolled_count BETWEEN 0 AND capacity),
        CONSTRAINT classes_waitlist_nonnegative CHECK (waitlist_count >= 0)
      );
      CREATE INDEX classes_org_idx ON classes (org_id);
      CREATE INDEX classes_course_idx ON classes (course_id, starts_on);
      CREATE INDEX classes_instructor_idx ON classes (instructor_id);

      CREATE TABLE class_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location text NOT NULL DEFAULT '',
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX class_sessions_class_idx ON class_sessions (class_id, starts_at);

      CREATE TABLE enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        class_id uuid NOT NULL REFERENCES classes(id),
        learner_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL CHECK (status IN ('enrolled','waitlisted','withdrawn','completed','failed')),
        waitlist_position int,
        enrolled_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        CONSTRAINT enrollments_waitlist_position CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL)),
        CONSTRAINT enrollments_position_positive CHECK (waitlist_position IS NULL OR waitlist_position >= 1)
      );
      -- One live enrollment per learner and class; a withdrawn one may be followed by a new one.
      CREATE UNIQUE INDEX enrollments_live_idx ON enrollments (class_id, learner_id) WHERE status <> 'withdrawn';
      CREATE INDEX enrollments_learner_idx ON enrollments (learner_id);
      CREATE INDEX enrollments_waitlist_idx ON enrollments (class_id, waitlist_position) WHERE status = 'waitlisted';

      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        enrollment_id uuid UNIQUE REFERENCES enrollments(id),
        learner_id uuid NOT NULL REFERENCES users(id),
        course_id uuid NOT NULL REFERENCES courses(id),
        class_id uuid REFERENCES classes(id),
        org_id uuid NOT NULL REFERENCES organizations(id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid','revoked')),
        revoked_at timestamptz,
        revocation_reason text,
        issued_by uuid REFERENCES users(id)
      );
      CREATE INDEX certificates_learner_idx ON certificates (learner_id, course_id);
      CREATE INDEX certificates_org_idx ON certificates (org_id, issued_at);

      CREATE TABLE import_jobs (
        id uuid PRIMARY KEY,
        created_by uuid NOT NULL REFERENCES users(id),
        org_id uuid NOT NULL REFERENCES organizations(id),
        class_id uuid REFERENCES classes(id),
        status text NOT NULL CHECK (status IN ('running','done','failed')),
        total_rows int NOT NULL DEFAULT 0,
        processed_rows int NOT NULL DEFAULT 0,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_jobs, certificates, enrollments, class_sessions, classes, questions, assessments, lessons, course_prerequisites, courses`);
  }
}
