import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { REVOCATION_REASONS, type RevocationReason } from '../dto.js';
import { Doc, IsOneOf } from './validation.js';

export class RevokeDto {
  @IsOneOf(REVOCATION_REASONS, 'reason') reason: RevocationReason;
  @IsOptional() @IsString() @MaxLength(500, { message: 'note must be at most 500 characters' }) note?: string;
}

export class VerifyManyDto {
  @IsArray({ message: 'codes must be a list of certificate codes' })
  @ArrayMinSize(1, { message: 'codes must hold at least one code' })
  @ArrayMaxSize(100, { message: 'codes may hold at most 100 codes per request' })
  @IsString({ each: true, message: 'each code must be text' })
  @MaxLength(20, { each: true, message: 'each code must be at most 20 characters' })
  codes: string[];
}

/** An employer asks whether the holder gave her this phone number; the answer is yes or no. */
export class HolderCheckDto {
  @Doc({ description: 'A mainland mobile number, with or without +86' })
  @IsString({ message: 'phone must be text' })
  @MaxLength(20, { message: 'phone must be at most 20 characters' })
  phone: string;
}
