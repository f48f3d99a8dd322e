import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InboxQuery, MarkReadDto, PreferencesDto } from '@hearth/contracts/inputs';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { NotificationList, NotificationPreferences, UnreadCount } from './inbox.schemas.js';
import { InboxService } from './inbox.service.js';

/** Her notifications and her choice of what also comes by SMS. Every signed-in role has an inbox. */
@ApiTags('notifications')
@Controller('me')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('notifications')
  @Authenticated()
  @Responds(200, NotificationList)
  list(@CurrentUser() user: AuthUser, @Query() query: InboxQuery) {
    return this.inbox.list(user, { unread: query.unread, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  }

  /** The bell's number: one indexed count. */
  @Get('notifications/unread-count')
  @Authenticated()
  @Responds(200, UnreadCount)
  unreadCount(@CurrentUser() user: AuthUser) {
    return this.inbox.unreadCount(user);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @Authenticated()
  @Responds(200, UnreadCount)
  markRead(@CurrentUser() user: AuthUser, @Body() body: MarkReadDto) {
    return this.inbox.markRead(user, body.ids);
  }

  @Get('notification-preferences')
  @Authenticated()
  @Responds(200, NotificationPreferences)
  preferences(@CurrentUser() user: AuthUser) {
    return this.inbox.preferences(user);
  }

  @Put('notification-preferences')
  @Authenticated()
  @Responds(200, NotificationPreferences)
  savePreferences(@CurrentUser() user: AuthUser, @Body() body: PreferencesDto) {
    return this.inbox.savePreferences(user, body);
  }
}
