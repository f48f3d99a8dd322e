import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PHONE_PATTERN } from '@hearth/contracts';
import { IsId, IsName, PageQuery } from '../../common/validation.js';

export class CreateEmployerDto {
  @IsName('name', 200) name: string;
  @ApiProperty() @IsString() @Length(1, 100, { message: 'industry must be 1 to 100 characters' }) industry: string;
  @IsName('contactName', 100) contactName: string;
  @ApiProperty() @IsString() @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mainland mobile number: 11 digits starting with 13-19' }) contactPhone: string;
  @IsId('orgId') orgId: string;
}

export class CreateJobDto {
  @IsId('employerId') employerId: string;
  @ApiProperty() @IsString() @Length(1, 200, { message: 'title must be 1 to 200 characters' }) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ type: [String] }) @IsArray({ message: 'requiredCourseIds must be a list of course ids' }) @ArrayMaxSize(10) @IsUUID('all', { each: true, message: 'requiredCourseIds must be course ids' }) requiredCourseIds: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(100, { each: true }) acceptedQualifications?: string[];
  @ApiProperty() @IsString() @Length(1, 200, { message: 'location must be 1 to 200 characters' }) location: string;
  @ApiProperty() @IsInt({ message: 'positions must be a whole number of at least 1' }) @Min(1, { message: 'positions must be at least 1' }) @Max(10000) positions: number;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'wageMin must be a whole number of yuan per month' }) @Min(0) @Max(1_000_000) wageMin?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt({ message: 'wageMax must be a whole number of yuan per month' }) @Min(0) @Max(1_000_000) wageMax?: number;
}

export class UpdateJobDto {
  @ApiProperty({ enum: ['open', 'closed'] }) @IsIn(['open', 'closed'], { message: 'status must be open or closed' }) status: 'open' | 'closed';
}

export class ListJobsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
  @IsOneOfLang() lang?: 'zh-CN' | 'en';
}

function IsOneOfLang() {
  return (target: object, key: string) => {
    IsOptional()(target, key);
    IsIn(['zh-CN', 'en'], { message: 'lang must be zh-CN or en' })(target, key);
  };
}
