import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance: one current mark per learner and session, a history row for every change,
 * and idempotency keys stored in the same transaction as the marks they protect.
 */
export class Attendance1764000300000 implements MigrationInterface {
  name = 'Attendance1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attendance_marks (
        session_id uuid NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES users(id),
        enrollment_id uuid NOT NULL REFERENCES enrollments(id),
        status text NOT NULL CHECK (status IN ('present','late','absent','excused')),
        note text CHECK (char_length(note) <= 500),
        source text NOT NULL CHECK (source IN ('roster','check-in','offline-sync')),
        marked_by uuid NOT NULL REFERENCES users(id),
        marked_at timestamptz NOT NULL DEFAULT now(),
        client_mutation_id text,
        PRIMARY KEY (session_id, learner_id)
      );
      CREATE INDEX attendance_marks_enrollment_idx ON attendance_marks (enrollment_id);

      CREATE TABLE attendance_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES class_sessions(id) ON DELETE CASCADE,
        learner_id uuid NOT NULL REFERENCES users(id),
        old_status text,
        new_status text NOT NULL,
        old_note text,
        new_note text,
        source text NOT NULL,
        changed_by uuid NOT NULL REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        client_mutation_id text
      );
      CREATE INDEX attendance_history_session_idx ON attendance_history (session_id, changed_at);

      CREATE TABLE idempotency_keys (
        key text PRIMARY KEY,
        request_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys, attendance_history, attendance_marks`);
  }
}
