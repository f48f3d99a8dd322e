import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/config/config.js';
import { AliyunSmsProvider } from '../src/notifications/sms/providers/aliyun-sms-provider.js';
import { TencentSmsProvider } from '../src/notifications/sms/providers/tencent-sms-provider.js';
import { loadSmsConfig, type SmsConfig } from '../src/notifications/sms/sms-config.js';
import { SmsRateLimited, SmsRejected, type SmsMessage } from '../src/notifications/sms/sms-provider.js';
import { chinaDate, chinaDateTime, templateParams, toE164 } from '../src/notifications/sms/sms-templates.js';
import { aliyunOk, aliyunRefusal, FakeProvider, tencentError, tencentOk, tencentStatus } from './sms-fake.js';

const message: SmsMessage = {
  phone: '+8613912345678',
  kind: 'session.reminder',
  templateId: '',
  params: [
    ['course', '家政服务员'],
    ['time', '12月6日 09:00'],
    ['place', '鼓山镇服务点'],
  ],
};

const BASE = { SMS_ACCESS_KEY_ID: 'test-key-id', SMS_ACCESS_KEY_SECRET: 'test-key-secret', SMS_SIGN_NAME: '巾帼学堂', SMS_TIMEOUT_SECONDS: '2' };

/** What the adapter throws, or resolves with. */
async function outcome(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (error) {
    return error;
  }
}

