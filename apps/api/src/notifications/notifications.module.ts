import { Global, Module } from '@nestjs/common';
import { LogNotificationProvider, NOTIFICATION_PROVIDER } from './notification-provider.js';
import { NotificationsService } from './notifications.service.js';

@Global()
@Module({
  providers: [{ provide: NOTIFICATION_PROVIDER, useClass: LogNotificationProvider }, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
