import type { NotificationKind } from '@hearth/contracts';

/** One text to one phone, as the provider's API takes it. */
export interface SmsMessage {
  /** E.164, +86… */
  phone: string;
  kind: NotificationKind;
  templateId: string;
  /** In template order (Tencent's {1}, {2}…); named for Alibaba Cloud's ${name}. */
  params: [string, string][];
  /** The notification it announces: a correlation id for logs (never shown to her). */
  notificationId?: string;
}

/**
 * Sends one text. Resolves with the provider's message id when the provider accepted it.
 * Refusals the caller must treat differently throw an `SmsRateLimited` or `SmsRejected`; anything
 * else thrown (network, timeout, 5xx, the API's own throttling) is transient and retried.
 */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ messageId: string | null }>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** The provider's flow control for this number or this account: try again later, not now. */
export class SmsRateLimited extends Error {
  constructor(
    readonly code: string,
    /** How long to wait: 'minute' | 'hour' | 'day' of the provider's window. */
    readonly window: 'minute' | 'hour' | 'day',
  ) {
    super(`SMS provider rate limit ${code}`);
    this.name = 'SmsRateLimited';
  }
}

export type SmsRejectionReason = 'invalid-number' | 'blacklisted' | 'template-rejected' | 'provider-refused';

/** A refusal that retrying would repeat: this number, this template or this account cannot send it. */
export class SmsRejected extends Error {
  constructor(
    readonly code: string,
    readonly reason: SmsRejectionReason,
  ) {
    super(`SMS provider refused the text: ${code}`);
    this.name = 'SmsRejected';
  }
}
