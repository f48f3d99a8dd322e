import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One definition of the attendance rate everywhere: attended ÷ sessions held so far, per enrolled
 * learner, attended = present or late (what a learner sees on her class page and what the
 * certificate rule checks). The dashboard used to divide by the marks recorded, so an unmarked
 * learner did not count as absent. `org_stats_*.marks` now holds the attendances expected: one per
 * enrolled learner and session held. Sessions change that number, so they mark their org dirty;
 * a session that merely starts is picked up by the refresher (sessions started since its last run).
 */
export class AttendanceRateHeldSessions1764001370000 implements MigrationInterface {
  name = 'AttendanceRateHeldSessions1764001370000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Statement-level with transition tables: a class created with 20 sessions marks its org once.
      CREATE FUNCTION dirty_from_new_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stats_dirty (org_id)
        SELECT DISTINCT k.org_id FROM changed_sessions s JOIN classes k ON k.id = s.class_id
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER class_sessions_insert_stats AFTER INSERT ON class_sessions
        REFERENCING NEW TABLE AS changed_sessions FOR EACH STATEMENT EXECUTE FUNCTION dirty_from_new_sessions();
      CREATE TRIGGER class_sessions_update_stats AFTER UPDATE ON class_sessions
        REFERENCING NEW TABLE AS changed_sessions FOR EACH STATEMENT EXECUTE FUNCTION dirty_from_new_sessions();
      CREATE TRIGGER class_sessions_delete_stats AFTER DELETE ON class_sessions
        REFERENCING OLD TABLE AS changed_sessions FOR EACH STATEMENT EXECUTE FUNCTION dirty_from_new_sessions();
      CREATE INDEX class_sessions_starts_at_idx ON class_sessions (starts_at);
      COMMENT ON COLUMN org_stats_direct.marks IS 'Attendances expected: enrolled learners (enrolled, completed, failed) x sessions held (started)';
      COMMENT ON COLUMN org_stats_direct.attended IS 'Of those, marked present or late';
      -- Recompute every org under the new definition.
      INSERT INTO stats_dirty (org_id) SELECT id FROM organizations ON CONFLICT DO NOTHING;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX class_sessions_starts_at_idx;
      DROP TRIGGER class_sessions_delete_stats ON class_sessions;
      DROP TRIGGER class_sessions_update_stats ON class_sessions;
      DROP TRIGGER class_sessions_insert_stats ON class_sessions;
      DROP FUNCTION dirty_from_new_sessions();
      COMMENT ON COLUMN org_stats_direct.marks IS NULL;
      COMMENT ON COLUMN org_stats_direct.attended IS NULL;
      INSERT INTO stats_dirty (org_id) SELECT id FROM organizations ON CONFLICT DO NOTHING;
    `);
  }
}
