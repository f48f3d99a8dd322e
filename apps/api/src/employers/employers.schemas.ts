import { Type } from 'typebox';
import { LEARNER_TYPES } from '@hearth/contracts';
import { Count, DateTime, Nullable, OneOf, Page, Uuid } from '../common/openapi.js';

export const JOB_STATUSES = ['open', 'closed'] as const;

/** A company of an org's subtree that takes referrals. */
export const Employer = Type.Object({
  id: Uuid(),
  orgId: Uuid(),
  name: Type.String(),
  industry: Type.String(),
  contactName: Type.String(),
  contactPhone: Nullable(Type.String({ description: "The company contact's number; null for employers recorded without one" })),
  createdAt: DateTime(),
});

export const EmployerListItem = Type.Object({
  id: Uuid(),
  orgId: Uuid(),
  orgName: Type.String(),
  name: Type.String(),
  industry: Type.String(),
  contactName: Type.String(),
  contactPhone: Nullable(Type.String()),
  openJobs: Count({ description: 'Openings of this employer that are open' }),
});
export const EmployerList = Page(EmployerListItem);

/** A course named by a job opening, titled in the caller's language. */
export const CourseRef = Type.Object({ id: Uuid(), code: Type.String(), title: Type.String() });

const jobFields = {
  id: Uuid(),
  employerId: Uuid(),
  employerName: Type.String(),
  industry: Type.String(),
  title: Type.String(),
  description: Type.String(),
  location: Type.String(),
  positions: Type.Integer({ minimum: 1 }),
  wageMin: Nullable(Type.Integer({ minimum: 0, description: 'Yuan per month' })),
  wageMax: Nullable(Type.Integer({ minimum: 0, description: 'Yuan per month' })),
  status: OneOf(JOB_STATUSES),
  createdAt: DateTime(),
  requiredCourses: Type.Array(CourseRef, { description: 'Courses whose valid certificate the opening requires' }),
  acceptedQualifications: Type.Array(Type.String(), { description: 'Government qualifications (occupations) accepted in place of the certificates' }),
};

/** What staff and the employer see of an opening. */
export const StaffJob = Type.Object(
  {
    ...jobFields,
    referralCount: Count(),
    hiredCount: Count(),
  },
  { description: 'As coordinators, admins, instructors and employer staff see it' },
);

/** What a learner sees: no pipeline counts, and whether she qualifies. */
export const LearnerJob = Type.Object(
  {
    ...jobFields,
    qualifies: Type.Boolean({ description: 'She holds every required certificate, or a checked qualification the opening accepts' }),
    missingCourses: Type.Array(CourseRef, { description: 'Required courses she has no valid certificate for; empty when she qualifies' }),
  },
  { description: 'As a learner sees it' },
);

export const Job = Type.Union([StaffJob, LearnerJob]);
export const JobList = Page(Job);

/** A consenting learner of the caller's subtree who meets an opening's requirements. */
export const Candidate = Type.Object({
  learnerId: Uuid(),
  name: Type.String(),
  orgName: Type.String(),
  learnerType: OneOf(LEARNER_TYPES),
  attendanceRate: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Over all her marked sessions; null when she has none' })),
  latestCertificateAt: Nullable(DateTime()),
  classHours: Type.Number({ minimum: 0, description: 'Hours of her valid certificates' }),
});
export const CandidateList = Page(Candidate);
