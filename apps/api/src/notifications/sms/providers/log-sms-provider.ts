import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhones } from '../../../common/logger.js';
import type { SmsMessage, SmsProvider } from '../sms-provider.js';

/** The default: writes what would be texted to the log (phone masked), so development needs no account. */
export class LogSmsProvider implements SmsProvider {
  readonly name = 'log';
  private readonly logger = new Logger('Sms');

  async send(message: SmsMessage): Promise<{ messageId: string | null }> {
    const messageId = `log-${randomUUID()}`;
    this.logger.log({ msg: 'sms', kind: message.kind, template: message.templateId, to: maskPhones(message.phone.replace(/^\+86/, '')), params: Object.fromEntries(message.params), messageId });
    return { messageId };
  }
}
