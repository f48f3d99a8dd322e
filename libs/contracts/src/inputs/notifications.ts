import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notifications.js';
import { Doc, toNumber } from './validation.js';

const toFlag = Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value));

export class InboxQuery {
  @Doc({ description: 'true: only unread ones' }) @IsOptional() @toFlag @IsBoolean({ message: 'unread must be true or false' }) unread?: boolean;

  @Doc({ default: 20 })
  @IsOptional()
  @toNumber
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @Doc({ default: 0 })
  @IsOptional()
  @toNumber
  @IsInt({ message: 'offset must be a whole number of 0 or more' })
  @Min(0, { message: 'offset must be a whole number of 0 or more' })
  @Max(10_000_000, { message: 'offset is too large' })
  offset?: number;
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
