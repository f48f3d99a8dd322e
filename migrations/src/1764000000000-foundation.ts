import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orgs, users, sessions, throttling and the append-only audit log.
 * Org subtrees use a materialized path ('/rootId/childId/') with a text_pattern_ops index, so
 * "everything under X" is one indexed prefix scan on any PostgreSQL, without extensions.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('national','province','city','county','club','station')),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        path text NOT NULL,
        depth int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organizations_root_has_no_parent CHECK ((parent_id IS NULL) = (depth = 0))
      );
      CREATE UNIQUE INDEX organizations_path_idx ON organizations (path text_pattern_ops);
      CREATE INDEX organizations_parent_idx ON organizations (parent_id);
      CREATE UNIQUE INDEX organizations_sibling_name_idx ON organizations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

      CREATE TABLE employers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES organizations(id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        industry text NOT NULL DEFAULT '',
        contact_name text NOT NULL DEFAULT '',
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX employers_org_idx ON employers (org_id);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        name text,
        password_hash text,
        role text NOT NULL CHECK (role IN ('admin','coordinator','instructor','learner','employer')),
        org_id uuid REFERENCES organizations(id),
        learner_type text CHECK (learner_type IN ('volunteer_mother','migrant_worker')),
        employer_id uuid REFERENCES employers(id),
        locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN','en')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled','erased')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CONSTRAINT users_staff_have_org CHECK (role = 'learner' OR org_id IS NOT NULL),
        CONSTRAINT users_learner_type CHECK ((role = 'learner') = (learner_type IS NOT NULL) OR status = 'erased'),
        CONSTRAINT users_employer_link CHECK ((role = 'employer') = (employer_id IS NOT NULL)),
        CONSTRAINT users_erased_have_no_identity CHECK (status <> 'erased' OR (phone IS NULL AND name IS NULL AND password_hash IS NULL))
      );
      CREATE UNIQUE INDEX users_phone_idx ON users (phone) WHERE phone IS NOT NULL;
      CREATE INDEX users_org_role_idx ON users (org_id, role);
      CREATE INDEX users_employer_idx ON users (employer_id) WHERE employer_id IS NOT NULL;

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

      -- Fixed-window counters for login throttling and public rate limits, shared by every API instance.
      CREATE TABLE throttle_counters (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits int NOT NULL,
        blocked_until timestamptz
      );

      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        org_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);
      CREATE INDEX audit_events_at_idx ON audit_events (at DESC);

      -- Append-only, whatever role connects: updates and deletes are refused by the database itself.
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      -- Notifications outbox: written in the same transaction as the change they announce,
      -- delivered later by a provider (log by default, SMS where a deployment adds one).
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE sent_at IS NULL;
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

      CREATE TABLE seed_runs (
        name text PRIMARY KEY,
        ran_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE seed_runs, notifications;
      DROP TRIGGER audit_events_no_update ON audit_events;
      DROP TRIGGER audit_events_no_truncate ON audit_events;
      DROP TABLE audit_events;
      DROP FUNCTION audit_events_append_only();
      DROP TABLE throttle_counters, refresh_tokens, users, employers, organizations;
    `);
  }
}
