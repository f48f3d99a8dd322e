import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { LOCALES, PHONE_PATTERN, type Locale } from '../domain.js';
import { IsId, IsName, PageQuery, toBoolean } from './validation.js';

export class CreateEmployerDto {
  @IsName('name', 200) name: string;
  @IsString() @Length(1, 100, { message: 'industry must be 1 to 100 characters' }) industry: string;
  @IsName('contactName', 100) contactName: string;
  @IsString() @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mainland mobile number: 11 digits starting with 13-19' }) contactPhone: string;
  @IsId('orgId') orgId: string;
}

export const WAGE_MAX = 1_000_000;

export class CreateJobDto {
  @IsId('employerId') employerId: string;
  @IsString() @Length(1, 200, { message: 'title must be 1 to 200 characters' }) title: string;
  @IsOptional() @IsString() @MaxLength(5000, { message: 'description must be at most 5000 characters' }) description?: string;
  @IsArray({ message: 'requiredCourseIds must be a list of course ids' }) @ArrayMaxSize(10, { message: 'requiredCourseIds may name at most 10 courses' }) @IsUUID('all', { each: true, message: 'requiredCourseIds must be course ids' }) requiredCourseIds: string[];
  @IsOptional() @IsArray({ message: 'acceptedQualifications must be a list' }) @ArrayMaxSize(10, { message: 'acceptedQualifications may name at most 10 occupations' }) @IsString({ each: true, message: 'acceptedQualifications must be text' }) @MaxLength(100, { each: true, message: 'acceptedQualifications must each be at most 100 characters' }) acceptedQualifications?: string[];
  @IsString() @Length(1, 200, { message: 'location must be 1 to 200 characters' }) location: string;
  @IsInt({ message: 'positions must be a whole number of at least 1' }) @Min(1, { message: 'positions must be at least 1' }) @Max(10000, { message: 'positions must be at most 10000' }) positions: number;
  @IsOptional() @IsInt({ message: 'wageMin must be a whole number of yuan per month' }) @Min(0, { message: 'wageMin must be 0 or more' }) @Max(WAGE_MAX, { message: `wageMin must be at most ${WAGE_MAX}` }) wageMin?: number;
  @IsOptional() @IsInt({ message: 'wageMax must be a whole number of yuan per month' }) @Min(0, { message: 'wageMax must be 0 or more' }) @Max(WAGE_MAX, { message: `wageMax must be at most ${WAGE_MAX}` }) wageMax?: number;
}

export class UpdateJobDto {
  @IsIn(['open', 'closed'], { message: 'status must be open or closed' }) status: 'open' | 'closed';
}

export class ListJobsQuery extends PageQuery {
  @IsOptional() @toBoolean @IsBoolean({ message: 'open must be true or false' }) open?: boolean;
  @IsOptional() @IsIn(LOCALES as unknown as string[], { message: 'lang must be zh-CN or en' }) lang?: Locale;
}
