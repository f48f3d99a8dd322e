import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SMS_KINDS } from '@hearth/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';

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
  ) {}

  /**
   * Opts out the person with this (11-digit) number. An unknown number changes nothing and says
   * nothing different, so the callback cannot be used to learn who has an account.
   */
  async optOut(localPhone: string, provider: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows: { user_id: string; org_id: string | null; newly: boolean }[] = await tx.query(
        `WITH her AS (SELECT id, org_id FROM users WHERE phone = $1 AND status <> 'erased'),
              before AS (SELECT p.user_id FROM notification_preferences p JOIN her ON her.id = p.user_id WHERE p.sms_opted_out_at IS NOT NULL),
              up AS (
                INSERT INTO notification_preferences (user_id, sms_kinds, sms_opted_out_at, updated_at)
                SELECT id, $2::text[], now(), now() FROM her
                ON CONFLICT (user_id) DO UPDATE SET sms_opted_out_at = coalesce(notification_preferences.sms_opted_out_at, now()), updated_at = now()
                RETURNING user_id)
         SELECT up.user_id, her.org_id, NOT EXISTS (SELECT 1 FROM before) AS newly FROM up JOIN her ON her.id = up.user_id`,
        [localPhone, [...DEFAULT_SMS_KINDS]],
      );
      for (const row of rows) {
        if (!row.newly) continue;
        await this.audit.record({ actor: null, action: 'sms.opted_out', entityType: 'user', entityId: row.user_id, orgId: row.org_id, details: { provider } }, tx);
      }
    });
  }
}
