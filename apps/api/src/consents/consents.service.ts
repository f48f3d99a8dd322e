import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { ConsentsRepository } from './consents.repository.js';

/** The notice a learner agrees to; bump it when the text on the consent page changes. */
export const REFERRAL_NOTICE_VERSION = 'referrals-2026-11';
/** What an employer sees of a referred learner who consented. */
export const SHARED_FIELDS = ['name', 'phone', 'certificates', 'classHours'] as const;

/** Consent is an append-only list of grants and withdrawals; the latest one counts. */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consents: ConsentsRepository,
    private readonly audit: AuditService,
  ) {}

  async hasConsent(learnerId: string, manager?: EntityManager): Promise<boolean> {
    return (await this.consents.latest(learnerId, manager)) === 'grant';
  }

  async status(caller: AuthUser) {
    const history = await this.consents.history(caller.id);
    return { scope: 'referrals', granted: history[0]?.action === 'grant', currentNoticeVersion: REFERRAL_NOTICE_VERSION, sharedFields: SHARED_FIELDS, history };
  }

  async grant(caller: AuthUser, noticeVersion: string, requestId: string) {
    await this.db.transaction(async (tx) => {
      await this.consents.insert(caller.id, 'grant', noticeVersion, tx);
      await this.audit.record(
        {
          actor: caller,
          action: 'consent.grant',
          entityType: 'user',
          entityId: caller.id,
          orgId: caller.orgId,
          requestId,
          details: { scope: 'referrals', noticeVersion },
        },
        tx,
      );
    });
    return this.status(caller);
  }

  async withdraw(caller: AuthUser, requestId: string) {
    await this.db.transaction(async (tx) => {
      await this.consents.insert(caller.id, 'withdraw', REFERRAL_NOTICE_VERSION, tx);
      await this.audit.record(
        { actor: caller, action: 'consent.withdraw', entityType: 'user', entityId: caller.id, orgId: caller.orgId, requestId, details: { scope: 'referrals' } },
        tx,
      );
    });
  }
}
