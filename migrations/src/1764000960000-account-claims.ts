import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activation codes for learner accounts a club registered without a password (CSV import, or
 * created by a coordinator). Registration with such a phone needs the code, so knowing someone's
 * phone number is not enough to take over her records. One live code per account, stored as an HMAC.
 */
export class AccountClaims1764000960000 implements MigrationInterface {
  name = 'AccountClaims1764000960000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_claims (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        issued_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_claims`);
  }
}
