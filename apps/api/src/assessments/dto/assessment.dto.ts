import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/validation.js';

export class AttemptDto {
  @ApiProperty({ description: 'questionId → the chosen option indexes', example: { '3f0c…': [1] } })
  @IsObject({ message: 'answers must map each question id to the chosen option numbers' })
  answers: Record<string, number[]>;
}

export class PracticalResultDto {
  @IsId('learnerId') learnerId: string;
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt({ message: 'score must be a whole number from 0 to 100' })
  @Min(0, { message: 'score must be a whole number from 0 to 100' })
  @Max(100, { message: 'score must be a whole number from 0 to 100' })
  score: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000, { message: 'note must be at most 1000 characters' }) note?: string;
}
