import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_SMS_KINDS, isNotificationKind, type NotificationKind } from '@hearth/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { OutgoingNotification } from '../notification-provider.js';
import { SMS_PROVIDER, SmsRateLimited, SmsRejected, type SmsProvider, type SmsRejectionReason } from './sms-provider.js';
import { SmsRepository } from './sms.repository.js';
import { templateParams, toE164 } from './sms-templates.js';

/** What became of one notification's SMS. A thrown error is transient: the caller retries with backoff. */
export type SmsOutcome =
  | { status: 'sent'; providerMessageId?: string }
  | { status: 'skipped'; reason: 'not-chosen' | 'opted-out' | 'no-phone' | 'daily-cap' | 'unsupported-kind' | 'already-sent' }
  | { status: 'deferred'; until: Date; reason: 'quiet-hours' | 'rate-limited' }
  /** The provider refused for good (this number, this template, this account): retrying repeats it. */
  | { status: 'failed'; reason: SmsRejectionReason; code: string };

/** The time the dispatcher goes by; tests set it. */
@Injectable()
export class SmsClock {
  now(): Date {
    return new Date();
  }
}

const HOUR = 3600_000;
const CHINA_OFFSET = 8 * HOUR;
/** No SMS from 21:00 to 08:00 China time (UTC+8 all year). */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/** The China calendar day `at` falls in, as [start, end) instants. */
export function chinaDay(at: Date): { start: Date; end: Date } {
  const local = at.getTime() + CHINA_OFFSET;
  const start = Math.floor(local / (24 * HOUR)) * 24 * HOUR - CHINA_OFFSET;
  return { start: new Date(start), end: new Date(start + 24 * HOUR) };
}

/** When quiet hours end, or null when `at` is outside them. */
export function quietUntil(at: Date): Date | null {
  const hour = new Date(at.getTime() + CHINA_OFFSET).getUTCHours();
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return null;
  const { start } = chinaDay(at);
  const morning = new Date(start.getTime() + QUIET_UNTIL_HOUR * HOUR);
  return hour < QUIET_UNTIL_HOUR ? morning : new Date(morning.getTime() + 24 * HOUR);
}

/** When to try again after the provider's flow control: past its window, and never inside quiet hours. */
export function rateLimitedUntil(at: Date, window: SmsRateLimited['window']): Date {
  const later =
    window === 'minute'
      ? new Date(at.getTime() + 2 * 60_000)
      : window === 'hour'
        ? new Date(at.getTime() + HOUR)
        : new Date(chinaDay(at).end.getTime() + QUIET_UNTIL_HOUR * HOUR);
  return quietUntil(later) ?? later;
}

/**
 * Decides whether a notification also goes by SMS, and sends it. The delivery job calls `dispatch`
 * once per notification, outside the transaction that created it (docs/decisions/017-sms.md).
 *
 * In order: a kind the deployment has a template for; her phone; her choice (notification_preferences,
 * defaults when she has no row) and no opt-out; not already texted; not in quiet hours; under the
 * daily cap. Then the text is claimed in sms_messages (one row per notification, unique) before the
 * provider is called, so two deliveries of one notification text her at most once.
 */
