import { Global, Module } from '@nestjs/common';
import { LogNotificationProvider, NOTIFICATION_PROVIDER } from './notification-provider.js';
import { NotificationsService } from './notifications.service.js';
import { ScheduledNotificationsService } from './scheduled-notifications.service.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';

@Global()
@Module({
  providers: [{ provide: NOTIFICATION_PROVIDER, useClass: LogNotificationProvider }, NotificationsService, ScheduledNotificationsService, SmsDispatcher],
  exports: [NotificationsService, ScheduledNotificationsService, SmsDispatcher],
})
export class NotificationsModule {}
