import { Logger } from '@nestjs/common';
import { maskPhones } from '../common/logger.js';

export interface OutgoingNotification {
  id: string;
  userId: string;
  phone: string | null;
  locale: string;
  kind: string;
  payload: Record<string, unknown>;
}

/** Where notifications go. A deployment binds an SMS provider to this token; the default writes to the log. */
export const NOTIFICATION_PROVIDER = Symbol('NOTIFICATION_PROVIDER');

export interface NotificationProvider {
  send(notification: OutgoingNotification): Promise<void>;
}

export class LogNotificationProvider implements NotificationProvider {
  private readonly logger = new Logger('Notifications');
  /** NOTIFICATIONS_LOG_DELAY_MS makes it a slow provider (the resilience test kills the API mid-send). */
  private readonly delayMs = Number(process.env.NOTIFICATIONS_LOG_DELAY_MS ?? 0);

  async send(n: OutgoingNotification): Promise<void> {
    if (this.delayMs > 0) {
      this.logger.log({ msg: 'notification sending', id: n.id });
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    this.logger.log({ msg: 'notification', id: n.id, kind: n.kind, to: n.phone ? maskPhones(n.phone) : null, payload: n.payload });
  }
}
