import { Type, type Static } from 'typebox';
import type { ClaimCodeSheetDto } from '@hearth/contracts';
import { Count, DateTime, sameShape, Uuid } from '../common/openapi.js';

export const ClaimCode = Type.Object({
  userId: Uuid(),
  code: Type.String({ pattern: '^[0-9]{8}$', description: 'Shown once; give it to the learner in person' }),
  expiresAt: DateTime(),
});

/** Codes generated in one go for the printed sheet; never shown again (generating again replaces them). */
export const ClaimCodeSheet = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Uuid(),
      name: Type.String(),
      phoneMasked: Type.String({ description: 'e.g. 138****5678' }),
      code: Type.String({ pattern: '^[0-9]{8}$' }),
      expiresAt: DateTime(),
    }),
  ),
  total: Count(),
  skippedClaimed: Count({ description: 'Learners of the import left out because they already set their own password' }),
});
sameShape<Static<typeof ClaimCodeSheet>, ClaimCodeSheetDto>(true);
