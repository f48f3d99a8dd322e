import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhones } from '../../../common/logger.js';
import type { SmsMessage, SmsProvider } from '../sms-provider.js';

/** The default: writes what would be texted to the log (phone masked), so development needs no account. */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  private readonly logger = new Logger('Sms');
  /** NOTIFICATIONS_LOG_DELAY_MS makes it a slow provider (the resilience test kills the API mid-send). */
  private readonly delayMs = Number(process.env.NOTIFICATIONS_LOG_DELAY_MS ?? 0);

  async send(message: SmsMessage): Promise<{ messageId: string | null }> {
    const messageId = `log-${randomUUID()}`;
    if (this.delayMs > 0) {
      this.logger.log({ msg: 'sms sending', notificationId: message.notificationId });
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    this.logger.log({
      msg: 'sms',
      notificationId: message.notificationId,
      kind: message.kind,
      template: message.templateId,
      to: maskPhones(message.phone.replace(/^\+86/, '')),
      params: Object.fromEntries(message.params),
      messageId,
    });
    return { messageId };
  }
}
