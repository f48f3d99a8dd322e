import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SMS_KINDS } from '@hearth/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { SmsRepository } from './sms.repository.js';

/** TD, T, N, 退订 (any case, spaces or a full stop around it): the replies carriers and providers treat as "stop". */
export function isOptOutReply(text: unknown): boolean {
  const word = String(text ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/^[\s"'“”]+|[\s"'“”.。!！]+$/g, '')
    .toUpperCase();
  return word === 'TD' || word === 'T' || word === 'N' || word === '退订';
}

/** Turns a "stop" reply into her opt-out: notification_preferences.sms_opted_out_at, her chosen kinds kept. */
@Injectable()
export class SmsRepliesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly messages: SmsRepository,
  ) {}

  /**
   * Opts out the person with this (11-digit) number. An unknown number changes nothing and says
   * nothing different, so the callback cannot be used to learn who has an account.
   */
  async optOut(localPhone: string, provider: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = await this.messages.optOut(localPhone, [...DEFAULT_SMS_KINDS], tx);
      for (const row of rows) {
        if (!row.newly) continue;
        await this.audit.record(
          { actor: null, action: 'sms.opted_out', entityType: 'user', entityId: row.user_id, orgId: row.org_id, details: { provider } },
          tx,
        );
      }
    });
  }
}
