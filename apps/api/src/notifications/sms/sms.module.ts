import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AliyunSmsProvider } from './providers/aliyun-sms-provider.js';
import { LogSmsProvider } from './providers/log-sms-provider.js';
import { TencentSmsProvider } from './providers/tencent-sms-provider.js';
import { SmsClock } from './sms-dispatcher.js';
import { SMS_PROVIDER, type SmsProvider } from './sms-provider.js';
import { SmsRepliesController } from './sms-replies.controller.js';
import { SmsRepliesService } from './sms-replies.service.js';
import { SmsRepository } from './sms.repository.js';

export function createSmsProvider(config: AppConfig): SmsProvider {
  switch (config.sms.provider) {
    case 'aliyun':
      return new AliyunSmsProvider(config.sms);
    case 'tencent':
      return new TencentSmsProvider(config.sms);
    default:
      return new LogSmsProvider();
  }
}

/**
 * The SMS provider chosen by SMS_PROVIDER, the dispatcher's clock, and the reply callbacks.
 * Global, so that SmsDispatcher (provided by NotificationsModule) finds its provider and clock.
 */
@Global()
@Module({
  controllers: [SmsRepliesController],
  providers: [{ provide: SMS_PROVIDER, useFactory: createSmsProvider, inject: [APP_CONFIG] }, SmsClock, SmsRepliesService, SmsRepository],
  exports: [SMS_PROVIDER, SmsClock, SmsRepository],
})
export class SmsModule {}
