import DysmsModule, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { SmsConfig } from '../sms-config.js';
import { SmsRateLimited, SmsRejected, type SmsMessage, type SmsProvider } from '../sms-provider.js';

// The package is CommonJS with `exports.default = Client`; under NodeNext the default import is the module object.
type DysmsClient = InstanceType<typeof import('@alicloud/dysmsapi20170525').default>;
const DysmsClientClass = ((DysmsModule as unknown as { default?: unknown }).default ?? DysmsModule) as new (config: $OpenApiUtil.Config) => DysmsClient;

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25 SendSms) through the official SDK. The SDK retries nothing
 * by default; the delivery job does, with backoff.
 *
 * SendSms answers HTTP 200 with `Code` other than "OK" for the provider's refusals; those are sorted
 * here into flow control (try later), permanent refusals (this number, template or signature) and
 * transient trouble (thrown as is). Codes: https://help.aliyun.com/zh/sms/developer-reference/api-error-codes
 */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';
  private readonly client: DysmsClient;

  constructor(private readonly config: SmsConfig) {
    this.client = new DysmsClientClass(
      new $OpenApiUtil.Config({
        accessKeyId: config.accessKeyId,
        accessKeySecret: config.accessKeySecret,
        regionId: config.region,
        endpoint: config.endpoint?.host ?? 'dysmsapi.aliyuncs.com',
        protocol: config.endpoint?.protocol ?? 'https',
        connectTimeout: Math.min(5, config.timeoutSeconds) * 1000,
        readTimeout: config.timeoutSeconds * 1000,
      }),
    );
  }

  async send(message: SmsMessage): Promise<{ messageId: string | null }> {
    const request = new SendSmsRequest({
      phoneNumbers: message.phone,
      signName: this.config.signName,
      templateCode: message.templateId,
      templateParam: JSON.stringify(Object.fromEntries(message.params)),
    });
    let body: { code?: string; message?: string; bizId?: string } | undefined;
    try {
      body = (await this.client.sendSms(request)).body;
    } catch (error) {
      throw classifyThrown(error);
    }
    const code = body?.code ?? '';
    if (code === 'OK') return { messageId: body?.bizId ?? null };
    throw classifyRefusal(code, body?.message ?? '');
  }
}

/** A refusal in a 200 answer (`Code` other than OK). */
export function classifyRefusal(code: string, text: string): Error {
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') {
    // "触发分钟级流控Permits:1" / "触发小时级流控Permits:5" / "触发天级流控Permits:10"
    return new SmsRateLimited(code, /天级|day/i.test(text) ? 'day' : /小时级|hour/i.test(text) ? 'hour' : 'minute');
  }
  if (code === 'isv.DAY_LIMIT_CONTROL' || code === 'isv.OUT_OF_SERVICE' || code === 'isv.AMOUNT_NOT_ENOUGH')
    return new SmsRateLimited(code, code === 'isv.DAY_LIMIT_CONTROL' ? 'day' : 'hour');
  if (/^isv\.(MOBILE_NUMBER_ILLEGAL|MOBILE_COUNT_OVER_LIMIT|DOMESTIC_NUMBER_NOT_SUPPORTED|INVALID_PHONE)/.test(code))
    return new SmsRejected(code, 'invalid-number');
  if (/BLACK/.test(code)) return new SmsRejected(code, 'blacklisted');
  if (/^isv\..*(TEMPLATE|SIGN|PARAM)/.test(code)) return new SmsRejected(code, 'template-rejected');
  if (/^isv\./.test(code) || /^isp\.RAM_PERMISSION_DENY/.test(code)) return new SmsRejected(code, 'provider-refused');
  // isp.SYSTEM_ERROR and anything unknown: the provider's trouble, worth another try.
  const error = new Error(`Alibaba Cloud SMS ${code || 'answered without a code'}: ${text}`.slice(0, 300));
  return error;
}

/** What the SDK throws: HTTP errors (Throttling*, 4xx, 5xx) and network failures. */
function classifyThrown(error: unknown): Error {
  const e = error as { code?: string; statusCode?: number; name?: string; message?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 0;
  // The API's own throttling and 5xx are transient; so is a network failure (no HTTP status at all).
  if (/Throttling|ServiceUnavailable|InternalError/i.test(code) || status >= 500 || status === 0) {
    return new Error(`Alibaba Cloud SMS unavailable: ${code || e?.name || 'network'} ${status || ''}`.trim().slice(0, 300));
  }
  // Other 4xx (a bad AccessKey, a signature mismatch, no permission): the deployment's configuration.
  return new SmsRejected(code || `HTTP ${status}`, 'provider-refused');
}
