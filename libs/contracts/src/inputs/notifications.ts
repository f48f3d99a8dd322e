import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications.js';
import { Doc, PageQuery } from './validation.js';

const toFlag = Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value));

/** Inbox pages: the usual limit/offset, and only unread ones if asked ("1"/"0" accepted, as the bell's links send). */
export class InboxQuery extends PageQuery {
  @Doc({ description: 'true: only unread ones' }) @IsOptional() @toFlag @IsBoolean({ message: 'unread must be true or false' }) unread?: boolean;
}

export class MarkReadDto {
  @Doc({ description: 'Without ids: all of hers' })
  @IsOptional()
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMaxSize(500, { message: 'ids may name at most 500 notifications' })
  @IsUUID('all', { each: true, message: 'each of ids must be an id (UUID)' })
  ids?: string[];
}

const KIND_MESSAGE = `smsKinds must only name notification kinds: ${NOTIFICATION_KINDS.join(', ')}`;

export class PreferencesDto {
  @Doc({ description: 'Kinds that also go by SMS' })
  @IsArray({ message: KIND_MESSAGE })
  @ArrayMaxSize(NOTIFICATION_KINDS.length * 2, { message: KIND_MESSAGE })
  @IsIn(NOTIFICATION_KINDS as unknown as string[], { each: true, message: KIND_MESSAGE })
  smsKinds: NotificationKind[];

  @Doc({ description: 'true: no SMS at all; false: SMS on again' }) @IsOptional() @IsBoolean({ message: 'smsOff must be true or false' }) smsOff?: boolean;
}
