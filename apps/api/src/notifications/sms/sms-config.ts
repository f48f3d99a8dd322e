import { NOTIFICATION_KINDS, type NotificationKind } from '@hearth/contracts';

export const SMS_PROVIDERS = ['log', 'aliyun', 'tencent'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

/** SMS settings, read from the environment at boot (README § SMS providers). */
export interface SmsConfig {
  provider: SmsProviderName;
  /** The approved signature (签名), without brackets: 【巾帼学堂】 is SMS_SIGN_NAME=巾帼学堂. */
  signName: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Tencent only: the SMS application (SmsSdkAppId, 1400…). */
  sdkAppId: string;
  region: string;
  /** Host, or a URL with its protocol (http:// only outside production): the SDK's endpoint. */
  endpoint: { protocol: 'http' | 'https'; host: string } | null;
  /** Approved template per kind (Aliyun TemplateCode "SMS_…", Tencent TemplateId digits); a kind without one is never texted. */
  templates: Partial<Record<NotificationKind, string>>;
  /** Texts a day (China calendar day) per person; 0 turns SMS off without changing the provider. */
  dailyCap: number;
  /** No texts from 21:00 to 08:00 China time (SMS_QUIET_HOURS=off turns the rule off, e.g. for a load or fault test). */
  quietHours: boolean;
  /** Shared secret of the reply callbacks (the `token` query parameter of the URL given to the provider); null = replies refused. */
  replySecret: string | null;
  /** Seconds the SDK waits for the provider before the attempt counts as a network failure. */
  timeoutSeconds: number;
}

class SmsConfigError extends Error {}

/** SMS_TEMPLATE_ENROLLMENT_PROMOTED for 'enrollment.promoted'. */
export const templateEnvName = (kind: NotificationKind) => `SMS_TEMPLATE_${kind.toUpperCase().replace(/\./g, '_')}`;

/**
 * Checks the SMS environment. Throws with a message naming the variable: a provider without
 * credentials, signature or templates is refused (it would fail every text at runtime), and so,
 * in production, are a plain-http endpoint and a weak reply secret.
 */
export function loadSmsConfig(env: NodeJS.ProcessEnv, nodeEnv: string, makeError: (message: string) => Error = (m) => new SmsConfigError(m)): SmsConfig {
  const fail = (message: string) => {
    throw makeError(message);
  };
  const provider = (env.SMS_PROVIDER || 'log').trim().toLowerCase();
  if (!(SMS_PROVIDERS as readonly string[]).includes(provider)) fail(`SMS_PROVIDER must be one of ${SMS_PROVIDERS.join(', ')} (got "${env.SMS_PROVIDER}")`);
  const name = provider as SmsProviderName;
  const real = name !== 'log';
  const label = name === 'aliyun' ? 'Alibaba Cloud SMS' : 'Tencent Cloud SMS';

  const templates: Partial<Record<NotificationKind, string>> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const value = (env[templateEnvName(kind)] ?? '').trim();
    if (!value) continue;
    if (name === 'aliyun' && !/^SMS_\d{3,20}$/.test(value))
      fail(`${templateEnvName(kind)} must be an Alibaba Cloud template code such as SMS_123456789 (got "${value}")`);
    if (name === 'tencent' && !/^\d{1,20}$/.test(value)) fail(`${templateEnvName(kind)} must be a Tencent Cloud template id (digits, got "${value}")`);
    templates[kind] = value;
  }

  const signName = (env.SMS_SIGN_NAME ?? '').trim().replace(/^【|】$/g, '');
  const accessKeyId = (env.SMS_ACCESS_KEY_ID ?? '').trim();
  const accessKeySecret = (env.SMS_ACCESS_KEY_SECRET ?? '').trim();
  const sdkAppId = (env.SMS_SDK_APP_ID ?? '').trim();
  if (real) {
    if (!accessKeyId || !accessKeySecret) {
      fail(
        `SMS_PROVIDER=${name} needs SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET (${name === 'aliyun' ? 'a RAM user AccessKey with dysms:SendSms' : 'a CAM SecretId/SecretKey with sms:SendSms'}); unset SMS_PROVIDER to keep texts in the log`,
      );
    }
    if (!signName) fail(`SMS_PROVIDER=${name} needs SMS_SIGN_NAME, the signature ${label} approved (e.g. 巾帼学堂)`);
    if (signName.length > 20) fail('SMS_SIGN_NAME is longer than any approved signature (20 characters at most)');
    if (name === 'tencent' && !/^14\d{8}$/.test(sdkAppId))
      fail('SMS_PROVIDER=tencent needs SMS_SDK_APP_ID, the SMS application id from the Tencent Cloud console (10 digits starting 14)');
    if (Object.keys(templates).length === 0) {
      fail(`SMS_PROVIDER=${name} has no template: set at least one of ${NOTIFICATION_KINDS.map(templateEnvName).join(', ')} to a template ${label} approved`);
    }
  }

  let endpoint: SmsConfig['endpoint'] = null;
  const rawEndpoint = (env.SMS_ENDPOINT ?? '').trim();
  if (rawEndpoint) {
    const m = /^(?:(https?):\/\/)?([A-Za-z0-9.-]+(?::\d{1,5})?)\/?$/.exec(rawEndpoint);
    if (!m) fail(`SMS_ENDPOINT must be a host such as dysmsapi.aliyuncs.com or a URL such as https://sms.tencentcloudapi.com (got "${rawEndpoint}")`);
    endpoint = { protocol: (m![1] as 'http' | 'https' | undefined) ?? 'https', host: m![2] };
    if (nodeEnv === 'production' && endpoint.protocol === 'http')
      fail('SMS_ENDPOINT may not be plain http:// in production: texts and signed requests would cross the network unencrypted');
  }

  const replySecret = (env.SMS_REPLY_SECRET ?? '').trim() || null;
  if (replySecret && (replySecret.length < 24 || !/^[A-Za-z0-9._~-]+$/.test(replySecret))) {
    fail('SMS_REPLY_SECRET must be at least 24 characters of letters, digits and . _ ~ - (it goes in the callback URL), e.g. `openssl rand -hex 24`');
  }
  if (nodeEnv === 'production' && real && !replySecret) {
    fail(`SMS_PROVIDER=${name} in production needs SMS_REPLY_SECRET, so that a reply of TD reaches Hearth and stops her texts (README § SMS providers)`);
  }

  const intIn = (key: string, fallback: number, min: number, max: number) => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) fail(`${key} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return value;
  };

  return {
    provider: name,
    signName,
    accessKeyId,
    accessKeySecret,
    sdkAppId,
    region: (env.SMS_REGION ?? '').trim() || (name === 'tencent' ? 'ap-guangzhou' : 'cn-hangzhou'),
    endpoint,
    templates,
    dailyCap: intIn('SMS_DAILY_CAP', 5, 0, 100),
    quietHours: (env.SMS_QUIET_HOURS ?? '').trim().toLowerCase() !== 'off',
    replySecret,
    timeoutSeconds: intIn('SMS_TIMEOUT_SECONDS', 10, 1, 60),
  };
}