describe('Alibaba Cloud SMS adapter against a local fake of dysmsapi', () => {
  const fake = new FakeProvider(() => aliyunOk());
  let provider: AliyunSmsProvider;
  let config: SmsConfig;

  beforeAll(async () => {
    await fake.start();
    config = loadSmsConfig({ ...BASE, SMS_PROVIDER: 'aliyun', SMS_ENDPOINT: fake.url, SMS_TEMPLATE_SESSION_REMINDER: 'SMS_480000001' }, 'test');
    provider = new AliyunSmsProvider(config);
  });
  afterAll(() => fake.stop());

  it('sends SendSms with the signature, template code, JSON params and the E.164 number, and returns the BizId', async () => {
    fake.answerNext(aliyunOk('900619746936498440^0'));
    const result = await provider.send({ ...message, templateId: 'SMS_480000001' });
    expect(result).toEqual({ messageId: '900619746936498440^0' });
    const seen = fake.requests.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.headers['x-acs-action']).toBe('SendSms');
    expect(seen.headers['x-acs-version']).toBe('2017-05-25');
    expect(String(seen.headers.authorization)).toMatch(/^ACS3-HMAC-SHA256 Credential=test-key-id,/);
    expect(Object.fromEntries(seen.url.searchParams)).toEqual({
      PhoneNumbers: '+8613912345678',
      SignName: '巾帼学堂',
      TemplateCode: 'SMS_480000001',
      TemplateParam: JSON.stringify({ course: '家政服务员', time: '12月6日 09:00', place: '鼓山镇服务点' }),
    });
  });

  it('sorts refusals: a bad number and a rejected template are permanent, flow control waits for its window', async () => {
    fake.answerNext(aliyunRefusal('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号'));
    const bad = await outcome(provider.send({ ...message, templateId: 'SMS_480000001' }));
    expect(bad).toBeInstanceOf(SmsRejected);
    expect(bad).toMatchObject({ reason: 'invalid-number', code: 'isv.MOBILE_NUMBER_ILLEGAL' });

    fake.answerNext(aliyunRefusal('isv.SMS_TEMPLATE_ILLEGAL', '模板不合法'));
    expect(await outcome(provider.send({ ...message, templateId: 'SMS_480000001' }))).toMatchObject({ reason: 'template-rejected' });

    fake.answerNext(aliyunRefusal('isv.BUSINESS_LIMIT_CONTROL', '触发小时级流控Permits:5'));
    const limited = await outcome(provider.send({ ...message, templateId: 'SMS_480000001' }));
    expect(limited).toBeInstanceOf(SmsRateLimited);
    expect(limited).toMatchObject({ code: 'isv.BUSINESS_LIMIT_CONTROL', window: 'hour' });

    fake.answerNext(aliyunRefusal('isv.BUSINESS_LIMIT_CONTROL', '触发天级流控Permits:10'));
    expect(await outcome(provider.send({ ...message, templateId: 'SMS_480000001' }))).toMatchObject({ window: 'day' });
  });

  it("treats the API's own throttling, a 5xx and a dropped connection as transient (plain errors the job retries)", async () => {
    fake.answerNext({ status: 400, json: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.', RequestId: 'r' } });
    fake.answerNext({ status: 503, json: { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'r' } });
    fake.answerNext('drop');
    for (let i = 0; i < 3; i += 1) {
      const error = await outcome(provider.send({ ...message, templateId: 'SMS_480000001' }));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(SmsRejected);
      expect(error).not.toBeInstanceOf(SmsRateLimited);
    }
  });

  it('a port with nothing listening is a network failure, also transient', async () => {
    const gone = new FakeProvider(() => aliyunOk());
    await gone.start();
    const url = gone.url;
    await gone.stop();
    const offline = new AliyunSmsProvider({ ...config, endpoint: { protocol: 'http', host: url.replace('http://', '') } });
    const error = await outcome(offline.send({ ...message, templateId: 'SMS_480000001' }));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error).not.toBeInstanceOf(SmsRateLimited);
  });

  it('a wrong AccessKey (a 4xx the provider explains) is the deployment refused, not retried forever', async () => {
    fake.answerNext({ status: 404, json: { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', RequestId: 'r' } });
    expect(await outcome(provider.send({ ...message, templateId: 'SMS_480000001' }))).toMatchObject({
      reason: 'provider-refused',
      code: 'InvalidAccessKeyId.NotFound',
    });
  });
});

describe('Tencent Cloud SMS adapter against a local fake of sms.tencentcloudapi.com', () => {
  const fake = new FakeProvider(() => tencentOk());
  let provider: TencentSmsProvider;

  beforeAll(async () => {
    await fake.start();
    provider = new TencentSmsProvider(
      loadSmsConfig(
        { ...BASE, SMS_PROVIDER: 'tencent', SMS_SDK_APP_ID: '1400123456', SMS_ENDPOINT: fake.url, SMS_TEMPLATE_SESSION_REMINDER: '2233445' },
        'test',
      ),
    );
  });
  afterAll(() => fake.stop());

  it('sends SendSms 2021-01-11 with SmsSdkAppId, SignName, TemplateId, the params in template order and the E.164 number', async () => {
    fake.answerNext(tencentOk('2433:319366829116796346346'));
    expect(await provider.send({ ...message, templateId: '2233445' })).toEqual({ messageId: '2433:319366829116796346346' });
    const seen = fake.requests.at(-1)!;
    expect(seen.headers['x-tc-action']).toBe('SendSms');
    expect(seen.headers['x-tc-version']).toBe('2021-01-11');
    expect(seen.headers['x-tc-region']).toBe('ap-guangzhou');
    expect(String(seen.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=test-key-id\//);
    expect(JSON.parse(seen.body)).toEqual({
      SmsSdkAppId: '1400123456',
      SignName: '巾帼学堂',
      TemplateId: '2233445',
      TemplateParamSet: ['家政服务员', '12月6日 09:00', '鼓山镇服务点'],
      PhoneNumberSet: ['+8613912345678'],
    });
  });

  it('sorts per-number refusals and request errors: blacklist and template are permanent, LimitExceeded waits', async () => {
    fake.answerNext(tencentStatus('FailedOperation.PhoneNumberInBlacklist', 'phone number in blacklist'));
    expect(await outcome(provider.send({ ...message, templateId: '2233445' }))).toMatchObject({ reason: 'blacklisted' });
    fake.answerNext(tencentStatus('InvalidParameterValue.IncorrectPhoneNumber'));
    expect(await outcome(provider.send({ ...message, templateId: '2233445' }))).toMatchObject({ reason: 'invalid-number' });
    fake.answerNext(tencentError('FailedOperation.TemplateIncorrectOrUnapproved', 'template unapproved'));
    expect(await outcome(provider.send({ ...message, templateId: '2233445' }))).toMatchObject({ reason: 'template-rejected' });

    fake.answerNext(tencentStatus('LimitExceeded.PhoneNumberDailyLimit', 'daily limit'));
    const daily = await outcome(provider.send({ ...message, templateId: '2233445' }));
    expect(daily).toBeInstanceOf(SmsRateLimited);
    expect(daily).toMatchObject({ window: 'day' });
    fake.answerNext(tencentStatus('LimitExceeded.PhoneNumberThirtySecondLimit'));
    expect(await outcome(provider.send({ ...message, templateId: '2233445' }))).toMatchObject({ window: 'minute' });
  });

  it("treats the API's throttling (RequestLimitExceeded), InternalError, a 502 and a dropped connection as transient", async () => {
    fake.answerNext(
      tencentError('RequestLimitExceeded', 'too many requests'),
      tencentError('InternalError.Timeout', 'timeout'),
      { status: 502, json: {} },
      'drop',
    );
    for (let i = 0; i < 4; i += 1) {
      const error = await outcome(provider.send({ ...message, templateId: '2233445' }));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(SmsRejected);
      expect(error).not.toBeInstanceOf(SmsRateLimited);
    }
  });
});

describe('SMS configuration at boot', () => {
  const boot = (env: Record<string, string>) => () => loadConfig({ DATABASE_URL: 'postgres://x/y', JWT_SECRET: 'x'.repeat(40), NODE_ENV: 'test', ...env });

  it('defaults to the log provider, a daily cap of 5 and no reply secret', () => {
    expect(boot({})().sms).toMatchObject({ provider: 'log', dailyCap: 5, replySecret: null, templates: {} });
  });

  it('refuses a provider without credentials, signature, app id or templates, naming the variable', () => {
    expect(boot({ SMS_PROVIDER: 'aliyun' })).toThrow(ConfigError);
    expect(boot({ SMS_PROVIDER: 'aliyun' })).toThrow(/SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET/);
    expect(boot({ SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'a', SMS_ACCESS_KEY_SECRET: 'b' })).toThrow(/SMS_SIGN_NAME/);
    expect(boot({ SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'a', SMS_ACCESS_KEY_SECRET: 'b', SMS_SIGN_NAME: '巾帼学堂' })).toThrow(/no template/);
    expect(
      boot({ SMS_PROVIDER: 'tencent', SMS_ACCESS_KEY_ID: 'a', SMS_ACCESS_KEY_SECRET: 'b', SMS_SIGN_NAME: '巾帼学堂', SMS_TEMPLATE_CERTIFICATE_ISSUED: '1' }),
    ).toThrow(/SMS_SDK_APP_ID/);
    expect(boot({ SMS_PROVIDER: 'aliyun', ...BASE, SMS_TEMPLATE_CERTIFICATE_ISSUED: '12345' })).toThrow(
      /SMS_TEMPLATE_CERTIFICATE_ISSUED must be an Alibaba Cloud template code/,
    );
    expect(boot({ SMS_PROVIDER: 'twilio' })).toThrow(/SMS_PROVIDER must be one of log, aliyun, tencent/);
    expect(boot({ SMS_DAILY_CAP: 'many' })).toThrow(/SMS_DAILY_CAP/);
  });

  it('production also refuses a plain-http endpoint and a real provider without the reply secret', () => {
    const ok = {
      SMS_PROVIDER: 'aliyun',
      ...BASE,
      SMS_TEMPLATE_CERTIFICATE_ISSUED: 'SMS_480000002',
      NODE_ENV: 'production',
      JWT_SECRET: 'Zq3!vR8#kP2@wL6$tN9^xB4&mC7*hF1(',
    };
    expect(boot(ok)).toThrow(/SMS_REPLY_SECRET/);
    const secret = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
    expect(boot({ ...ok, SMS_REPLY_SECRET: secret, SMS_ENDPOINT: 'http://127.0.0.1:9' })).toThrow(/plain http/);
    expect(boot({ ...ok, SMS_REPLY_SECRET: 'short' })).toThrow(/at least 24 characters/);
    const config = boot({ ...ok, SMS_REPLY_SECRET: secret, SMS_SIGN_NAME: '【巾帼学堂】' })();
    expect(config.sms).toMatchObject({
      provider: 'aliyun',
      signName: '巾帼学堂',
      region: 'cn-hangzhou',
      endpoint: null,
      templates: { 'certificate.issued': 'SMS_480000002' },
    });
  });
});

describe('template parameters', () => {
  it('carry her course, the time in China time and the place; never a reason, a name or a phone', () => {
    expect(chinaDateTime('2026-12-06T01:00:00Z')).toBe('12月6日 09:00');
    expect(chinaDate('2027-01-05')).toBe('2027年1月5日');
    expect(chinaDate('2026-12-31T17:00:00Z')).toBe('2027年1月1日');
    expect(
      templateParams('session.changed', {
        classId: 'c',
        course: '养老护理员',
        change: 'cancelled',
        startsAt: '2026-12-06T01:00:00Z',
        previous: { startsAt: '2026-12-05T02:30:00Z', endsAt: 'x', location: 'y' },
      }),
    ).toEqual([
      ['course', '养老护理员'],
      ['change', '取消'],
      ['time', '12月5日 10:30'],
    ]);
    expect(templateParams('certificate.revoked', { code: 'HXABCDEFGHJ', reason: '冒用他人身份（张三 13900000000）' })).toEqual([['code', 'HXABCDEFGHJ']]);
    expect(templateParams('referral.status', { job: '住家保洁员', status: 'interviewing' })).toEqual([
      ['job', '住家保洁员'],
      ['status', '安排面试'],
    ]);
    const long = templateParams('enrollment.promoted', { classId: 'c', course: '一'.repeat(40) });
    expect([...long[0][1]].length).toBe(20);
  });

  it('write mainland numbers in E.164', () => {
    expect(toE164('13912345678')).toBe('+8613912345678');
    expect(toE164('+86 139-1234-5678')).toBe('+8613912345678');
    expect(toE164('008613912345678')).toBe('+8613912345678');
    expect(toE164('12345')).toBeNull();
    expect(toE164(null)).toBeNull();
  });
});
