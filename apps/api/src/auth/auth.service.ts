import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthResultDto, MeDto, TokenPairDto } from '@hearth/contracts';
import { isJoinableOrgKind } from '@hearth/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError, conflict, notFound } from '../common/app-error.js';
import { queryRows } from '../common/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { ClaimsService } from '../claims/claims.service.js';
import { ThrottleService } from '../throttle/throttle.service.js';
import { ScopeService } from '../access/scope.service.js';
import { USER_COLUMNS } from '../users/users.service.js';
import { toUserDto } from '../users/user.mapper.js';
import type { User } from '../users/user.entity.js';
import type { RequestMeta } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';
import type { ChangePasswordDto, LoginDto, RegisterDto } from '@hearth/contracts/inputs';
import { PasswordService } from './password.service.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const BAD_CREDENTIALS = 'Phone number or password is incorrect';
const currentPasswordIncorrect = () => new AppError(400, 'CURRENT_PASSWORD_INCORRECT', 'The current password is not correct', { messages: ['currentPassword is not correct'] });

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly claims: ClaimsService,
  ) {}

  /**
   * Throttled per client address, counted before anything else (the argon2 hash above all), so a
   * flood costs one counter upsert per request. No step inside the transaction uses another pool
   * connection: the activation-code throttle is counted before it and cleared after it.
   */
  async register(input: RegisterDto, meta: RequestMeta): Promise<AuthResultDto> {
    const byAddress = await this.throttle.hit(`register:addr:${meta.ip}`, 3600, this.config.registrationsPerAddressPerHour, 3600);
    if (byAddress.hits > this.config.registrationsPerAddressPerHour) {
      throw new AppError(429, 'RATE_LIMITED', `Too many registrations from this network; try again in ${Math.ceil(byAddress.retryAfter / 60)} minutes`, { retryAfter: byAddress.retryAfter });
    }
    const org = input.orgId ? await this.scope.findOrg(input.orgId) : null;
    if (input.orgId && !org) throw new AppError(400, 'VALIDATION_FAILED', 'orgId does not name a known club or station');
    if (org && !isJoinableOrgKind(org.kind)) throw new AppError(422, 'ORG_NOT_JOINABLE', 'A learner joins a club or station; choose hers, not a federation');
    await this.claims.countAttempt(input.phone, input.claimCode);
    const passwordHash = await this.passwords.hash(input.password);
    const result = await this.db.transaction(async (tx) => {
      const [registered]: { id: string }[] = await tx.query(
        `SELECT id FROM users WHERE phone = $1 AND password_hash IS NULL AND role = 'learner' AND status = 'active' FOR UPDATE`,
        [input.phone],
      );
      if (registered) await this.claims.consume(tx, registered.id, input.claimCode);
      const rows: User[] = await tx.query(
        `INSERT INTO users (phone, name, password_hash, role, org_id, learner_type, locale)
         VALUES ($1, $2, $3, 'learner', $4, $5, $6)
         ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE
           -- A learner her club registered (no password yet) claims her account with the club's activation code (checked above).
           SET password_hash = EXCLUDED.password_hash, password_from_staff = false, name = EXCLUDED.name, locale = EXCLUDED.locale, updated_at = now()
           WHERE users.password_hash IS NULL AND users.role = 'learner' AND users.status = 'active'
         RETURNING ${USER_COLUMNS.replace(/u\./g, '')}`,
        [input.phone, input.name, passwordHash, input.orgId ?? null, input.learnerType, input.locale ?? 'zh-CN'],
      );
      if (rows.length === 0) throw conflict('PHONE_TAKEN', 'An account with this phone number already exists; sign in instead');
      const user = rows[0];
      await this.audit.record({ actor: { id: user.id, role: 'learner' }, action: 'user.register', entityType: 'user', entityId: user.id, orgId: user.orgId, requestId: meta.requestId, ...(registered ? { details: { claimedWithCode: true } } : {}) }, tx);
      const tokens = await this.issueTokens(user.id, randomUUID(), tx);
      return { user: toUserDto(user), ...tokens, claimed: Boolean(registered) };
    });
    const { claimed, ...answer } = result;
    if (claimed) await this.claims.clearAttempts(input.phone);
    return answer;
  }

  async login(input: LoginDto, meta: RequestMeta): Promise<AuthResultDto> {
    const phoneKey = `login:phone:${input.phone}`;
    const addressKey = `login:addr:${meta.ip}`;
    const blocked = await this.throttle.blockedFor([phoneKey, addressKey]);
    if (blocked > 0) throw this.tooMany(blocked);
    // Counted before the slow hash check (and cleared on success), so guesses sent all at once cannot
    // each get past the lock while the others are still being checked.
    const attempt = await this.throttle.hit(phoneKey, this.config.loginLockSeconds, this.config.loginFailuresPerPhone, this.config.loginLockSeconds);
    if (attempt.hits > this.config.loginFailuresPerPhone) throw this.tooMany(attempt.retryAfter);
    const rows: (User & { passwordHash: string | null })[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash" FROM users u WHERE u.phone = $1 AND u.status = 'active'`,
      [input.phone],
    );
    const user = rows[0];
    const ok = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!ok || !user) {
      const byAddress = await this.throttle.hit(addressKey, 3600, this.config.loginFailuresPerAddress, 3600);
      await this.audit.record({
        actor: user ? { id: user.id, role: user.role } : null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        orgId: user?.orgId ?? null,
        requestId: meta.requestId,
        details: { phone: input.phone, failuresForPhone: attempt.hits },
      });
      const wait = Math.max(attempt.retryAfter, byAddress.retryAfter);
      if (wait > 0) throw this.tooMany(wait);
      throw new AppError(401, 'INVALID_CREDENTIALS', BAD_CREDENTIALS);
    }
    await this.throttle.reset(phoneKey);
    const tokens = await this.db.transaction((tx) => this.issueTokens(user.id, randomUUID(), tx));
    return { user: toUserDto(user), ...tokens };
  }

  /**
   * Wrong current passwords count like failed sign-ins (same limit and lock, per account), so a stolen
   * access token cannot be used to guess the password. Every refresh token is revoked and the token
   * version bumped, so other phones are signed out at once; this sign-in gets a new pair.
   */
  async changePassword(user: AuthUser, input: ChangePasswordDto, meta: RequestMeta): Promise<TokenPairDto> {
    const key = `password:user:${user.id}`;
    const blocked = await this.throttle.blockedFor([key]);
    if (blocked > 0) throw this.tooMany(blocked);
    // Counted before the hash check, as at sign-in: a burst of parallel guesses cannot outrun the lock.
    const state = await this.throttle.hit(key, this.config.loginLockSeconds, this.config.loginFailuresPerPhone, this.config.loginLockSeconds);
    if (state.hits > this.config.loginFailuresPerPhone) throw this.tooMany(state.retryAfter);
    const [row]: { passwordHash: string | null }[] = await this.db.query(`SELECT password_hash AS "passwordHash" FROM users WHERE id = $1 AND status = 'active'`, [user.id]);
    if (!(await this.passwords.verify(row?.passwordHash ?? null, input.currentPassword))) {
      await this.audit.record({ actor: user, action: 'auth.password_change_failed', entityType: 'user', entityId: user.id, orgId: user.orgId, requestId: meta.requestId, details: { failures: state.hits } });
      if (state.retryAfter > 0) throw this.tooMany(state.retryAfter);
      throw currentPasswordIncorrect();
    }
    if (input.newPassword === input.currentPassword) {
      throw new AppError(400, 'VALIDATION_FAILED', 'newPassword must differ from the current password', { messages: ['newPassword must differ from the current password'] });
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    const tokens = await this.db.transaction(async (tx) => {
      // Only over the password just checked: of two changes at once, the second finds it gone. The new
      // token version ends every access token already handed out.
      const changed = await queryRows(
        tx,
        `UPDATE users SET password_hash = $2, password_from_staff = false, token_version = token_version + 1, updated_at = now() WHERE id = $1 AND password_hash = $3 RETURNING id`,
        [user.id, passwordHash, row!.passwordHash],
      );
      if (changed.length === 0) throw currentPasswordIncorrect();
      await this.revokeAll(user.id, tx);
      await this.audit.record({ actor: user, action: 'user.password_changed', entityType: 'user', entityId: user.id, orgId: user.orgId, requestId: meta.requestId }, tx);
      return this.issueTokens(user.id, randomUUID(), tx);
    });
    await this.throttle.reset(key);
    return tokens;
  }

  /** Rotates: the presented token is spent; presenting a spent one again revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const hash = sha256(refreshToken);
    const outcome = await this.db.transaction(async (tx) => {
      const spent = await queryRows<{ user_id: string; family_id: string }>(
        tx,
        `UPDATE refresh_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id`,
        [hash],
      );
      if (spent.length === 1) {
        const active = await tx.query(`SELECT 1 FROM users WHERE id = $1 AND status = 'active'`, [spent[0].user_id]);
        if (active.length === 0) return null;
        return this.issueTokens(spent[0].user_id, spent[0].family_id, tx);
      }
      const known: { family_id: string; used_at: Date | null }[] = await tx.query(
        `SELECT family_id, used_at FROM refresh_tokens WHERE token_hash = $1`,
        [hash],
      );
      if (known[0]?.used_at) {
        await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [known[0].family_id]);
        return 'reused' as const;
      }
      return null;
    });
    if (outcome === 'reused') throw new AppError(401, 'REFRESH_TOKEN_REUSED', 'This sign-in was ended because an old refresh token was used again; sign in again');
    if (!outcome) throw new AppError(401, 'TOKEN_INVALID', 'The refresh token is invalid or expired; sign in again');
    return outcome;
  }

  /**
   * Ends the sign-in: the refresh token's whole family, and with it every access token issued to
   * that sign-in (they carry it as `sid`, checked on every request), from the next request on.
   */
  async logout(refreshToken: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
      [sha256(refreshToken)],
    );
  }

  /** Ends every session of a user (erasure, disabling). */
  async revokeAll(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  me(user: AuthUser): MeDto {
    return {
      id: user.id,
      phone: user.phone ?? '',
      name: user.name ?? '',
      role: user.role,
      roles: [user.role],
      orgId: user.orgId,
      orgName: user.orgName,
      orgKind: user.orgKind,
      learnerType: user.learnerType,
      employerId: user.employerId,
      locale: user.locale,
      passwordFromStaff: user.passwordFromStaff,
    };
  }

  async setLocale(user: AuthUser, locale: 'zh-CN' | 'en'): Promise<MeDto> {
    const rows = await queryRows(this.db, `UPDATE users SET locale = $2, updated_at = now() WHERE id = $1 RETURNING id`, [user.id, locale]);
    if (rows.length === 0) throw notFound('User');
    return this.me({ ...user, locale });
  }

  private async issueTokens(userId: string, familyId: string, tx: EntityManager): Promise<TokenPairDto> {
    // Her token version (read in this transaction, so a password change's new version is the one signed).
    const [account]: { tokenVersion: number }[] = await tx.query(`SELECT token_version AS "tokenVersion" FROM users WHERE id = $1`, [userId]);
    // `sid`: the sign-in (refresh-token family); every request checks it is still live (AUTH_USER_SQL).
    const accessToken = await this.jwt.signAsync({ sub: userId, typ: 'access', ver: account?.tokenVersion ?? 0, sid: familyId });
    const refreshToken = randomBytes(32).toString('base64url');
    await tx.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [userId, familyId, sha256(refreshToken), this.config.refreshTokenDays],
    );
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenSeconds };
  }

  private tooMany(retryAfter: number) {
    return new AppError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`, { retryAfter });
  }
}
