import { Global, Module } from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { ScheduledNotificationsService } from './scheduled-notifications.service.js';
import { SmsDispatcher } from './sms/sms-dispatcher.js';

@Global()
@Module({
  providers: [NotificationsService, ScheduledNotificationsService, SmsDispatcher, NotificationsRepository],
  exports: [NotificationsService, ScheduledNotificationsService, SmsDispatcher],
})
export class NotificationsModule {}
