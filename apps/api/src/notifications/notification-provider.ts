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

  async send(n: OutgoingNotification): Promise<void> {
    this.logger.log({ msg: 'notification', id: n.id, kind: n.kind, to: n.phone ? maskPhones(n.phone) : null, payload: n.payload });
  }
}
