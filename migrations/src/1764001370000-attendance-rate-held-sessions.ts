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
      CREATE FUNCTION dirty_from_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM mark_org_dirty((SELECT org_id FROM classes WHERE id = OLD.class_id)); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM mark_org_dirty((SELECT org_id FROM classes WHERE id = NEW.class_id)); END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER class_sessions_mark_stats AFTER INSERT OR DELETE OR UPDATE OF starts_at, class_id ON class_sessions
        FOR EACH ROW EXECUTE FUNCTION dirty_from_session();
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
      DROP TRIGGER class_sessions_mark_stats ON class_sessions;
      DROP FUNCTION dirty_from_session();
      COMMENT ON COLUMN org_stats_direct.marks IS NULL;
      COMMENT ON COLUMN org_stats_direct.attended IS NULL;
      INSERT INTO stats_dirty (org_id) SELECT id FROM organizations ON CONFLICT DO NOTHING;
    `);
  }
}
