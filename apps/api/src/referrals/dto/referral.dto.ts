import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REFERRAL_STATUSES, WAGE_BANDS, type Locale, type ReferralStatus } from '@hearth/contracts';
import { IsId, IsOneOf, PageQuery } from '../../common/validation.js';

export class CreateReferralDto {
  @IsId('learnerId') learnerId: string;
  @IsId('jobId') jobId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'note must be at most 1000 characters' }) note?: string;
}

export class MoveReferralDto {
  @IsOneOf(REFERRAL_STATUSES, 'status') status: ReferralStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'note must be at most 1000 characters' }) note?: string;
}

export class ListReferralsQuery extends PageQuery {
  @IsOneOf(REFERRAL_STATUSES, 'status', true) status?: ReferralStatus;
  @IsId('jobId', true) jobId?: string;
  @IsOneOf(['zh-CN', 'en'], 'lang', true) lang?: Locale;
}

export class RecordFollowUpDto {
  @ApiProperty() @IsBoolean({ message: 'stillEmployed must be true or false' }) stillEmployed: boolean;
  @ApiPropertyOptional({ enum: WAGE_BANDS }) @IsOptional() @IsIn(WAGE_BANDS as unknown as string[], { message: `wageBand must be one of: ${WAGE_BANDS.join(', ')}` }) wageBand?: (typeof WAGE_BANDS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
