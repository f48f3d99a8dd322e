import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@hearth/contracts';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { NotificationList, NotificationPreferences, UnreadCount } from './inbox.schemas.js';
import { InboxService } from './inbox.service.js';

const toBoolean = Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value));
const toNumber = Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)));

class InboxQuery {
  @ApiPropertyOptional({ description: 'true: only unread ones' }) @IsOptional() @toBoolean @IsBoolean({ message: 'unread must be true or false' }) unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @toNumber
  @IsInt({ message: 'limit must be a whole number from 1 to 100' }) @Min(1, { message: 'limit must be a whole number from 1 to 100' }) @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @toNumber
  @IsInt({ message: 'offset must be a whole number of 0 or more' }) @Min(0, { message: 'offset must be a whole number of 0 or more' }) @Max(10_000_000, { message: 'offset is too large' })
  offset?: number;
}

class MarkReadDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Without ids: all of hers' })
  @IsOptional()
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMaxSize(500, { message: 'ids may name at most 500 notifications' })
  @IsUUID('all', { each: true, message: 'each of ids must be an id (UUID)' })
  ids?: string[];
}

const KIND_MESSAGE = `smsKinds must only name notification kinds: ${NOTIFICATION_KINDS.join(', ')}`;

class PreferencesDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true, description: 'Kinds that also go by SMS' })
  @IsArray({ message: KIND_MESSAGE })
  @ArrayMaxSize(NOTIFICATION_KINDS.length * 2, { message: KIND_MESSAGE })
  @IsIn(NOTIFICATION_KINDS as unknown as string[], { each: true, message: KIND_MESSAGE })
  smsKinds: NotificationKind[];

  @ApiPropertyOptional({ description: 'true: no SMS at all; false: SMS on again' }) @IsOptional() @IsBoolean({ message: 'smsOff must be true or false' }) smsOff?: boolean;
}

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
