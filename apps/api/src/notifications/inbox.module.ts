import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxService } from './inbox.service.js';

/** Her inbox and SMS choices (apart from delivery, which NotificationsModule runs). */
@Module({
  controllers: [InboxController],
  providers: [InboxService, InboxRepository],
  exports: [InboxService],
})
export class InboxModule {}
