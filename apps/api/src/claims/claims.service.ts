import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { deriveKey, KEY_LABELS } from '../config/keys.js';
import { ThrottleService } from '../throttle/throttle.service.js';

/** How long an activation code works: long enough to reach the next class, short enough to go stale. */
export const CLAIM_CODE_DAYS = 30;
const WRONG_CODES_PER_HOUR = 5;
const claimKey = (phone: string) => `claim:phone:${phone}`;
const tooManyCodes = (retryAfter: number) =>
  new AppError(429, 'TOO_MANY_ATTEMPTS', `Too many wrong activation codes; try again in ${Math.ceil(retryAfter / 60)} minutes`, { retryAfter });

/**
 * Activation codes for accounts a club registered (a CSV import, or a learner created without a
 * password). Anyone can type a phone number, so an unclaimed account is handed over only with the
 * code its coordinator gives the learner in person. Codes are stored as an HMAC (keyed with the
 * server secret), shown once, replaced when a new one is issued and gone once used.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
  ) {
    this.claimKey = deriveKey(config.jwtSecret, KEY_LABELS.accountClaim);
  }

  /** HKDF sub-key of the master secret (config/keys.ts); codes issued under the old scheme stopped working. */
  private readonly claimKey: Buffer;

  async issue(caller: AuthUser, userId: string, requestId: string) {
    const user = await this.scope.requireUser(caller, userId, 'learner');
    if (user.hasPassword) throw new AppError(409, 'ALREADY_CLAIMED', 'She has already set her own password; she signs in with it');
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    return this.db.transaction(async (tx) => {
      const [row]: { expires_at: Date }[] = await tx.query(
        `INSERT INTO account_claims (user_id, code_hash, expires_at, issued_by) VALUES ($1, $2, now() + make_interval(days => $3), $4)
         ON CONFLICT (user_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, issued_by = EXCLUDED.issued_by, created_at = now()
         RETURNING expires_at`,
        [userId, this.hash(code), CLAIM_CODE_DAYS, caller.id],
      );
      await this.audit.record({ actor: caller, action: 'user.claim_code_issue', entityType: 'user', entityId: userId, orgId: user.orgId, requestId }, tx);
      return { userId, code, expiresAt: new Date(row.expires_at).toISOString() };
    });
  }

  /**
   * Before the registration transaction (so it never waits for a second pool connection while it
   * holds one): every attempt that carries a code is counted per phone before any code is compared,
   * as sign-in counts guesses, so codes sent all at once cannot outrun the lock. Five an hour.
   */
  async countAttempt(phone: string, code: string | undefined): Promise<void> {
    if (!code) return;
    const key = claimKey(phone);
    const blocked = await this.throttle.blockedFor([key]);
    if (blocked > 0) throw tooManyCodes(blocked);
    const state = await this.throttle.hit(key, 3600, WRONG_CODES_PER_HOUR, 3600);
    if (state.hits > WRONG_CODES_PER_HOUR) throw tooManyCodes(state.retryAfter);
  }

  /**
   * Inside the registration transaction, for a phone a club registered: the code must match, else
   * nothing is changed. Only `tx` is used here; the attempt was counted before (countAttempt).
   */
  async consume(tx: EntityManager, userId: string, code: string | undefined) {
    if (!code) throw new AppError(409, 'CLAIM_CODE_REQUIRED', 'Your club has already registered this phone number: enter the activation code the club gave you');
    const [claim]: { code_hash: string }[] = await tx.query(`SELECT code_hash FROM account_claims WHERE user_id = $1 AND expires_at > now()`, [userId]);
    const given = Buffer.from(this.hash(code), 'hex');
    if (!claim || !timingSafeEqual(Buffer.from(claim.code_hash, 'hex'), given)) {
      throw new AppError(422, 'CLAIM_CODE_INVALID', 'The activation code is wrong or has expired; ask your club for a new one');
    }
    await tx.query(`DELETE FROM account_claims WHERE user_id = $1`, [userId]);
  }

  /** After a claim committed: her count starts afresh. */
  async clearAttempts(phone: string): Promise<void> {
    await this.throttle.reset(claimKey(phone));
  }

  private hash(code: string): string {
    return createHmac('sha256', this.claimKey).update(`account-claim:${code}`).digest('hex');
  }
}
