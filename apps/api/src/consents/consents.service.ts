import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';

/** The notice a learner agrees to; bump it when the text on the consent page changes. */
export const REFERRAL_NOTICE_VERSION = 'referrals-2026-11';
/** What an employer sees of a referred learner who consented. */
export const SHARED_FIELDS = ['name', 'phone', 'certificates', 'classHours'] as const;

/** Consent is an append-only list of grants and withdrawals; the latest one counts. */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async hasConsent(learnerId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const rows = await manager.query(
      `SELECT action FROM consent_events WHERE learner_id = $1 AND scope = 'referrals' ORDER BY at DESC, id DESC LIMIT 1`,
      [learnerId],
    );
    return rows[0]?.action === 'grant';
  }

  async status(caller: AuthUser) {
    const history = await this.db.query(
      `SELECT action, notice_version AS "noticeVersion", at FROM consent_events WHERE learner_id = $1 AND scope = 'referrals' ORDER BY at DESC, id DESC`,
      [caller.id],
    );
    return { scope: 'referrals', granted: history[0]?.action === 'grant', currentNoticeVersion: REFERRAL_NOTICE_VERSION, sharedFields: SHARED_FIELDS, history };
  }

  async grant(caller: AuthUser, noticeVersion: string, requestId: string) {
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO consent_events (learner_id, scope, action, notice_version) VALUES ($1, 'referrals', 'grant', $2)`, [caller.id, noticeVersion]);
      await this.audit.record({ actor: caller, action: 'consent.grant', entityType: 'user', entityId: caller.id, orgId: caller.orgId, requestId, details: { scope: 'referrals', noticeVersion } }, tx);
    });
    return this.status(caller);
  }

  async withdraw(caller: AuthUser, requestId: string) {
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO consent_events (learner_id, scope, action, notice_version) VALUES ($1, 'referrals', 'withdraw', $2)`, [caller.id, REFERRAL_NOTICE_VERSION]);
      await this.audit.record({ actor: caller, action: 'consent.withdraw', entityType: 'user', entityId: caller.id, orgId: caller.orgId, requestId, details: { scope: 'referrals' } }, tx);
    });
  }
}
