import { Type, type TSchema } from 'typebox';
import { REFERRAL_STATUSES, WAGE_BANDS } from '@hearth/contracts';
import { DateOnly, DateTime, Nullable, OneOf, Page, Uuid } from '../common/openapi.js';

export const ReferralEvent = Type.Object({
  from: Nullable(OneOf(REFERRAL_STATUSES, { description: 'null for the referral itself' })),
  to: OneOf(REFERRAL_STATUSES),
  note: Nullable(Type.String({ description: 'Employers read only notes their own staff wrote' })),
  at: DateTime(),
  actorId: Nullable(Uuid({ description: 'Shown to coordinators and admins only' })),
});

/** Exactly the fields named on the consent page: name, phone, certificates, class hours. */
export const CandidateProfile = Type.Object({
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  certificates: Type.Array(Type.Object({ code: Type.String(), course: Type.String(), issuedAt: DateTime(), expiresAt: Nullable(DateTime()) }), {
    description: 'Her valid certificates, newest first',
  }),
  classHours: Type.Number({ minimum: 0 }),
});

const base = {
  id: Uuid(),
  jobId: Uuid(),
  jobTitle: Type.String(),
  employerId: Uuid(),
  employerName: Type.String(),
  status: OneOf(REFERRAL_STATUSES),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  hiredAt: Nullable(DateTime()),
};

/** What each role sees of a referral; with its history when it is one referral, without in lists. */
function referralViews<H extends Record<string, TSchema>>(history: H) {
  return Type.Union([
    Type.Object(
      {
        ...base,
        learnerId: Uuid(),
        learnerName: Nullable(Type.String({ description: 'null once she erased her data' })),
        note: Nullable(Type.String()),
        consentWithdrawn: Type.Boolean(),
        ...history,
      },
      { description: 'As coordinators and admins see it' },
    ),
    Type.Object(
      { ...base, consentWithdrawn: Type.Boolean(), candidate: Nullable(CandidateProfile), ...history },
      { description: 'As the employer sees it: the consented fields, or nothing personal once she withdrew (candidate null)' },
    ),
    Type.Object({ ...base, ...history }, { description: 'As the learner sees her own referral' }),
  ]);
}

export const Referral = referralViews({ history: Type.Array(ReferralEvent, { description: 'Oldest first' }) });
export const ReferralList = Page(referralViews({}));

/** A follow-up after a hire not recorded yet, due within the next week or overdue. */
export const FollowUpDue = Type.Object({
  id: Uuid(),
  referralId: Uuid(),
  dayMark: Type.Union([Type.Literal(30), Type.Literal(90), Type.Literal(180)], { description: 'Days after the hire' }),
  dueOn: DateOnly(),
  learnerName: Nullable(Type.String({ description: 'Employers see it only while she consents' })),
  jobTitle: Type.String(),
  employerName: Type.String(),
  overdue: Type.Boolean(),
});
export const FollowUpDueList = Page(FollowUpDue);

export const RecordedFollowUp = Type.Object({
  id: Uuid(),
  dayMark: Type.Union([Type.Literal(30), Type.Literal(90), Type.Literal(180)]),
  stillEmployed: Type.Boolean(),
  wageBand: Nullable(OneOf(WAGE_BANDS)),
  recordedAt: DateTime(),
});
