import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { LOCALES, PHONE_PATTERN, type Locale } from '../domain.js';
import { DESCRIPTION_MAX, JOB_COURSES_MAX, POSITIONS_MAX, QUALIFICATION_MAX, QUALIFICATIONS_MAX, TITLE_MAX, WAGE_MAX } from '../limits.js';
import { IsId, IsName, PageQuery, toBoolean } from './validation.js';

export class CreateEmployerDto {
  @IsName('name', 200) name: string;
  @IsString() @Length(1, 100, { message: 'industry must be 1 to 100 characters' }) industry: string;
  @IsName('contactName', 100) contactName: string;
  @IsString() @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mainland mobile number: 11 digits starting with 13-19' }) contactPhone: string;
  @IsId('orgId') orgId: string;
}

export class CreateJobDto {
  @IsId('employerId') employerId: string;
  @IsString() @Length(1, TITLE_MAX, { message: `title must be 1 to ${TITLE_MAX} characters` }) title: string;
  @IsOptional() @IsString() @MaxLength(DESCRIPTION_MAX, { message: `description must be at most ${DESCRIPTION_MAX} characters` }) description?: string;
  @IsArray({ message: 'requiredCourseIds must be a list of course ids' })
  @ArrayMaxSize(JOB_COURSES_MAX, { message: `requiredCourseIds may name at most ${JOB_COURSES_MAX} courses` })
  @IsUUID('all', { each: true, message: 'requiredCourseIds must be course ids' })
  requiredCourseIds: string[];
  @IsOptional()
  @IsArray({ message: 'acceptedQualifications must be a list' })
  @ArrayMaxSize(QUALIFICATIONS_MAX, { message: `acceptedQualifications may name at most ${QUALIFICATIONS_MAX} occupations` })
  @IsString({ each: true, message: 'acceptedQualifications must be text' })
  @MaxLength(QUALIFICATION_MAX, { each: true, message: `acceptedQualifications must each be at most ${QUALIFICATION_MAX} characters` })
  acceptedQualifications?: string[];
  @IsString() @Length(1, 200, { message: 'location must be 1 to 200 characters' }) location: string;
  @IsInt({ message: 'positions must be a whole number of at least 1' })
  @Min(1, { message: 'positions must be at least 1' })
  @Max(POSITIONS_MAX, { message: `positions must be at most ${POSITIONS_MAX}` })
  positions: number;
  @IsOptional()
  @IsInt({ message: 'wageMin must be a whole number of yuan per month' })
  @Min(0, { message: 'wageMin must be 0 or more' })
  @Max(WAGE_MAX, { message: `wageMin must be at most ${WAGE_MAX}` })
  wageMin?: number;
  @IsOptional()
  @IsInt({ message: 'wageMax must be a whole number of yuan per month' })
  @Min(0, { message: 'wageMax must be 0 or more' })
  @Max(WAGE_MAX, { message: `wageMax must be at most ${WAGE_MAX}` })
  wageMax?: number;
}

export class UpdateJobDto {
  @IsIn(['open', 'closed'], { message: 'status must be open or closed' }) status: 'open' | 'closed';
}

export class ListJobsQuery extends PageQuery {
  @IsOptional() @toBoolean @IsBoolean({ message: 'open must be true or false' }) open?: boolean;
  @IsOptional() @IsIn(LOCALES as unknown as string[], { message: 'lang must be zh-CN or en' }) lang?: Locale;
}
