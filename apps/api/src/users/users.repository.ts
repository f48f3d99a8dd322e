import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LearnerType, Role } from '@hearth/contracts';
import type { Scope } from '../access/access-policy.js';
import { escapeLike, toInt } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';
import type { User } from './user.entity.js';

export const USER_COLUMNS = `u.id, u.phone, u.name, u.role, u.org_id AS "orgId", u.learner_type AS "learnerType",
  u.employer_id AS "employerId", u.locale, u.status, u.created_at AS "createdAt"`;

/** An active account, with what access and the password reset need. */
export interface ActiveUser {
  id: string;
  phone: string | null;
  role: Role;
  orgId: string | null;
  /** False for a learner her club registered who has not claimed the account yet. */
  hasPassword: boolean;
  path: string | null;
}

export interface NewUser {
  phone: string;
  name: string;
  passwordHash: string;
  role: Role;
  orgId: string;
  learnerType: LearnerType | null;
  employerId: string | null;
}

export interface UserFilter {
  /** Only accounts of orgs under this path. */
  underPath?: string;
  role?: Role;
  q?: string;
}

@SqlRepository('users')
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async findActive(id: string): Promise<ActiveUser | null> {
    const rows: ActiveUser[] = await this.db.query(
      `SELECT u.id, u.phone, u.role, u.org_id AS "orgId", (u.password_hash IS NOT NULL) AS "hasPassword", o.path
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The new account, or null if the phone is taken. */
  @SqlExample(() => [
    { phone: Example.PHONE, name: '王芳', passwordHash: 'hash', role: 'learner', orgId: Example.ID, learnerType: 'migrant_worker', employerId: null },
    undefined,
  ])
  async insert(u: NewUser, manager: EntityManager = this.db.manager): Promise<User | null> {
    const rows: User[] = await manager.query(
      `INSERT INTO users (phone, name, password_hash, password_from_staff, role, org_id, learner_type, employer_id)
       VALUES ($1, $2, $3, true, $4, $5, $6, $7)
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING
       RETURNING id, phone, name, role, org_id AS "orgId", learner_type AS "learnerType", employer_id AS "employerId", locale, created_at AS "createdAt"`,
      [u.phone, u.name, u.passwordHash, u.role, u.orgId, u.learnerType, u.employerId],
    );
    return rows[0] ?? null;
  }

  /** A staff-set password: every session (access tokens too, by the token version) and any unused activation code end. */
  @SqlExample(() => [Example.ID, 'hash', undefined])
  async resetPassword(userId: string, passwordHash: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`UPDATE users SET password_hash = $2, password_from_staff = true, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await tx.query(`DELETE FROM account_claims WHERE user_id = $1`, [userId]);
  }

  /** Active accounts the scope reaches, newest first. */
  @SqlExample(() => [Example.scope('coordinator', 'user.read'), { underPath: `/${Example.ID}/`, role: 'learner', q: '王' }, { limit: 20, offset: 20 }])
  async list(scope: Scope, filter: UserFilter, page: { limit: number; offset: number }) {
    const params: unknown[] = [];
    const where = [scope.where({ orgPath: 'o.path', subjectId: 'u.id' }, params), `u.status = 'active'`];
    if (filter.underPath) where.push(`o.path LIKE $${params.push(`${filter.underPath}%`)}`);
    if (filter.role) where.push(`u.role = $${params.push(filter.role)}`);
    if (filter.q) {
      params.push(`%${escapeLike(filter.q)}%`, `${escapeLike(filter.q)}%`);
      where.push(`(u.name ILIKE $${params.length - 1} ESCAPE '\\' OR u.phone LIKE $${params.length} ESCAPE '\\')`);
    }
    const rows: (User & { orgName: string; activated: boolean; total: string })[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, o.name AS "orgName", (u.password_hash IS NOT NULL) AS activated, count(*) OVER () AS total
         FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE ${where.join(' AND ')}
        ORDER BY u.created_at DESC, u.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    let total = toInt(rows[0]?.total);
    // Past the last page the window count has no row to ride on.
    if (rows.length === 0 && page.offset > 0) {
      const counted = await this.db.query(`SELECT count(*) AS total FROM users u JOIN organizations o ON o.id = u.org_id WHERE ${where.join(' AND ')}`, params);
      total = toInt(counted[0].total);
    }
    return { rows, total };
  }
}
