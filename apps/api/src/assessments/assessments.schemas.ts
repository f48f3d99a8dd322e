import { Type, type Static } from 'typebox';
import type { AssessmentDto, AttemptResultDto } from '@hearth/contracts';
import { Count, Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';

const Score = (options: Record<string, unknown> = {}) => Type.Integer({ minimum: 0, maximum: 100, ...options });

/** A quiz as the learner sees it: questions and options shuffled, never the answers. */
export const Assessment = Type.Object({
  id: Uuid(),
  kind: OneOf(['quiz', 'practical'] as const),
  title: Type.String(),
  passMark: Score(),
  maxAttempts: Nullable(Type.Integer({ minimum: 1, description: 'null for no limit' })),
  attemptsUsed: Count({ description: 'Her attempts; 0 for staff' }),
  bestScore: Nullable(Score()),
  passed: Type.Boolean(),
  questions: Type.Array(
    Type.Object({
      id: Uuid(),
      kind: OneOf(['single', 'multiple', 'true_false'] as const),
      prompt: Type.String(),
      options: Type.Array(Type.Object({ index: Type.Integer({ minimum: 0, description: 'What an answer names' }), text: Type.String() })),
    }),
    { description: 'Empty for a practical assessment' },
  ),
});
sameShape<Static<typeof Assessment>, AssessmentDto>(true);

/** The graded attempt; the correct answers come back only here. */
export const AttemptResult = Type.Object({
  score: Score(),
  passed: Type.Boolean(),
  passMark: Score(),
  attemptNo: Type.Integer({ minimum: 1 }),
  attemptsLeft: Nullable(Count({ description: 'null for no limit' })),
  results: Type.Array(
    Type.Object({
      questionId: Uuid(),
      correct: Type.Boolean(),
      correctOptions: Type.Array(Type.Integer({ minimum: 0 })),
      explanation: Type.String(),
    }),
  ),
  certificateIssued: Type.Boolean({ description: 'This attempt met the last requirement and the certificate was issued' }),
});
sameShape<Static<typeof AttemptResult>, AttemptResultDto>(true);

/** A practical grade as recorded (a new grade replaces the previous one). */
export const PracticalResult = Type.Object({
  assessmentId: Uuid(),
  enrollmentId: Uuid(),
  learnerId: Uuid(),
  score: Score(),
  passed: Type.Boolean(),
  note: Nullable(Type.String()),
  certificateIssued: Type.Boolean({ description: 'This grade met the last requirement and the certificate was issued' }),
});
