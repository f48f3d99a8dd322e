import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../domain.js';
import { Doc, IsId, IsOneOf, NestedList } from './validation.js';

export class MarkInput {
  @IsId('marks.learnerId') learnerId: string;
  @IsOneOf(ATTENDANCE_STATUSES, 'marks.status') status: AttendanceStatus;
  @IsOptional() @IsString() @MaxLength(500, { message: 'marks.note must be at most 500 characters' }) note?: string;
}

export class MarkAttendanceDto {
  @IsArray({ message: 'marks must be a list' })
  @ArrayMinSize(1, { message: 'marks must hold at least one mark' })
  @ArrayMaxSize(500, { message: 'marks may hold at most 500 marks' })
  @NestedList(() => MarkInput)
  marks: MarkInput[];

  @Doc({ description: 'Makes a retried batch apply once' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, { message: 'clientMutationId must be 8 to 100 letters, digits or ._:-' })
  clientMutationId?: string;

  @IsOneOf(['roster', 'offline-sync'], 'source', true) source?: 'roster' | 'offline-sync';
}

export class CheckInDto {
  @Doc({ example: '482913' })
  @IsString({ message: 'code must be the 6 digits shown by the instructor' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by the instructor' })
  code: string;
}
