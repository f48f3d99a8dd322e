import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_PROVIDER, type NotificationProvider, type OutgoingNotification } from '../notification-provider.js';

/** What became of one notification's SMS. A thrown error is transient: the caller retries with backoff. */
export type SmsOutcome =
  | { status: 'sent'; providerMessageId?: string }
  | { status: 'skipped'; reason: 'not-chosen' | 'opted-out' | 'no-phone' | 'daily-cap' | 'unsupported-kind' | 'already-sent' }
  | { status: 'deferred'; until: Date; reason: 'quiet-hours' | 'rate-limited' };

/**
 * Decides whether a notification also goes by SMS, and sends it. The delivery job calls `dispatch`
 * once per notification, outside the transaction that created it.
 */
@Injectable()
export class SmsDispatcher {
  constructor(@Inject(NOTIFICATION_PROVIDER) private readonly provider: NotificationProvider) {}

  async dispatch(notification: OutgoingNotification): Promise<SmsOutcome> {
    if (!notification.phone) return { status: 'skipped', reason: 'no-phone' };
    await this.provider.send(notification);
    return { status: 'sent' };
  }
}
