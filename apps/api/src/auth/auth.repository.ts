import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LearnerType, Locale } from '@hearth/contracts';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';
import { USER_COLUMNS } from '../users/users.repository.js';
import type { User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';

/**
 * $1 user id, $2 the access token's sign-in (`sid`, its refresh-token family): the caller of every
 * authenticated request, active accounts only, and only while that sign-in has not been ended (sign-out,
 * refresh-token reuse, password change): one row when both hold, none otherwise, in one round trip.
 * Exported as text so the benchmark's database-limit anchor replays exactly what the API sends.
 */
export const AUTH_USER_SQL = `SELECT u.id, u.role, u.name, u.phone, u.org_id AS "orgId", o.path AS "orgPath", o.kind AS "orgKind", o.name AS "orgName",
              u.employer_id AS "employerId", u.learner_type AS "learnerType", u.locale, u.password_from_staff AS "passwordFromStaff", u.token_version AS "tokenVersion"
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'
          AND EXISTS (SELECT 1 FROM refresh_tokens rt WHERE rt.family_id = $2 AND rt.user_id = u.id AND rt.revoked_at IS NULL)`;

const HASH = Buffer.alloc(32);

/** Accounts and sign-ins: no scoping here, every statement is about the caller's own account or token. */
@SqlRepository('auth')
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID, Example.ID2])
  async authUser(userId: string, signInId: string): Promise<AuthUser | null> {
    const rows: AuthUser[] = await this.db.query(AUTH_USER_SQL, [userId, signInId]);
    return rows[0] ?? null;
  }

  /** An active learner her club registered (no password yet) holding this phone, locked for her claim. */
  @SqlExample(() => [Example.PHONE, undefined])
  async lockUnclaimed(phone: string, tx: EntityManager = this.db.manager): Promise<string | null> {
    const [registered]: { id: string }[] = await tx.query(
      `SELECT id FROM users WHERE phone = $1 AND password_hash IS NULL AND role = 'learner' AND status = 'active' FOR UPDATE`,
      [phone],
    );
    return registered?.id ?? null;
  }

  /** A new learner, or the unclaimed account of her phone claimed; null if the phone belongs to anyone else. */
  @SqlExample(() => [{ phone: Example.PHONE, name: '王芳', passwordHash: 'hash', orgId: null, learnerType: 'migrant_worker', locale: 'zh-CN' }, undefined])
  async registerLearner(
    r: { phone: string; name: string; passwordHash: string; orgId: string | null; learnerType: LearnerType; locale: Locale },
    tx: EntityManager = this.db.manager,
  ): Promise<User | null> {
    const rows: User[] = await tx.query(
      `INSERT INTO users (phone, name, password_hash, role, org_id, learner_type, locale)
       VALUES ($1, $2, $3, 'learner', $4, $5, $6)
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE
         -- A learner her club registered (no password yet) claims her account with the club's activation code (checked above).
         SET password_hash = EXCLUDED.password_hash, password_from_staff = false, name = EXCLUDED.name, locale = EXCLUDED.locale, updated_at = now()
         WHERE users.password_hash IS NULL AND users.role = 'learner' AND users.status = 'active'
       RETURNING ${USER_COLUMNS.replace(/u\./g, '')}`,
      [r.phone, r.name, r.passwordHash, r.orgId, r.learnerType, r.locale],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.PHONE])
  async findByPhone(phone: string): Promise<(User & { passwordHash: string | null }) | null> {
    const rows: (User & { passwordHash: string | null })[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE u.phone = $1 AND u.status = 'active'`,
      [phone],
    );
    return rows[0] ?? null;
  }

  /** Her password hash; undefined if the account is not active. */
  @SqlExample(() => [Example.ID])
  async passwordHash(userId: string): Promise<string | null | undefined> {
    const [row]: { passwordHash: string | null }[] = await this.db.query(
      `SELECT password_hash AS "passwordHash" FROM users WHERE id = $1 AND status = 'active'`,
      [userId],
    );
    return row ? row.passwordHash : undefined;
  }

  /**
   * Only over the password just checked: of two changes at once, the second finds it gone (false). The
   * new token version ends every access token already handed out.
   */
  @SqlExample(() => [Example.ID, 'new hash', 'old hash', undefined])
  async changePassword(userId: string, passwordHash: string, checkedHash: string | null, tx: EntityManager = this.db.manager): Promise<boolean> {
    const changed = await queryRows(
      tx,
      `UPDATE users SET password_hash = $2, password_from_staff = false, token_version = token_version + 1, updated_at = now() WHERE id = $1 AND password_hash = $3 RETURNING id`,
      [userId, passwordHash, checkedHash],
    );
    return changed.length > 0;
  }

  /** Spends a live refresh token; its owner and sign-in, or null if it is not live. */
  @SqlExample(() => [HASH, undefined])
  async spendRefreshToken(hash: Buffer, tx: EntityManager = this.db.manager): Promise<{ user_id: string; family_id: string } | null> {
    const spent = await queryRows<{ user_id: string; family_id: string }>(
      tx,
      `UPDATE refresh_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id, family_id`,
      [hash],
    );
    return spent.length === 1 ? spent[0] : null;
  }

  @SqlExample(() => [Example.ID, undefined])
  async isActive(userId: string, tx: EntityManager = this.db.manager): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM users WHERE id = $1 AND status = 'active'`, [userId])).length > 0;
  }

  /** The sign-in of a refresh token whatever its state, and whether it was spent. */
  @SqlExample(() => [HASH, undefined])
  async findRefreshToken(hash: Buffer, tx: EntityManager = this.db.manager): Promise<{ family_id: string; used_at: Date | null } | null> {
    const known: { family_id: string; used_at: Date | null }[] = await tx.query(`SELECT family_id, used_at FROM refresh_tokens WHERE token_hash = $1`, [hash]);
    return known[0] ?? null;
  }

  @SqlExample(() => [Example.ID, undefined])
  async revokeFamily(familyId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /** Ends the sign-in this refresh token belongs to. */
  @SqlExample(() => [HASH])
  async revokeFamilyOf(hash: Buffer): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
      [hash],
    );
  }

  @SqlExample(() => [Example.ID, undefined])
  async revokeAll(userId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** False if there is no such account. */
  @SqlExample(() => [Example.ID, 'en'])
  async setLocale(userId: string, locale: Locale): Promise<boolean> {
    return (await queryRows(this.db, `UPDATE users SET locale = $2, updated_at = now() WHERE id = $1 RETURNING id`, [userId, locale])).length > 0;
  }

  /** Her token version, read in `tx` so a password change's new version is the one signed. */
  @SqlExample(() => [Example.ID, undefined])
  async tokenVersion(userId: string, tx: EntityManager = this.db.manager): Promise<number> {
    const [account]: { tokenVersion: number }[] = await tx.query(`SELECT token_version AS "tokenVersion" FROM users WHERE id = $1`, [userId]);
    return account?.tokenVersion ?? 0;
  }

  @SqlExample(() => [Example.ID, Example.ID2, HASH, 30, undefined])
  async insertRefreshToken(userId: string, familyId: string, hash: Buffer, days: number, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [userId, familyId, hash, days],
    );
  }
}
