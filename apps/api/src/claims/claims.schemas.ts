import { Type } from 'typebox';
import { DateTime, Uuid } from '../common/openapi.js';

export const ClaimCode = Type.Object({
  userId: Uuid(),
  code: Type.String({ pattern: '^[0-9]{8}$', description: 'Shown once; give it to the learner in person' }),
  expiresAt: DateTime(),
});
