import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { COORDINATOR_CREATABLE_ROLES, type Page, type UserDto } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { escapeLike, toInt } from '../common/sql.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { ThrottleService } from '../throttle/throttle.service.js';
import { PasswordService } from '../auth/password.service.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateUserDto } from '@hearth/contracts/inputs';
import type { ListUsersQuery } from '@hearth/contracts/inputs';
import type { User } from './user.entity.js';
import { toUserDto } from './user.mapper.js';

export const USER_COLUMNS = `u.id, u.phone, u.name, u.role, u.org_id AS "orgId", u.learner_type AS "learnerType",
  u.employer_id AS "employerId", u.locale, u.status, u.created_at AS "createdAt"`;

/** Unambiguous characters for passwords read out over the phone. */
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
// randomInt draws each character uniformly (a byte modulo the alphabet's length would favour its first letters).
export const newTemporaryPassword = () => Array.from({ length: 10 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
  ) {}

  async create(caller: AuthUser, input: CreateUserDto, requestId: string): Promise<UserDto & { temporaryPassword?: string }> {
    if (caller.role === 'coordinator' && !COORDINATOR_CREATABLE_ROLES.includes(input.role)) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', 'Coordinators may create learners, instructors and employer staff only');
    }
    const org = await this.scope.requireOrg(caller, input.orgId);
    if (input.role === 'learner' && !input.learnerType) throw badRequest('learnerType is required for a learner (volunteer_mother or migrant_worker)');
    if (input.role !== 'learner' && input.learnerType) throw badRequest('learnerType is only for learners');
    if (input.role === 'employer' && !input.employerId) throw new AppError(400, 'EMPLOYER_REQUIRED', 'employerId is required for employer staff');
    if (input.role !== 'employer' && input.employerId) throw badRequest('employerId is only for employer staff');
    if (input.employerId) {
      const rows = await this.db.query(
        `SELECT 1 FROM employers e JOIN organizations o ON o.id = e.org_id WHERE e.id = $1 AND o.path LIKE $2`,
        [input.employerId, this.scope.subtreePattern(caller)],
      );
      if (rows.length === 0) throw notFound('Employer');
    }
    const temporaryPassword = input.password ? undefined : newTemporaryPassword();
    const passwordHash = await this.passwords.hash(input.password ?? temporaryPassword!);
    return this.db.transaction(async (tx) => {
      const rows: User[] = await tx.query(
        `INSERT INTO users (phone, name, password_hash, password_from_staff, role, org_id, learner_type, employer_id)
         VALUES ($1, $2, $3, true, $4, $5, $6, $7)
         ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING
         RETURNING id, phone, name, role, org_id AS "orgId", learner_type AS "learnerType", employer_id AS "employerId", locale, created_at AS "createdAt"`,
        [input.phone, input.name, passwordHash, input.role, org.id, input.learnerType ?? null, input.employerId ?? null],
      );
      if (rows.length === 0) throw conflict('PHONE_TAKEN', 'An account with this phone number already exists');
      const user = rows[0];
      await this.audit.record(
        { actor: caller, action: 'user.create', entityType: 'user', entityId: user.id, orgId: org.id, requestId, details: { role: user.role } },
        tx,
      );
      return { ...toUserDto({ ...user, orgName: org.name }), ...(temporaryPassword ? { temporaryPassword } : {}) };
    });
  }

  /**
   * A new generated password for someone of her subtree who forgot hers (there is no SMS here): the
   * old password, every session (access tokens too, by the token version) and any sign-in lock end;
   * an unused activation code goes too.
   */
  async resetPassword(caller: AuthUser, userId: string, requestId: string): Promise<{ userId: string; temporaryPassword: string }> {
    const target = await this.scope.requireUser(caller, userId);
    if (target.id === caller.id) throw new AppError(403, 'ROLE_NOT_ALLOWED', 'Ask another administrator to reset your own password');
    if (caller.role === 'coordinator' && !COORDINATOR_CREATABLE_ROLES.includes(target.role)) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', 'Coordinators may reset the passwords of learners, instructors and employer staff only');
    }
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.passwords.hash(temporaryPassword);
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE users SET password_hash = $2, password_from_staff = true, token_version = token_version + 1, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      await tx.query(`DELETE FROM account_claims WHERE user_id = $1`, [userId]);
      await this.audit.record({ actor: caller, action: 'user.password_reset', entityType: 'user', entityId: userId, orgId: target.orgId, requestId }, tx);
    });
    await this.throttle.reset(`login:phone:${target.phone}`);
    await this.throttle.reset(`password:user:${userId}`);
    return { userId, temporaryPassword };
  }

  async list(caller: AuthUser, query: ListUsersQuery): Promise<Page<UserDto>> {
    const pattern = this.scope.subtreePattern(caller);
    if (!pattern) throw forbidden();
    const params: unknown[] = [pattern];
    const where = ['o.path LIKE $1', `u.status = 'active'`];
    if (query.orgId) {
      const org = await this.scope.requireOrg(caller, query.orgId);
      params.push(`${org.path}%`);
      where.push(`o.path LIKE $${params.length}`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`u.role = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${escapeLike(query.q)}%`, `${escapeLike(query.q)}%`);
      where.push(`(u.name ILIKE $${params.length - 1} ESCAPE '\\' OR u.phone LIKE $${params.length} ESCAPE '\\')`);
    }
    const { limit, offset } = pageOf(query);
    params.push(limit, offset);
    const rows: (User & { orgName: string; activated: boolean; total: string })[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, o.name AS "orgName", (u.password_hash IS NOT NULL) AS activated, count(*) OVER () AS total
         FROM users u JOIN organizations o ON o.id = u.org_id
        WHERE ${where.join(' AND ')}
        ORDER BY u.created_at DESC, u.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    let total = toInt(rows[0]?.total);
    if (rows.length === 0 && offset > 0) {
      const counted = await this.db.query(`SELECT count(*) AS total FROM users u JOIN organizations o ON o.id = u.org_id WHERE ${where.join(' AND ')}`, params.slice(0, -2));
      total = toInt(counted[0].total);
    }
    return { items: rows.map((r) => ({ ...toUserDto(r), activated: r.activated })), total };
  }
}
