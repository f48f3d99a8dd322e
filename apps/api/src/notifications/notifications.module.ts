import { Global, Module } from '@nestjs/common';
import { NotificationsService } from './notifications.service.js';
import { ScheduledNotificationsService } from './scheduled-notifications.service.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';

@Global()
@Module({
  providers: [NotificationsService, ScheduledNotificationsService, SmsDispatcher],
  exports: [NotificationsService, ScheduledNotificationsService, SmsDispatcher],
})
export class NotificationsModule {}
