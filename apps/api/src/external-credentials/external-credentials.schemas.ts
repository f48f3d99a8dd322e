import { Type, type Static } from 'typebox';
import type { ExternalCredentialDto, Page } from '@hearth/contracts';
import { DateOnly, DateTime, Nullable, Page as PageOf, sameShape, Uuid } from '../common/openapi.js';

/** A government vocational qualification she holds, as recorded here. */
export const ExternalCredential = Type.Object({
  id: Uuid(),
  learnerId: Uuid(),
  certificateNumber: Type.String(),
  occupation: Type.String(),
  level: Type.String({ description: 'Empty when not given' }),
  issuingBody: Type.String(),
  issuedOn: DateOnly(),
  checkedAt: Nullable(DateTime({ description: 'When a coordinator looked it up in the national register' })),
  checkedBy: Nullable(Uuid()),
  createdAt: DateTime(),
  lookupUrl: Type.String({ description: 'The national register where anyone can check the number' }),
});
sameShape<Static<typeof ExternalCredential>, ExternalCredentialDto>(true);

export const ExternalCredentialPage = PageOf(ExternalCredential);
sameShape<Static<typeof ExternalCredentialPage>, Page<ExternalCredentialDto>>(true);
