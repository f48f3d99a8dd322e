import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboard aggregates, so a province summary never scans raw attendance.
 *
 * Writes to the counted tables mark their org "dirty" (cheap triggers). A job recomputes each dirty
 * org's own numbers from raw rows (small: one station's records), then rolls them up the tree one
 * level at a time, so every org holds the totals of its whole subtree: a summary reads one row per
 * month, and its breakdown one row per child.
 */
export class ReportAggregates1764000600000 implements MigrationInterface {
  name = 'ReportAggregates1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stats_dirty (
        org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        since timestamptz NOT NULL DEFAULT now()
      );

      -- Per org, month (China time) and course; course_id is the zero uuid for referral numbers.
      CREATE TABLE org_stats_direct (
        org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        month date NOT NULL,
        course_id uuid NOT NULL,
        enrollments int NOT NULL DEFAULT 0,
        marks int NOT NULL DEFAULT 0,
        attended int NOT NULL DEFAULT 0,
        certificates int NOT NULL DEFAULT 0,
        referrals int NOT NULL DEFAULT 0,
        hires int NOT NULL DEFAULT 0,
        PRIMARY KEY (org_id, month, course_id)
      );
      CREATE TABLE org_stats_subtree (LIKE org_stats_direct INCLUDING ALL);

      -- Current state (not by month): people and the referral pipeline.
      CREATE TABLE org_state_direct (
        org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        learners int NOT NULL DEFAULT 0,
        volunteer_mothers int NOT NULL DEFAULT 0,
        ready_volunteer_mothers int NOT NULL DEFAULT 0,
        referred int NOT NULL DEFAULT 0,
        contacted int NOT NULL DEFAULT 0,
        interviewing int NOT NULL DEFAULT 0,
        hired int NOT NULL DEFAULT 0,
        not_hired int NOT NULL DEFAULT 0,
        withdrawn int NOT NULL DEFAULT 0
      );
      CREATE TABLE org_state_subtree (LIKE org_state_direct INCLUDING ALL);

      CREATE TABLE stats_refreshes (
        id int PRIMARY KEY CHECK (id = 1),
        refreshed_at timestamptz NOT NULL
      );
      INSERT INTO stats_refreshes VALUES (1, now());

      CREATE FUNCTION mark_org_dirty(org uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO stats_dirty (org_id) SELECT org WHERE org IS NOT NULL ON CONFLICT DO NOTHING;
      $$;

      CREATE FUNCTION dirty_from_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM mark_org_dirty(OLD.org_id); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM mark_org_dirty(NEW.org_id); END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER users_mark_stats AFTER INSERT OR DELETE OR UPDATE OF org_id, role, status, learner_type ON users
        FOR EACH ROW EXECUTE FUNCTION dirty_from_user();

      CREATE FUNCTION dirty_from_enrollment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_org_dirty((SELECT org_id FROM classes WHERE id = coalesce(NEW.class_id, OLD.class_id)));
        RETURN NULL;
      END $$;
      CREATE TRIGGER enrollments_mark_stats AFTER INSERT OR DELETE OR UPDATE OF status ON enrollments
        FOR EACH ROW EXECUTE FUNCTION dirty_from_enrollment();

      -- Statement-level with transition tables: a 40-learner roster marks its org once, not 40 times.
      CREATE FUNCTION dirty_from_marks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO stats_dirty (org_id)
        SELECT DISTINCT k.org_id FROM changed_marks m JOIN class_sessions s ON s.id = m.session_id JOIN classes k ON k.id = s.class_id
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER attendance_marks_insert_stats AFTER INSERT ON attendance_marks
        REFERENCING NEW TABLE AS changed_marks FOR EACH STATEMENT EXECUTE FUNCTION dirty_from_marks();
      CREATE TRIGGER attendance_marks_update_stats AFTER UPDATE ON attendance_marks
        REFERENCING NEW TABLE AS changed_marks FOR EACH STATEMENT EXECUTE FUNCTION dirty_from_marks();

      -- A certificate counts for the issuing org, and changes the readiness of the holder's org.
      CREATE FUNCTION dirty_from_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_org_dirty(NEW.org_id);
        PERFORM mark_org_dirty((SELECT org_id FROM users WHERE id = NEW.learner_id));
        RETURN NULL;
      END $$;
      CREATE TRIGGER certificates_mark_stats AFTER INSERT OR UPDATE OF status, expires_at ON certificates
        FOR EACH ROW EXECUTE FUNCTION dirty_from_certificate();

      CREATE FUNCTION dirty_from_referral() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_org_dirty(NEW.org_id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER referrals_mark_stats AFTER INSERT OR UPDATE OF status ON referrals
        FOR EACH ROW EXECUTE FUNCTION dirty_from_referral();

      CREATE INDEX certificates_expires_at_idx ON certificates (expires_at) WHERE status = 'valid';

      -- Everything that exists before this migration counts from the first refresh on.
      INSERT INTO stats_dirty (org_id) SELECT id FROM organizations;
      CREATE FUNCTION dirty_from_org() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM mark_org_dirty(NEW.id);
        RETURN NULL;
      END $$;
      CREATE TRIGGER organizations_mark_stats AFTER INSERT ON organizations
        FOR EACH ROW EXECUTE FUNCTION dirty_from_org();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER organizations_mark_stats ON organizations;
      DROP TRIGGER referrals_mark_stats ON referrals;
      DROP TRIGGER certificates_mark_stats ON certificates;
      DROP TRIGGER attendance_marks_update_stats ON attendance_marks;
      DROP TRIGGER attendance_marks_insert_stats ON attendance_marks;
      DROP TRIGGER enrollments_mark_stats ON enrollments;
      DROP TRIGGER users_mark_stats ON users;
      DROP FUNCTION dirty_from_org(), dirty_from_referral(), dirty_from_certificate(), dirty_from_marks(), dirty_from_enrollment(), dirty_from_user(), mark_org_dirty(uuid);
      DROP TABLE stats_refreshes, org_state_subtree, org_state_direct, org_stats_subtree, org_stats_direct, stats_dirty;
    `);
  }
}
