import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CLASS_STATUSES, LOCALES, PHONE_PATTERN, type ClassStatus, type Locale } from '../domain.js';
import { CAPACITY_MAX, LOCATION_MAX } from '../limits.js';
import { Doc, IsCalendarDate, IsId, IsOneOf, NestedList, PageQuery, toBoolean } from './validation.js';

export class SessionInput {
  @Doc({ example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'sessions.startsAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' })
  startsAt: string;
  @Doc({ example: '2026-12-01T11:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'sessions.endsAt must be a date and time, e.g. 2026-12-01T11:00:00+08:00' })
  endsAt: string;
  @IsOptional() @IsString() @MaxLength(LOCATION_MAX) location?: string;
}

export class CreateClassDto {
  @IsId('courseId') courseId: string;
  @IsId('orgId') orgId: string;
  @IsId('instructorId') instructorId: string;
  @IsCalendarDate('startsOn', '2026-12-01') startsOn: string;
  @IsCalendarDate('endsOn', '2026-12-20') endsOn: string;
  @IsInt({ message: 'capacity must be a whole number of at least 1' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(CAPACITY_MAX, { message: `capacity must be at most ${CAPACITY_MAX}` })
  capacity: number;
  @IsOptional() @IsString() @MaxLength(LOCATION_MAX, { message: `location must be at most ${LOCATION_MAX} characters` }) location?: string;
  @IsArray({ message: 'sessions must be a list' })
  @ArrayMaxSize(200, { message: 'sessions may list at most 200 sessions' })
  @NestedList(() => SessionInput)
  sessions: SessionInput[];
}

export class UpdateClassDto {
  @IsOneOf(CLASS_STATUSES, 'status', true) status?: ClassStatus;
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number of at least 1' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(CAPACITY_MAX)
  capacity?: number;
  @IsOptional() @IsString() @MaxLength(LOCATION_MAX) location?: string;
  @IsId('instructorId', true) instructorId?: string;
}

export class ListClassesQuery extends PageQuery {
  @IsId('courseId', true) courseId?: string;
  @IsId('orgId', true) orgId?: string;
  @IsOptional() @toBoolean @IsBoolean({ message: 'open must be true or false' }) open?: boolean;
  @IsOneOf(LOCALES, 'lang', true) lang?: Locale;
}

export class EnrolDto {
  @IsId('learnerId', true) learnerId?: string;
  @Doc({ description: 'Staff may name the learner by phone instead of id' })
  @IsOptional()
  @IsString({ message: 'phone must be a mainland mobile number: 11 digits starting with 13-19' })
  @Matches(PHONE_PATTERN, { message: 'phone must be a mainland mobile number: 11 digits starting with 13-19' })
  phone?: string;
}

export class AddSessionDto {
  @Doc({ example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' })
  startsAt: string;
  @Doc({ example: '2026-12-01T11:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time, e.g. 2026-12-01T11:00:00+08:00' })
  endsAt: string;
  @Doc({ description: "Defaults to the class's place" })
  @IsOptional()
  @IsString()
  @MaxLength(LOCATION_MAX, { message: `location must be at most ${LOCATION_MAX} characters` })
  location?: string;
}

/** Moves a session: any of its start, end and place. */
export class UpdateSessionDto {
  @Doc({ example: '2026-12-01T09:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' })
  startsAt?: string;
  @Doc({ example: '2026-12-01T11:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time, e.g. 2026-12-01T11:00:00+08:00' })
  endsAt?: string;
  @IsOptional() @IsString() @MaxLength(LOCATION_MAX, { message: `location must be at most ${LOCATION_MAX} characters` }) location?: string;
}
