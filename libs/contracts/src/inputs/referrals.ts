import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LOCALES, REFERRAL_STATUSES, WAGE_BANDS, type Locale, type ReferralStatus, type WageBand } from '../domain.js';
import { NOTE_MAX } from '../limits.js';
import { Doc, IsId, IsOneOf, PageQuery } from './validation.js';

export class CreateReferralDto {
  @IsId('learnerId') learnerId: string;
  @IsId('jobId') jobId: string;
  @IsOptional() @IsString() @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters` }) note?: string;
}

export class MoveReferralDto {
  @IsOneOf(REFERRAL_STATUSES, 'status') status: ReferralStatus;
  @IsOptional() @IsString() @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters` }) note?: string;
}

export class ListReferralsQuery extends PageQuery {
  @IsOneOf(REFERRAL_STATUSES, 'status', true) status?: ReferralStatus;
  @IsId('jobId', true) jobId?: string;
  @IsOneOf(LOCALES, 'lang', true) lang?: Locale;
}

export class RecordFollowUpDto {
  @IsBoolean({ message: 'stillEmployed must be true or false' }) stillEmployed: boolean;
  @Doc({ description: 'Monthly wage band in yuan, when she is still employed' })
  @IsOptional()
  @IsIn(WAGE_BANDS as unknown as string[], { message: `wageBand must be one of: ${WAGE_BANDS.join(', ')}` })
  wageBand?: WageBand;
  @IsOptional() @IsString() @MaxLength(NOTE_MAX, { message: `note must be at most ${NOTE_MAX} characters` }) note?: string;
}

export class GrantConsentDto {
  @IsIn(['referrals'], { message: 'scope must be referrals' }) scope: 'referrals';
  @Doc({ description: 'The notice version the learner read' }) @IsOptional() @IsString() @MaxLength(50) noticeVersion?: string;
}
