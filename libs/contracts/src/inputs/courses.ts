import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { COURSE_CATEGORIES, LOCALES, type CourseCategory, type Locale } from '../domain.js';
import { Doc, IsOneOf, NestedList, PageQuery, PartialInput } from './validation.js';

export class LessonInput {
  @IsString() @Length(1, 200, { message: 'lessons.title must be 1 to 200 characters' }) title: string;
  @IsOptional() @IsString() @Length(1, 200) titleEn?: string;
  @Doc({ description: 'Markdown; raw HTML is not rendered' }) @IsString() @MaxLength(20000) body: string;
  @IsOptional() @IsString() @MaxLength(20000) bodyEn?: string;
  @IsNumber({}, { message: 'lessons.hours must be a number' }) @Min(0) @Max(200) hours: number;
}

export class CreateCourseDto {
  @Doc({ example: 'VOC-HOUSE-2' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { message: 'code must be 2 to 40 capital letters, digits or dashes, e.g. VOC-HOUSE-2' })
  code: string;
  @IsString() @Length(1, 200, { message: 'title must be 1 to 200 characters' }) title: string;
  @IsOptional() @IsString() @Length(1, 200, { message: 'titleEn must be 1 to 200 characters' }) titleEn?: string;
  @IsOneOf(COURSE_CATEGORIES, 'category') category: CourseCategory;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @IsOptional() @IsString() @MaxLength(5000) descriptionEn?: string;
  @IsNumber({}, { message: 'requiredHours must be a number' }) @Min(0, { message: 'requiredHours must be 0 or more' }) @Max(2000) requiredHours: number;
  @IsInt({ message: 'minAttendancePct must be a whole number from 0 to 100' })
  @Min(0, { message: 'minAttendancePct must be a whole number from 0 to 100' })
  @Max(100, { message: 'minAttendancePct must be a whole number from 0 to 100' })
  minAttendancePct: number;
  @IsInt({ message: 'passMark must be a whole number from 0 to 100' })
  @Min(0, { message: 'passMark must be a whole number from 0 to 100' })
  @Max(100, { message: 'passMark must be a whole number from 0 to 100' })
  passMark: number;
  @Doc({ nullable: true, description: 'Months a certificate stays valid; null: it never expires' })
  @IsOptional()
  @IsInt({ message: 'validityMonths must be a whole number of months' })
  @Min(1)
  @Max(600)
  validityMonths?: number | null;
  @IsBoolean({ message: 'requiredForVolunteers must be true or false' }) requiredForVolunteers: boolean;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'prerequisiteCourseIds must be course ids' })
  prerequisiteCourseIds?: string[];
  @Doc({ description: 'On update, replaces all lessons (an empty list removes them)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NestedList(() => LessonInput)
  lessons?: LessonInput[];
  @Doc({ description: 'False keeps the course a draft, seen by admins only; default true' })
  @IsOptional()
  @IsBoolean({ message: 'published must be true or false' })
  published?: boolean;
  @Doc({ description: "The org the course belongs to: default the creating admin's org; must be inside her subtree (404 otherwise)" })
  @IsOptional()
  @IsUUID('all', { message: 'ownerOrgId must be an org id' })
  ownerOrgId?: string;
}

export class UpdateCourseDto extends PartialInput(CreateCourseDto) {}

/** Paged like every list; without `limit` the server answers up to 100 courses (the largest page). */
export class ListCoursesQuery extends PageQuery {
  @IsOneOf(COURSE_CATEGORIES, 'category', true) category?: CourseCategory;
  /** Admins only: list unpublished (draft) courses too. */
  @Doc({ description: 'Admins only: list unpublished (draft) courses too' }) @IsOneOf(['drafts'], 'include', true) include?: 'drafts';
  @IsOneOf(LOCALES, 'lang', true) lang?: Locale;
}
