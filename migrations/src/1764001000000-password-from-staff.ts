import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether her password is one staff set (a new account's, or a reset's) and so is known to someone
 * else: her home page then asks her to choose one only she knows. Her own registration or change
 * clears it. Existing accounts are marked from the audit log.
 */
export class PasswordFromStaff1764001000000 implements MigrationInterface {
  name = 'PasswordFromStaff1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN password_from_staff boolean NOT NULL DEFAULT false`);
    // Until now nobody could change her own password: an account whose latest password came from staff
    // (created on the form, or reset) still has it, unless she registered (claimed it) after that.
    await q.query(`
      UPDATE users u SET password_from_staff = true
       WHERE u.password_hash IS NOT NULL
         AND EXISTS (SELECT 1 FROM audit_events a
                      WHERE a.entity_type = 'user' AND a.entity_id = u.id::text AND a.action IN ('user.create', 'user.password_reset')
                        AND NOT EXISTS (SELECT 1 FROM audit_events b
                                         WHERE b.entity_type = 'user' AND b.entity_id = a.entity_id AND b.action = 'user.register' AND b.at > a.at))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN password_from_staff`);
  }
}
