import { MAX_CLAIM_BATCH } from '@hearth/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import { maskPhones } from '../common/logger.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { deriveKey, KEY_LABELS } from '../config/keys.js';
import { ThrottleService } from '../throttle/throttle.service.js';
import { ClaimsRepository } from './claims.repository.js';

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
    private readonly claims: ClaimsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly throttle: ThrottleService,
  ) {
    this.claimKey = deriveKey(config.jwtSecret, KEY_LABELS.accountClaim);
  }

  /** HKDF sub-key of the master secret (config/keys.ts); codes issued under the old scheme stopped working. */
  private readonly claimKey: Buffer;

  async issue(caller: AuthUser, userId: string, requestId: string) {
    const user = await this.claims.findLearner(userId);
    this.policy.assert(caller, 'user.manage', user && { orgPath: user.path, subjectId: user.id });
    if (user!.hasPassword) throw new AppError(409, 'ALREADY_CLAIMED', 'She has already set her own password; she signs in with it');
    const code = this.newCode();
    return this.db.transaction(async (tx) => {
      const expiresAt = await this.claims.upsert(userId, this.hash(code), CLAIM_CODE_DAYS, caller.id, tx);
      await this.audit.record({ actor: caller, action: 'user.claim_code_issue', entityType: 'user', entityId: userId, orgId: user!.orgId, requestId }, tx);
      return { userId, code, expiresAt: new Date(expiresAt).toISOString() };
    });
  }

  private newCode(): string {
    return String(randomInt(0, 100_000_000)).padStart(8, '0');
  }

  /**
   * Codes for many learners at once, for the printed sheet: the given learners (every one must be an
   * unclaimed learner of the caller's subtree, else nothing is generated), or the unclaimed learners
   * of one import. Each replaces the learner's previous code. One transaction, one audit event.
   */
  async issueBatch(caller: AuthUser, input: { userIds?: string[]; importId?: string }, requestId: string) {
    if (!input.userIds === !input.importId) throw badRequest('Send either userIds or importId');
    let ids: string[];
    if (input.importId) {
      const job = await this.claims.importLearners(input.importId);
      this.policy.assert(caller, 'import.read', job && { orgPath: job.path, createdBy: job.created_by });
      ids = job!.learner_ids;
    } else {
      ids = [...new Set(input.userIds)];
    }
    return this.db.transaction(async (tx) => {
      const rows = await this.claims.lockLearners(ids, this.policy.scope(caller, 'user.manage'), tx);
      const usable = rows.filter((r) => r.in_scope);
      if (input.userIds) {
        // A selection is all or nothing: an id outside her subtree is reported like an unknown one.
        if (usable.length !== ids.length) throw notFound('User');
        const claimed = usable.filter((r) => r.claimed).map((r) => r.id);
        if (claimed.length)
          throw new AppError(409, 'ALREADY_CLAIMED', 'Some of them have already set their own password; leave them out', { userIds: claimed });
      }
      const chosen = usable.filter((r) => !r.claimed);
      if (chosen.length > MAX_CLAIM_BATCH)
        throw badRequest(`At most ${MAX_CLAIM_BATCH} learners per sheet; this import has ${chosen.length} without an account of their own`);
      const codes = chosen.map(() => this.newCode());
      const saved = await this.claims.upsertMany(
        chosen.map((r) => r.id),
        codes.map((c) => this.hash(c)),
        CLAIM_CODE_DAYS,
        caller.id,
        tx,
      );
      const expiry = new Map(saved.map((r) => [r.user_id, new Date(r.expires_at).toISOString()]));
      await this.audit.record(
        {
          actor: caller,
          action: 'user.claim_code_batch',
          entityType: input.importId ? 'import' : 'user',
          entityId: input.importId ?? null,
          orgId: caller.orgId ?? null,
          requestId,
          details: { userIds: chosen.map((r) => r.id), count: chosen.length },
        },
        tx,
      );
      return {
        items: chosen.map((r, i) => ({
          userId: r.id,
          name: r.name,
          phoneMasked: r.phone ? maskPhones(r.phone) : '',
          code: codes[i],
          expiresAt: expiry.get(r.id)!,
        })),
        total: chosen.length,
        skippedClaimed: usable.length - chosen.length,
      };
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
    if (!code)
      throw new AppError(409, 'CLAIM_CODE_REQUIRED', 'Your club has already registered this phone number: enter the activation code the club gave you');
    const codeHash = await this.claims.activeCode(userId, tx);
    const given = Buffer.from(this.hash(code), 'hex');
    if (!codeHash || !timingSafeEqual(Buffer.from(codeHash, 'hex'), given)) {
      throw new AppError(422, 'CLAIM_CODE_INVALID', 'The activation code is wrong or has expired; ask your club for a new one');
    }
    await this.claims.remove(userId, tx);
  }

  /** After a claim committed: her count starts afresh. */
  async clearAttempts(phone: string): Promise<void> {
    await this.throttle.reset(claimKey(phone));
  }

  private hash(code: string): string {
    return createHmac('sha256', this.claimKey).update(`account-claim:${code}`).digest('hex');
  }
}
