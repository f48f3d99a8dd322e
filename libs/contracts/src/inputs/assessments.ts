import { IsISO8601, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Doc, IsId } from './validation.js';

export class AttemptDto {
  @Doc({ description: 'questionId → the chosen option indexes', example: { '3f0c…': [1] }, values: { type: 'array', items: { type: 'integer', minimum: 0 } } })
  @IsObject({ message: 'answers must map each question id to the chosen option numbers' })
  answers: Record<string, number[]>;

  @Doc({
    description:
      'Given by the phone when she opened the quiz: the same id sent again is graded and counted once (200 with the first result); another payload under it is 422 IDEMPOTENCY_MISMATCH',
  })
  @IsOptional()
  @IsUUID('all', { message: 'clientAttemptId must be a UUID' })
  clientAttemptId?: string;

  @Doc({ example: '2026-12-01T09:00:00+08:00', description: "The phone's clock when she opened the quiz; kept for the record when plausible" })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startedAt must be a date and time, e.g. 2026-12-01T09:00:00+08:00' })
  startedAt?: string;

  @Doc({
    example: '2026-12-01T09:12:00+08:00',
    description: "The phone's clock when she handed it in (perhaps without signal); kept for the record when plausible",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'submittedAt must be a date and time, e.g. 2026-12-01T09:12:00+08:00' })
  submittedAt?: string;
}

export class PracticalResultDto {
  @IsId('learnerId') learnerId: string;
  @IsInt({ message: 'score must be a whole number from 0 to 100' })
  @Min(0, { message: 'score must be a whole number from 0 to 100' })
  @Max(100, { message: 'score must be a whole number from 0 to 100' })
  score: number;
  @IsOptional() @IsString() @MaxLength(1000, { message: 'note must be at most 1000 characters' }) note?: string;
}
