import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { LOCALES, QUALIFICATION_STATUSES, type Locale } from '../domain.js';
import { Doc, IsCalendarDate, IsId, IsOneOf, PageQuery } from './validation.js';

export class RecordExternalCredentialDto {
  @IsString() @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'certificateNumber must be 4 to 40 letters, digits or dashes' }) certificateNumber: string;
  @IsString() @Length(1, 100, { message: 'occupation must be 1 to 100 characters' }) occupation: string;
  @IsOptional() @IsString() @MaxLength(50) level?: string;
  @IsString() @Length(1, 200, { message: 'issuingBody must be 1 to 200 characters' }) issuingBody: string;
  @IsCalendarDate('issuedOn', '2024-06-30') issuedOn: string;
  @IsCalendarDate('expiresOn', '2029-06-30', true) expiresOn?: string;
}

export class ReviewQuery extends PageQuery {
  @IsOneOf(QUALIFICATION_STATUSES, 'status', true) status?: (typeof QUALIFICATION_STATUSES)[number];
  @IsOneOf(LOCALES, 'lang', true) lang?: Locale;
}

export class VerifyDto {
  @IsId('courseId', true) courseId?: string;
}

export class RejectDto {
  @Doc({ description: 'Shown to the learner' })
  @IsString({ message: 'reason is required' })
  @Matches(/\S/, { message: 'reason is required' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason: string;
}
