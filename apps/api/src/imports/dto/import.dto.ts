import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsId } from '../../common/validation.js';

export class ImportLearnersDto {
  @ApiProperty({ description: 'CSV text with a header row: name,phone,learnerType (or 姓名,手机号,类型)' })
  @IsString({ message: 'csv must be the text of a CSV file' })
  @MinLength(1, { message: 'csv is empty' })
  @MaxLength(2_000_000, { message: 'csv is too large: split it into files of at most 20,000 rows' })
  csv: string;
  @IsId('orgId', true) orgId?: string;
  @IsId('classId', true) classId?: string;
  /** Chosen by the client, so it can poll progress while the import runs. */
  @IsId('importId', true) importId?: string;
}

