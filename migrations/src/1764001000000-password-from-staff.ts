import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether her password is one staff set (a new account's, or a reset's) and so is known to someone
 * else: the web then asks her, right after she signs in, to choose one only she knows. Her own
 * registration or change clears it. Existing accounts start false.
 */
export class PasswordFromStaff1764001000000 implements MigrationInterface {
  name = 'PasswordFromStaff1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN password_from_staff boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN password_from_staff`);
  }
}
