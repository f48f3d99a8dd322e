import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_CLAIM_BATCH } from '../limits.js';
import { Doc, IsId } from './validation.js';

export class ImportLearnersDto {
  @Doc({ description: 'CSV text with a header row: name,phone,learnerType (or 姓名,手机号,类型)' })
  @IsString({ message: 'csv must be the text of a CSV file' })
  @MinLength(1, { message: 'csv is empty' })
  @MaxLength(2_000_000, { message: 'csv is too large: split it into files of at most 20,000 rows' })
  csv: string;
  @IsId('orgId', true) orgId?: string;
  @IsId('classId', true) classId?: string;
  @Doc({ description: 'Chosen by the client, so it can poll progress while the import runs' })
  @IsId('importId', true)
  importId?: string;
}

export class ClaimCodeBatchDto {
  @Doc({ description: 'Unclaimed learners of your subtree (all or nothing)' })
  @IsOptional()
  @IsArray({ message: 'userIds must be a list of ids' })
  @ArrayMinSize(1, { message: 'userIds must hold at least one id' })
  @ArrayMaxSize(MAX_CLAIM_BATCH, { message: `userIds may hold at most ${MAX_CLAIM_BATCH} ids` })
  @IsUUID('all', { each: true, message: 'userIds must be ids (UUID)' })
  userIds?: string[];
  @Doc({ description: 'Every learner of this import who has not set her own password yet' })
  @IsId('importId', true)
  importId?: string;
}
