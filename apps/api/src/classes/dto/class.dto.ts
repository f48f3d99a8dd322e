import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CLASS_STATUSES, type ClassStatus } from '@hearth/contracts';
import { IsCalendarDate, IsId, IsOneOf, PageQuery } from '../../common/validation.js';

export class SessionInput {
  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' }) @IsISO8601({ strict: true }, { message: 'sessions.startsAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' }) startsAt: string;
  @ApiProperty({ example: '2026-12-01T11:00:00+08:00' }) @IsISO8601({ strict: true }, { message: 'sessions.endsAt must be a date and time, e.g. 2026-12-01T11:00:00+08:00' }) endsAt: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
}

export class CreateClassDto {
  @IsId('courseId') courseId: string;
  @IsId('orgId') orgId: string;
  @IsId('instructorId') instructorId: string;
  @IsCalendarDate('startsOn', '2026-12-01') startsOn: string;
  @IsCalendarDate('endsOn', '2026-12-20') endsOn: string;
  @ApiProperty({ minimum: 1 }) @IsInt({ message: 'capacity must be a whole number of at least 1' }) @Min(1, { message: 'capacity must be at least 1' }) @Max(10000, { message: 'capacity must be at most 10000' }) capacity: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiProperty({ type: [SessionInput] }) @IsArray({ message: 'sessions must be a list' }) @ArrayMaxSize(200, { message: 'sessions may list at most 200 sessions' }) @ValidateNested({ each: true }) @Type(() => SessionInput) sessions: SessionInput[];
}

export class UpdateClassDto {
  @IsOneOf(CLASS_STATUSES, 'status', true) status?: ClassStatus;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'capacity must be a whole number of at least 1' }) @Min(1, { message: 'capacity must be at least 1' }) @Max(10000) capacity?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) location?: string;
  @IsId('instructorId', true) instructorId?: string;
}

export class ListClassesQuery extends PageQuery {
  @IsId('courseId', true) courseId?: string;
  @IsId('orgId', true) orgId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'open must be true or false' }) open?: boolean;
  @IsOneOf(['zh-CN', 'en'], 'lang', true) lang?: 'zh-CN' | 'en';
}

export class EnrolDto {
  @IsId('learnerId', true) learnerId?: string;
  @ApiPropertyOptional({ description: 'Staff may name the learner by phone instead of id' })
  @IsOptional()
  @IsString()
  @MaxLength(11)
  phone?: string;
}
