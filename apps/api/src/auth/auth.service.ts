import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthResultDto, MeDto, TokenPairDto } from '@hearth/contracts';
import { isJoinableOrgKind } from '@hearth/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError, conflict, notFound } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import { ClaimsService } from '../claims/claims.service.js';
import { ThrottleService } from '../throttle/throttle.service.js';
import { OrgsRepository } from '../orgs/orgs.repository.js';
import { toUserDto } from '../users/user.mapper.js';
import type { RequestMeta } from './access.decorator.js';
import type { AuthUser } from './auth-user.js';
import type { ChangePasswordDto, LoginDto, RegisterDto } from '@hearth/contracts/inputs';
import { AuthRepository } from './auth.repository.js';
import { PasswordService } from './password.service.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const BAD_CREDENTIALS = 'Phone number or password is incorrect';
const currentPasswordIncorrect = () =>
  new AppError(400, 'CURRENT_PASSWORD_INCORRECT', 'The current password is not correct', { messages: ['currentPassword is not correct'] });

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: ThrottleService,
    private readonly audit: AuditService,
    private readonly accounts: AuthRepository,
    private readonly orgs: OrgsRepository,
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
      throw new AppError(429, 'RATE_LIMITED', `Too many registrations from this network; try again in ${Math.ceil(byAddress.retryAfter / 60)} minutes`, {
        retryAfter: byAddress.retryAfter,
      });
    }
    const org = input.orgId ? await this.orgs.find(input.orgId) : null;
    if (input.orgId && !org) throw new AppError(400, 'VALIDATION_FAILED', 'orgId does not name a known club or station');
    if (org && !isJoinableOrgKind(org.kind)) throw new AppError(422, 'ORG_NOT_JOINABLE', 'A learner joins a club or station; choose hers, not a federation');
    await this.claims.countAttempt(input.phone, input.claimCode);
    const passwordHash = await this.passwords.hash(input.password);
    const result = await this.db.transaction(async (tx) => {
      const registered = await this.accounts.lockUnclaimed(input.phone, tx);
      if (registered) await this.claims.consume(tx, registered, input.claimCode);
      const user = await this.accounts.registerLearner(
        { phone: input.phone, name: input.name, passwordHash, orgId: input.orgId ?? null, learnerType: input.learnerType, locale: input.locale ?? 'zh-CN' },
        tx,
      );
      if (!user) throw conflict('PHONE_TAKEN', 'An account with this phone number already exists; sign in instead');
      await this.audit.record(
        {
          actor: { id: user.id, role: 'learner' },
          action: 'user.register',
          entityType: 'user',
          entityId: user.id,
          orgId: user.orgId,
          requestId: meta.requestId,
          ...(registered ? { details: { claimedWithCode: true } } : {}),
        },
        tx,
      );
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
    const user = await this.accounts.findByPhone(input.phone);
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
    const current = await this.accounts.passwordHash(user.id);
    if (!(await this.passwords.verify(current ?? null, input.currentPassword))) {
      await this.audit.record({
        actor: user,
        action: 'auth.password_change_failed',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        requestId: meta.requestId,
        details: { failures: state.hits },
      });
      if (state.retryAfter > 0) throw this.tooMany(state.retryAfter);
      throw currentPasswordIncorrect();
    }
    if (input.newPassword === input.currentPassword) {
      throw new AppError(400, 'VALIDATION_FAILED', 'newPassword must differ from the current password', {
        messages: ['newPassword must differ from the current password'],
      });
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    const tokens = await this.db.transaction(async (tx) => {
      // Only over the password just checked: of two changes at once, the second finds it gone.
      if (!(await this.accounts.changePassword(user.id, passwordHash, current ?? null, tx))) throw currentPasswordIncorrect();
      await this.revokeAll(user.id, tx);
      await this.audit.record(
        { actor: user, action: 'user.password_changed', entityType: 'user', entityId: user.id, orgId: user.orgId, requestId: meta.requestId },
        tx,
      );
      return this.issueTokens(user.id, randomUUID(), tx);
    });
    await this.throttle.reset(key);
    return tokens;
  }

  /** Rotates: the presented token is spent; presenting a spent one again revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const hash = sha256(refreshToken);
    const outcome = await this.db.transaction(async (tx) => {
      const spent = await this.accounts.spendRefreshToken(hash, tx);
      if (spent) {
        if (!(await this.accounts.isActive(spent.user_id, tx))) return null;
        return this.issueTokens(spent.user_id, spent.family_id, tx);
      }
      const known = await this.accounts.findRefreshToken(hash, tx);
      if (known?.used_at) {
        await this.accounts.revokeFamily(known.family_id, tx);
        return 'reused' as const;
      }
      return null;
    });
    if (outcome === 'reused')
      throw new AppError(401, 'REFRESH_TOKEN_REUSED', 'This sign-in was ended because an old refresh token was used again; sign in again');
    if (!outcome) throw new AppError(401, 'TOKEN_INVALID', 'The refresh token is invalid or expired; sign in again');
    return outcome;
  }

  /**
   * Ends the sign-in: the refresh token's whole family, and with it every access token issued to
   * that sign-in (they carry it as `sid`, checked on every request), from the next request on.
   */
  async logout(refreshToken: string): Promise<void> {
    await this.accounts.revokeFamilyOf(sha256(refreshToken));
  }

  /** Ends every session of a user (erasure, disabling). */
  async revokeAll(userId: string, manager?: EntityManager): Promise<void> {
    await this.accounts.revokeAll(userId, manager);
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
    if (!(await this.accounts.setLocale(user.id, locale))) throw notFound('User');
    return this.me({ ...user, locale });
  }

  private async issueTokens(userId: string, familyId: string, tx: EntityManager): Promise<TokenPairDto> {
    // Her token version (read in this transaction, so a password change's new version is the one signed).
    const version = await this.accounts.tokenVersion(userId, tx);
    // `sid`: the sign-in (refresh-token family); every request checks it is still live (AUTH_USER_SQL).
    const accessToken = await this.jwt.signAsync({ sub: userId, typ: 'access', ver: version, sid: familyId });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.accounts.insertRefreshToken(userId, familyId, sha256(refreshToken), this.config.refreshTokenDays, tx);
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenSeconds };
  }

  private tooMany(retryAfter: number) {
    return new AppError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`, { retryAfter });
  }
}
