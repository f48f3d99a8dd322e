import { Type, type Static } from 'typebox';
import type { ExternalCredentialDto, Page, QualificationReviewDto } from '@hearth/contracts';
import { DateOnly, DateTime, Nullable, OneOf, Page as PageOf, sameShape, Uuid } from '../common/openapi.js';

const STATUSES = ['pending', 'verified', 'rejected'] as const;

/** A government vocational qualification she holds, as recorded here. */
export const ExternalCredential = Type.Object({
  id: Uuid(),
  learnerId: Uuid(),
  certificateNumber: Type.String(),
  occupation: Type.String(),
  level: Type.String({ description: 'Empty when not given' }),
  issuingBody: Type.String(),
  issuedOn: DateOnly(),
  expiresOn: Nullable(DateOnly({ description: 'Valid until (inclusive), when the qualification has an end date' })),
  status: OneOf(STATUSES, { description: 'pending until a coordinator verifies or rejects it' }),
  rejectionReason: Nullable(Type.String({ description: 'Why a coordinator rejected it; shown to her' })),
  courseId: Nullable(Uuid({ description: 'The course whose certificate a verified qualification counts as, for job requirements' })),
  checkedAt: Nullable(DateTime({ description: 'When a coordinator verified or rejected it' })),
  checkedBy: Nullable(Uuid()),
  createdAt: DateTime(),
  lookupUrl: Type.String({ description: 'The national register where anyone can check the number' }),
});
sameShape<Static<typeof ExternalCredential>, ExternalCredentialDto>(true);

export const ExternalCredentialPage = PageOf(ExternalCredential);
sameShape<Static<typeof ExternalCredentialPage>, Page<ExternalCredentialDto>>(true);

/** A qualification waiting for (or past) a coordinator's decision, as her review list shows it. */
export const QualificationReview = Type.Object({
  id: Uuid(),
  learnerId: Uuid(),
  learnerName: Type.String(),
  orgName: Type.String(),
  certificateNumberMasked: Type.String({ description: 'First and last three characters; the full number is on the learner’s own record' }),
  occupation: Type.String(),
  level: Type.String(),
  issuingBody: Type.String(),
  issuedOn: DateOnly(),
  expiresOn: Nullable(DateOnly()),
  status: OneOf(STATUSES),
  rejectionReason: Nullable(Type.String()),
  createdAt: DateTime(),
  course: Nullable(
    Type.Object({
      id: Uuid(),
      code: Type.String(),
      title: Type.String(),
      suggested: Type.Boolean({ description: 'True when not matched yet: the course last matched to the same occupation' }),
    }),
  ),
});
sameShape<Static<typeof QualificationReview>, QualificationReviewDto>(true);

export const QualificationReviewPage = PageOf(QualificationReview);
