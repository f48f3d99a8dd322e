/** House validation decorators, so DTOs read like the API contract. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateBy } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, PHONE_PATTERN } from '@hearth/contracts';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export function IsPhone() {
  return applyDecorators(
    ApiProperty({ example: '13800138000', description: 'Mainland mobile number' }),
    IsString({ message: 'phone must be a mainland mobile number: 11 digits starting with 13-19' }),
    trim,
    Matches(PHONE_PATTERN, { message: 'phone must be a mainland mobile number: 11 digits starting with 13-19' }),
  );
}

export function IsPassword() {
  return applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
    IsString({ message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` }),
    Length(PASSWORD_MIN, PASSWORD_MAX, { message: `password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` }),
  );
}

export function IsName(field = 'name', max = 100) {
  return applyDecorators(
    ApiProperty({ maxLength: max }),
    IsString({ message: `${field} must be text` }),
    trim,
    Length(1, max, { message: `${field} must be 1 to ${max} characters` }),
    Matches(/^[^\u0000-\u001f\u007f]*$/, { message: `${field} must not contain control characters` }),
  );
}

export function IsOneOf(values: readonly string[], field: string, optional = false) {
  return applyDecorators(
    optional ? ApiPropertyOptional({ enum: values }) : ApiProperty({ enum: values }),
    ...(optional ? [IsOptional()] : []),
    IsIn(values as string[], { message: `${field} must be one of: ${values.join(', ')}` }),
  );
}

export function IsId(field: string, optional = false) {
  return applyDecorators(
    optional ? ApiPropertyOptional({ format: 'uuid' }) : ApiProperty({ format: 'uuid' }),
    ...(optional ? [IsOptional()] : []),
    IsUUID('all', { message: `${field} must be an id (UUID)` }),
  );
}

/** A real calendar day written YYYY-MM-DD (no week or ordinal dates, no times, no year 0000). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsCalendarDate(field: string, example: string, optional = false) {
  const doc = { format: 'date', example, description: 'A calendar date, YYYY-MM-DD' };
  const message = `${field} must be a date written YYYY-MM-DD, e.g. ${example}`;
  return applyDecorators(
    optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(optional ? [IsOptional()] : []),
    ValidateBy({ name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } }, { message }),
  );
}

/** This date is not after the one in `other` (checked only when both are calendar dates: a bad one has its own message). */
export function IsNotAfter(field: string, other: string) {
  return ValidateBy(
    {
      name: 'isNotAfter',
      constraints: [other],
      validator: {
        validate: (value: unknown, args) => {
          const bound = (args?.object as Record<string, unknown> | undefined)?.[other];
          return !isCalendarDate(value) || !isCalendarDate(bound) || value <= bound;
        },
      },
    },
    { message: `${field} must not be after ${other}` },
  );
}

/** limit/offset for every list; limit is capped at 100 (contract). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'offset must be a whole number of 0 or more' })
  @Min(0, { message: 'offset must be a whole number of 0 or more' })
  @Max(10_000_000, { message: 'offset is too large' })
  offset?: number;
}

export const pageOf = (query: PageQuery) => ({ limit: query.limit ?? 20, offset: query.offset ?? 0 });
