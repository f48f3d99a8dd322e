import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens are short-lived JWTs. After a password change or a staff reset, the ones already
 * handed out (another phone's) must stop at once, not when they expire: each token carries the
 * account's version (`ver`), and the change bumps it. Tokens without `ver` count as version 0.
 */
export class TokenVersion1764001100000 implements MigrationInterface {
  name = 'TokenVersion1764001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
