import { Type, type Static } from 'typebox';
import {
  CLASS_STATUSES,
  COURSE_CATEGORIES,
  LEARNER_TYPES,
  type EnrollmentResultDto,
  type MyEnrollmentDto,
  type Page as PageOf,
  type RosterEntryDto,
} from '@hearth/contracts';
import { Count, DateOnly, DateTime, Nullable, OneOf, Page, sameShape, Uuid } from '../common/openapi.js';

/** Live enrollments: a withdrawn one is never listed. */
const LIVE_STATUSES = ['enrolled', 'waitlisted', 'completed', 'failed'] as const;
const WaitlistPosition = Type.Integer({ minimum: 1, description: '1 is next in line for a seat' });

export const EnrollmentResult = Type.Object({
  id: Uuid(),
  classId: Uuid(),
  learnerId: Uuid(),
  status: OneOf(['enrolled', 'waitlisted'] as const),
  waitlistPosition: Type.Optional(WaitlistPosition),
  warnings: Type.Optional(
    Type.Array(OneOf(['TOO_LATE_TO_COMPLETE'] as const), {
      description: 'Staff enrolled her although the sessions ahead cannot bring her to the course rules',
    }),
  ),
});
sameShape<Static<typeof EnrollmentResult>, EnrollmentResultDto>(true);

/** One row of a class roster: enrolled learners by name, then the waitlist in order. */
export const RosterEntry = Type.Object({
  id: Uuid({ description: 'The enrollment' }),
  learnerId: Uuid(),
  name: Type.String({ description: 'Empty once the learner has erased her data' }),
  phone: Type.String({ description: 'Masked (138****5678) for instructors; empty once the learner has erased her data' }),
  learnerType: OneOf(LEARNER_TYPES),
  status: OneOf(LIVE_STATUSES),
  waitlistPosition: Nullable(WaitlistPosition),
  createdAt: DateTime(),
});
sameShape<Static<typeof RosterEntry>, RosterEntryDto>(true);

export const RosterPage = Page(RosterEntry);
sameShape<Static<typeof RosterPage>, PageOf<RosterEntryDto>>(true);

/** One of the learner's own enrollments, with what she needs to find the class. */
export const MyEnrollment = Type.Object({
  id: Uuid(),
  status: OneOf(LIVE_STATUSES),
  waitlistPosition: Nullable(WaitlistPosition),
  createdAt: DateTime(),
  classId: Uuid(),
  classStatus: OneOf(CLASS_STATUSES),
  startsOn: DateOnly(),
  endsOn: DateOnly(),
  location: Type.String(),
  orgName: Type.String(),
  courseId: Uuid(),
  courseCode: Type.String(),
  courseTitle: Type.String({ description: 'In the asked language' }),
  category: OneOf(COURSE_CATEGORIES),
  sessionCount: Count(),
  /** The first session not yet over; null when none is left. */
  nextSession: Nullable(Type.Object({ startsAt: DateTime(), endsAt: DateTime(), location: Type.String() })),
});
sameShape<Static<typeof MyEnrollment>, MyEnrollmentDto>(true);

export const MyEnrollmentPage = Page(MyEnrollment);
sameShape<Static<typeof MyEnrollmentPage>, PageOf<MyEnrollmentDto>>(true);
