import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Example, SqlExample, SqlRepository } from '../../database/sql-repository.js';
import type { SmsRejectionReason } from './sms-provider.js';

export interface SmsPreferences {
  sms_kinds: string[];
  sms_opted_out_at: Date | null;
}

/** sms_messages: one row per notification texted (claimed before the provider is called), and her SMS choices. */
@SqlRepository('sms')
@Injectable()
export class SmsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async preferences(userId: string): Promise<SmsPreferences | null> {
    const prefs: SmsPreferences[] = await this.db.query(`SELECT sms_kinds, sms_opted_out_at FROM notification_preferences WHERE user_id = $1`, [userId]);
    return prefs[0] ?? null;
  }

  /**
   * Frees a claim still 'sending' after `staleSeconds`: it belongs to a delivery that died while or
   * before it called the provider (decision 017).
   */
  @SqlExample(() => [Example.ID, 20])
  async dropStaleClaim(notificationId: string, staleSeconds: number): Promise<void> {
    await this.db.query(`DELETE FROM sms_messages WHERE notification_id = $1 AND status = 'sending' AND created_at < now() - make_interval(secs => $2)`, [
      notificationId,
      staleSeconds,
    ]);
  }

  @SqlExample(() => [Example.ID])
  async message(notificationId: string): Promise<{ status: string; failure_reason: SmsRejectionReason | null; error_code: string | null } | null> {
    const rows: { status: string; failure_reason: SmsRejectionReason | null; error_code: string | null }[] = await this.db.query(
      `SELECT status, failure_reason, error_code FROM sms_messages WHERE notification_id = $1`,
      [notificationId],
    );
    return rows[0] ?? null;
  }

  /** Serialises her texts (inside `tx`), so two deliveries at once cannot both pass the daily cap. */
  @SqlExample(() => [Example.ID])
  async lockPerson(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`SELECT pg_advisory_xact_lock(hashtext('sms:' || $1::text))`, [userId]);
  }

  /** Her texts not refused in [start, end). */
  @SqlExample(() => [Example.ID, Example.DATE, Example.DATE])
  async countSince(userId: string, start: Date, end: Date, manager?: EntityManager): Promise<number> {
    const counted: { today: number }[] = await (manager ?? this.db.manager).query(
      `SELECT count(*)::int AS today FROM sms_messages WHERE user_id = $1 AND status <> 'failed' AND created_at >= $2 AND created_at < $3`,
      [userId, start, end],
    );
    return counted[0].today;
  }

  /** False if the notification was claimed before. */
  @SqlExample(() => [{ userId: Example.ID, notificationId: Example.ID2, kind: 'session.changed', provider: 'log', at: Example.DATE }])
  async claim(c: { userId: string; notificationId: string; kind: string; provider: string; at: Date }, manager?: EntityManager): Promise<boolean> {
    const inserted: unknown[] = await (manager ?? this.db.manager).query(
      `INSERT INTO sms_messages (user_id, notification_id, kind, provider, status, created_at)
       VALUES ($1, $2, $3, $4, 'sending', $5) ON CONFLICT (notification_id) DO NOTHING RETURNING id`,
      [c.userId, c.notificationId, c.kind, c.provider, c.at],
    );
    return inserted.length > 0;
  }

  @SqlExample(() => [Example.ID, 'invalid-number', 'isv.MOBILE_NUMBER_ILLEGAL'])
  async markRefused(notificationId: string, reason: SmsRejectionReason, code: string): Promise<void> {
    await this.db.query(`UPDATE sms_messages SET status = 'failed', failure_reason = $2, error_code = $3 WHERE notification_id = $1`, [
      notificationId,
      reason,
      code,
    ]);
  }

  /** Not sent: frees the claim so that the retry (or the deferred attempt) may send it. */
  @SqlExample(() => [Example.ID])
  async releaseClaim(notificationId: string): Promise<void> {
    await this.db.query(`DELETE FROM sms_messages WHERE notification_id = $1 AND status = 'sending'`, [notificationId]);
  }

  /** Marks it sent; returns her org (for the audit event). */
  @SqlExample(() => [Example.ID, Example.ID2, Example.DATE, 'provider-id'])
  async markSent(notificationId: string, userId: string, at: Date, messageId: string | null, manager?: EntityManager): Promise<string | null> {
    const tx = manager ?? this.db.manager;
    await tx.query(`UPDATE sms_messages SET status = 'sent', sent_at = $2, provider_message_id = $3 WHERE notification_id = $1`, [
      notificationId,
      at,
      messageId,
    ]);
    const org: { org_id: string | null }[] = await tx.query(`SELECT org_id FROM users WHERE id = $1`, [userId]);
    return org[0]?.org_id ?? null;
  }

  /** Opts out whoever has this number (not erased), keeping her chosen kinds (`defaultKinds` for a new row); returns who, and whether she was newly opted out. */
  @SqlExample(() => [Example.PHONE, ['session.changed']])
  async optOut(localPhone: string, defaultKinds: string[], manager?: EntityManager): Promise<{ user_id: string; org_id: string | null; newly: boolean }[]> {
    return (manager ?? this.db.manager).query(
      `WITH her AS (SELECT id, org_id FROM users WHERE phone = $1 AND status <> 'erased'),
            before AS (SELECT p.user_id FROM notification_preferences p JOIN her ON her.id = p.user_id WHERE p.sms_opted_out_at IS NOT NULL),
            up AS (
              INSERT INTO notification_preferences (user_id, sms_kinds, sms_opted_out_at, updated_at)
              SELECT id, $2::text[], now(), now() FROM her
              ON CONFLICT (user_id) DO UPDATE SET sms_opted_out_at = coalesce(notification_preferences.sms_opted_out_at, now()), updated_at = now()
              RETURNING user_id)
       SELECT up.user_id, her.org_id, NOT EXISTS (SELECT 1 FROM before) AS newly FROM up JOIN her ON her.id = up.user_id`,
      [localPhone, defaultKinds],
    );
  }
}
