import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifiable credentials an outside verifier accepts (docs/decisions/013): signing keys take over
 * from a date (rotation), and revocation is published as W3C Bitstring Status Lists, whose indexes
 * are allocated at random, once per certificate. Certificates signed before this migration get an
 * entry and are signed again the next time they are downloaded (credential_format < 2).
 */
export class VerifiableCredentials1764001412000 implements MigrationInterface {
  name = 'VerifiableCredentials1764001412000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE signing_keys ADD COLUMN not_before timestamptz;
      UPDATE signing_keys SET not_before = created_at;
      ALTER TABLE signing_keys ALTER COLUMN not_before SET NOT NULL, ALTER COLUMN not_before SET DEFAULT now();

      CREATE TABLE status_lists (
        id serial PRIMARY KEY,
        purpose text NOT NULL DEFAULT 'revocation' CHECK (purpose = 'revocation'),
        size int NOT NULL DEFAULT 131072 CHECK (size >= 131072 AND size % 8 = 0),
        allocated int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE status_list_entries (
        list_id int NOT NULL REFERENCES status_lists(id),
        idx int NOT NULL CHECK (idx >= 0),
        certificate_id uuid NOT NULL UNIQUE REFERENCES certificates(id),
        PRIMARY KEY (list_id, idx)
      );

      ALTER TABLE certificates ADD COLUMN credential_format smallint NOT NULL DEFAULT 1;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE certificates DROP COLUMN credential_format;
      DROP TABLE status_list_entries, status_lists;
      ALTER TABLE signing_keys DROP COLUMN not_before;
    `);
  }
}
