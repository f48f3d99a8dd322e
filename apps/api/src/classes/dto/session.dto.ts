import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class AddSessionDto {
  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' }) @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' }) startsAt: string;
  @ApiProperty({ example: '2026-12-01T11:00:00+08:00' }) @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time, e.g. 2026-12-01T11:00:00+08:00' }) endsAt: string;
  @ApiPropertyOptional({ description: "Defaults to the class's place" }) @IsOptional() @IsString() @MaxLength(200, { message: 'location must be at most 200 characters' }) location?: string;
}

/** Moves a session: any of its start, end and place. */
export class UpdateSessionDto {
  @ApiPropertyOptional({ example: '2026-12-01T09:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' }) startsAt?: string;
  @ApiPropertyOptional({ example: '2026-12-01T11:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time, e.g. 2026-12-01T11:00:00+08:00' }) endsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200, { message: 'location must be at most 200 characters' }) location?: string;
}
