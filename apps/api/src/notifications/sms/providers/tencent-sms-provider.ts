import * as tencentSms from 'tencentcloud-sdk-nodejs-sms';
import type { SmsConfig } from '../sms-config.js';
import { SmsRateLimited, SmsRejected, type SmsMessage, type SmsProvider } from '../sms-provider.js';

type Client = InstanceType<typeof tencentSms.sms.v20210111.Client>;

/**
 * Tencent Cloud SMS (sms 2021-01-11 SendSms) through the official SDK. A request-level error comes
 * back as a thrown TencentCloudSDKHttpException with `code`; a per-number refusal comes back in
 * `SendStatusSet[0].Code`. Codes: https://cloud.tencent.com/document/product/382/52075
 */
export class TencentSmsProvider implements SmsProvider {
  readonly name = 'tencent';
  private readonly client: Client;

  constructor(private readonly config: SmsConfig) {
    const SmsClient = tencentSms.sms.v20210111.Client;
    this.client = new SmsClient({
      credential: { secretId: config.accessKeyId, secretKey: config.accessKeySecret },
      region: config.region,
      profile: {
        httpProfile: {
          endpoint: config.endpoint?.host ?? 'sms.tencentcloudapi.com',
          protocol: `${config.endpoint?.protocol ?? 'https'}://`,
          reqTimeout: config.timeoutSeconds,
        },
      },
    });
  }

  async send(message: SmsMessage): Promise<{ messageId: string | null }> {
    let response: Awaited<ReturnType<Client['SendSms']>>;
    try {
      response = await this.client.SendSms({
        SmsSdkAppId: this.config.sdkAppId,
        SignName: this.config.signName,
        TemplateId: message.templateId,
        TemplateParamSet: message.params.map(([, value]) => value),
        PhoneNumberSet: [message.phone],
      });
    } catch (error) {
      const e = error as { code?: string; httpCode?: number; message?: string };
      if (e?.code) throw classifyTencentCode(e.code, e.message ?? '');
      // No code: the network, a timeout or a non-200 answer: transient.
      throw new Error(`Tencent Cloud SMS unavailable: ${e?.httpCode ? `HTTP ${e.httpCode}` : (e?.message ?? 'network').slice(0, 200)}`);
    }
    const status = response.SendStatusSet?.[0];
    if (!status) throw new Error('Tencent Cloud SMS answered without a send status');
    if (status.Code === 'Ok') return { messageId: status.SerialNo ?? null };
    throw classifyTencentCode(status.Code ?? '', status.Message ?? '');
  }
}

export function classifyTencentCode(code: string, text: string): Error {
  if (code.startsWith('LimitExceeded.')) {
    if (/ThirtySecond/.test(code)) return new SmsRateLimited(code, 'minute');
    if (/OneHour|DeliveryFrequency/.test(code)) return new SmsRateLimited(code, 'hour');
    return new SmsRateLimited(code, 'day');
  }
  if (code === 'FailedOperation.InsufficientBalanceInSmsPackage') return new SmsRateLimited(code, 'hour');
  if (code === 'InvalidParameterValue.IncorrectPhoneNumber' || code === 'UnsupportedOperation.UnsupportedRegion' || /PhoneNumber(Parse|Format)/.test(code))
    return new SmsRejected(code, 'invalid-number');
  if (/Blacklist/i.test(code)) return new SmsRejected(code, 'blacklisted');
  if (/Template|Signature|SensitiveWord|TemplateParameter/.test(code)) return new SmsRejected(code, 'template-rejected');
  if (/^(AuthFailure|UnauthorizedOperation|FailedOperation|InvalidParameter|MissingParameter|UnsupportedOperation)/.test(code))
    return new SmsRejected(code, 'provider-refused');
  // RequestLimitExceeded (the API's own throttling), InternalError.*, anything unknown: try again.
  return new Error(`Tencent Cloud SMS ${code}: ${text}`.slice(0, 300));
}
