import { Type, type Static } from 'typebox';
import { LEARNER_TYPES, type Page, type ReadinessDto, type VolunteerDto } from '@hearth/contracts';
import { Count, DateOnly, DateTime, Nullable, OneOf, Page as PageOf, sameShape, Uuid } from '../common/openapi.js';

const CourseRef = Type.Object({ id: Uuid(), code: Type.String(), title: Type.String() });
const CertificateRef = Type.Object({ code: Type.String(), displayCode: Type.String(), expiresAt: Nullable(DateTime()) });

/** Ready to pair when every required course has a valid, unexpired certificate. */
export const Readiness = Type.Object({
  learnerId: Uuid(),
  learnerType: Nullable(OneOf(LEARNER_TYPES)),
  ready: Type.Boolean(),
  level: OneOf(['ready', 'renewal_needed', 'not_ready'] as const),
  items: Type.Array(
    Type.Object({
      course: CourseRef,
      state: OneOf(['done', 'expiring', 'expired', 'missing'] as const),
      certificate: Nullable(CertificateRef),
      nextClass: Nullable(
        Type.Object({ id: Uuid(), startsOn: DateOnly(), orgName: Type.String() }, { description: 'The next open class of the course, unless it is done' }),
      ),
    }),
    { description: 'One per course required for volunteer mothers' },
  ),
  missing: Type.Array(CourseRef, { description: 'Required courses with no certificate or an expired one' }),
  expiring: Type.Array(CertificateRef, { description: 'Certificates that expire within 30 days' }),
});
sameShape<Static<typeof Readiness>, ReadinessDto>(true);

export const Volunteer = Type.Object({
  id: Uuid(),
  name: Type.String(),
  phone: Type.String(),
  org_name: Type.String(),
  done: Count({ description: 'Required courses with a valid certificate' }),
  required: Count({ description: 'Courses required for volunteer mothers' }),
  ready: Type.Boolean(),
});
sameShape<Static<typeof Volunteer>, VolunteerDto>(true);

export const VolunteerPage = PageOf(Volunteer);
sameShape<Static<typeof VolunteerPage>, Page<VolunteerDto>>(true);