@Injectable()
export class SmsDispatcher {
  private readonly logger = new Logger('Sms');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: SmsClock,
    private readonly audit: AuditService,
    private readonly messages: SmsRepository,
  ) {}

  async dispatch(notification: OutgoingNotification): Promise<SmsOutcome> {
    const { sms } = this.config;
    if (!isNotificationKind(notification.kind)) return { status: 'skipped', reason: 'unsupported-kind' };
    const kind: NotificationKind = notification.kind;
    // The log provider stands in for every kind, so development shows the policy at work.
    const templateId = sms.templates[kind] ?? (this.provider.name === 'log' ? kind : undefined);
    if (!templateId) return { status: 'skipped', reason: 'unsupported-kind' };
    const phone = toE164(notification.phone);
    if (!phone) return { status: 'skipped', reason: 'no-phone' };

    const prefs = await this.messages.preferences(notification.userId);
    if (prefs?.sms_opted_out_at) return { status: 'skipped', reason: 'opted-out' };
    const chosen = prefs?.sms_kinds ?? DEFAULT_SMS_KINDS;
    if (!chosen.includes(kind)) return { status: 'skipped', reason: 'not-chosen' };

    const earlier = await this.earlierOutcome(notification.id);
    if (earlier) return earlier;

    const now = this.clock.now();
    const quiet = sms.quietHours ? quietUntil(now) : null;
    if (quiet) return { status: 'deferred', until: quiet, reason: 'quiet-hours' };

    const claimed = await this.claim(notification, kind, now);
    if (claimed !== true) return claimed;

    let messageId: string | null;
    try {
      ({ messageId } = await this.provider.send({
        phone,
        kind,
        templateId,
        params: templateParams(kind, notification.payload),
        notificationId: notification.id,
      }));
    } catch (error) {
      if (error instanceof SmsRejected) {
        await this.messages.markRefused(notification.id, error.reason, error.code.slice(0, 100));
        this.logger.warn({ msg: 'sms refused', kind, provider: this.provider.name, code: error.code, reason: error.reason });
        return { status: 'failed', reason: error.reason, code: error.code };
      }
      // Not sent: free the claim so that the retry (or the deferred attempt) may send it.
      await this.messages.releaseClaim(notification.id);
      if (error instanceof SmsRateLimited) {
        this.logger.warn({ msg: 'sms rate-limited', kind, provider: this.provider.name, code: error.code });
        return { status: 'deferred', until: rateLimitedUntil(now, error.window), reason: 'rate-limited' };
      }
      throw error;
    }

    await this.db.transaction(async (tx) => {
      const orgId = await this.messages.markSent(notification.id, notification.userId, this.clock.now(), messageId, tx);
      // Kind and time only: never the text or the phone number.
      await this.audit.record(
        { actor: null, action: 'sms.sent', entityType: 'user', entityId: notification.userId, orgId, details: { kind, provider: this.provider.name } },
        tx,
      );
    });
    return messageId ? { status: 'sent', providerMessageId: messageId } : { status: 'sent' };
  }

  /** A notification already claimed (sending or sent) is never texted again; one refused for good stays refused. */
  private async earlierOutcome(notificationId: string): Promise<SmsOutcome | null> {
    // A claim still 'sending' after twice the SDK's timeout belongs to a delivery that died (kill -9,
    // a crash) while or before it called the provider: that call is long over, so the text is sent
    // again, accepting the rare double text over a lost one (decision 017).
    await this.messages.dropStaleClaim(notificationId, this.config.sms.timeoutSeconds * 2);
    const row = await this.messages.message(notificationId);
    if (!row) return null;
    if (row.status === 'failed') return { status: 'failed', reason: row.failure_reason ?? 'provider-refused', code: row.error_code ?? '' };
    // 'sent', or 'sending': another delivery is texting it now.
    return { status: 'skipped', reason: 'already-sent' };
  }

  /**
   * Counts her texts of this China day and claims this one, under a per-person lock so that two
   * deliveries at once cannot both pass the cap.
   */
  private async claim(n: OutgoingNotification, kind: NotificationKind, now: Date): Promise<true | SmsOutcome> {
    return this.db.transaction(async (tx) => {
      await this.messages.lockPerson(n.userId, tx);
      const { start, end } = chinaDay(now);
      if ((await this.messages.countSince(n.userId, start, end, tx)) >= this.config.sms.dailyCap) return { status: 'skipped', reason: 'daily-cap' } as const;
      if (!(await this.messages.claim({ userId: n.userId, notificationId: n.id, kind, provider: this.provider.name, at: now }, tx)))
        return { status: 'skipped', reason: 'already-sent' } as const;
      return true as const;
    });
  }
}
