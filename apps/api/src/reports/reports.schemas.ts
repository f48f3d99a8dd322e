import { Type, type Static } from 'typebox';
import { COURSE_CATEGORIES, ORG_KINDS, type ReportSummaryDto } from '@hearth/contracts';
import { Count, DateOnly, DateTime, Nullable, OneOf, sameShape, Uuid } from '../common/openapi.js';

const Rate = (description: string) => Nullable(Type.Number({ minimum: 0, maximum: 1, description: `${description}; null when there is nothing to divide by` }));

const totals = {
  learners: Count({ description: 'Learner accounts whose org is in the subtree' }),
  volunteerMothers: Count(),
  readyVolunteerMothers: Count(),
  enrollments: Count({ description: 'In classes of the subtree, any status but withdrawn' }),
  attendanceRate: Rate('Attended (present or late) over the sessions held so far, per enrolled learner: the rate each learner sees for herself'),
  certificatesIssued: Count(),
  referrals: Count(),
  hires: Count(),
  placementRate: Rate('Hires over referrals'),
};

export const ReportSummary = Type.Object({
  org: Type.Object({ id: Uuid(), name: Type.String(), kind: OneOf(ORG_KINDS), parentId: Nullable(Uuid({ description: "null for the caller's own org" })) }),
  from: Nullable(DateOnly({ description: 'The `from` asked for, as given; the counts round it to its month' })),
  to: Nullable(DateOnly({ description: 'The `to` asked for, as given; the counts round it to its month' })),
  ...totals,
  funnel: Type.Object(
    { referred: Count(), contacted: Count(), interviewing: Count(), hired: Count(), notHired: Count(), withdrawn: Count() },
    { description: 'Referrals of the subtree by current status' },
  ),
  trend: Type.Array(
    Type.Object({
      month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
      enrollments: Count(),
      certificates: Count(),
      referrals: Count(),
      hires: Count(),
      attendanceRate: Rate('Attended (present or late) over the sessions held so far, per enrolled learner: the rate each learner sees for herself'),
    }),
  ),
  byCourse: Type.Array(
    Type.Object({
      courseId: Uuid(),
      code: Type.String(),
      title: Type.String(),
      category: OneOf(COURSE_CATEGORIES),
      enrollments: Count(),
      certificatesIssued: Count(),
      attendanceRate: Rate('Attended (present or late) over the sessions held so far, per enrolled learner: the rate each learner sees for herself'),
    }),
  ),
  breakdown: Type.Array(Type.Object({ orgId: Uuid(), name: Type.String(), kind: OneOf(ORG_KINDS), ...totals }), { description: 'One row per child org' }),
  refreshedAt: DateTime({ description: 'When the aggregates were last brought up to date' }),
  pendingUpdates: Count({ description: 'Orgs with changes not yet in the aggregates' }),
});
sameShape<Static<typeof ReportSummary>, ReportSummaryDto>(true);
