/**
 * JSON shapes of the public API. Answers are aliases of the types generated from the OpenAPI document
 * (whose response schemas are the TypeBox schemas in apps/api/src/<module>/<module>.schemas.ts); what is left written
 * out here is a request body or a web-side view. Dates are ISO 8601 strings.
 */
import type { CourseCategory, LearnerType, Locale, OrgKind, Role } from './domain.js';
import type { BodyOf, ResponseOf } from './openapi-types.js';

export interface Page<T> {
  items: T[];
  total: number;
}

export type UserDto = ResponseOf<'/api/auth/login', 'post'>['user'];

/** An account in the staff's list: `activated` is false for a learner her club registered who has not claimed the account yet. */
export type ListedUserDto = ResponseOf<'/api/users', 'get'>['items'][number];

/** A one-time activation code for such a learner (shown once; the previous code stops working). */
export type ClaimCodeDto = ResponseOf<'/api/users/{id}/claim-code', 'post'>;

/** A generated password for someone who forgot hers (shown once). */
export type PasswordResetDto = ResponseOf<'/api/users/{id}/password-reset', 'post'>;

export type MeDto = ResponseOf<'/api/me', 'get'>;

export type AuthResultDto = ResponseOf<'/api/auth/login', 'post'>;

export type TokenPairDto = ResponseOf<'/api/auth/refresh', 'post'>;

export interface RegisterBody {
  phone: string;
  password: string;
  name: string;
  learnerType: LearnerType;
  orgId?: string;
  locale?: Locale;
  /** Only for a phone her club already registered: the 8-digit activation code it gave her. */
  claimCode?: string;
}

export interface LoginBody {
  phone: string;
  password: string;
}

/** POST /users answers the new user, with the generated password when none was given (shown once). */
export type CreatedUserDto = ResponseOf<'/api/users', 'post'>;

export interface CreateUserBody {
  phone: string;
  name: string;
  role: Role;
  orgId: string;
  password?: string;
  learnerType?: LearnerType;
  employerId?: string;
}

export type OrgDto = ResponseOf<'/api/orgs', 'post'>;

export interface CreateOrgBody {
  name: string;
  kind: OrgKind;
  parentId: string;
}

/** GET /api/orgs with any of these: a page of children (`parentId`) or of name matches (`q`), of any kind or only `kind`. */
export interface ListOrgsQuery {
  parentId?: string;
  q?: string;
  /** Only orgs of these kinds (sent as the parameter repeated). */
  kind?: readonly OrgKind[];
  limit?: number;
  offset?: number;
}

export type OrgRefDto = OrgNodeDto['trail'][number];

/** An org as the tree page shows it. */
export type OrgNodeDto = NonNullable<OrgListDto['parent']>;

/** GET /api/orgs with a query; `parent` is the org named by `parentId`. */
export interface OrgNodePageDto {
  items: OrgNodeDto[];
  total: number;
  parent?: OrgNodeDto;
}

/** Every answer of GET /api/orgs: the bare call lists plain orgs, a query adds the node fields. */
export type OrgListDto = ResponseOf<'/api/orgs', 'get'>;

export type HealthDto = ResponseOf<'/api/health', 'get'>;

export type CourseSummaryDto = Pick<CourseDto, 'id' | 'code' | 'title' | 'titleEn' | 'titleZh' | 'category' | 'requiredForVolunteers'>;

export type CourseDto = ResponseOf<'/api/courses/{idOrCode}', 'get'>;

export interface CreateCourseBody {
  code: string;
  title: string;
  titleEn?: string;
  category: CourseCategory;
  description?: string;
  descriptionEn?: string;
  requiredHours: number;
  minAttendancePct: number;
  passMark: number;
  validityMonths?: number | null;
  requiredForVolunteers: boolean;
  prerequisiteCourseIds?: string[];
  lessons?: { title: string; titleEn?: string; body: string; bodyEn?: string; hours: number }[];
  /** False creates a draft (admins only see it); default true. */
  published?: boolean;
  /** Default: the creating admin's org; must be inside her subtree. */
  ownerOrgId?: string;
}

export type SessionDto = ClassDto['sessions'][number];

/** One session as the session routes answer it. */
export type ClassSessionDto = ResponseOf<'/api/sessions/{id}', 'patch'>;

export interface SessionBody {
  startsAt: string;
  endsAt: string;
  location?: string;
}

/** What a learner's check-in page needs: is it open, and has she checked in already. */
export type CheckInStateDto = ResponseOf<'/api/sessions/{id}/check-in', 'get'>;

export type ClassDto = ResponseOf<'/api/classes/{id}', 'get'>;

export interface CreateClassBody {
  courseId: string;
  orgId: string;
  instructorId: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  location?: string;
  sessions: { startsAt: string; endsAt: string; location?: string }[];
}

export interface UpdateClassBody {
  status?: ClassDto['status'];
  capacity?: number;
  location?: string;
  instructorId?: string;
}

export type EnrollmentResultDto = ResponseOf<'/api/classes/{id}/enrollments', 'post'>;

export type RosterEntryDto = ResponseOf<'/api/classes/{id}/enrollments', 'get'>['items'][number];

export type MyEnrollmentDto = ResponseOf<'/api/me/enrollments', 'get'>['items'][number];

export type ImportRejectCode = 'INVALID_NAME' | 'INVALID_PHONE' | 'INVALID_TYPE' | 'DUPLICATE_IN_FILE' | 'PHONE_OTHER_ACCOUNT';

export type ImportResultDto = ResponseOf<'/api/imports/learners', 'post'>;

export type ImportStatusDto = ResponseOf<'/api/imports/{id}', 'get'>;

export type AttendanceStatusValue = 'present' | 'late' | 'absent' | 'excused';

export type SessionAttendanceDto = ResponseOf<'/api/sessions/{id}/attendance', 'get'>;

export interface MarkAttendanceBody {
  marks: { learnerId: string; status: AttendanceStatusValue; note?: string }[];
  clientMutationId?: string;
  source?: 'roster' | 'offline-sync';
}

export type AttendanceHistoryDto = ResponseOf<'/api/sessions/{id}/attendance/history', 'get'>;

export type EnrollmentAttendanceDto = ResponseOf<'/api/enrollments/{id}/attendance', 'get'>;

export type CheckInCodeDto = ResponseOf<'/api/sessions/{id}/check-in-code', 'post'>;

export type AssessmentDto = ResponseOf<'/api/assessments/{id}', 'get'>;

export type AttemptResultDto = ResponseOf<'/api/assessments/{id}/attempts', 'post'>;

export type RequirementStatusDto = ResponseOf<'/api/enrollments/{id}/requirements', 'get'>;

export type CertificateStatus = 'valid' | 'revoked' | 'expired';
export const REVOCATION_REASONS = ['issued_in_error', 'misconduct', 'fraud', 'superseded', 'other'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export type CertificateDto = ResponseOf<'/api/me/certificates', 'get'>['items'][number];

export type PublicCertificateDto = ResponseOf<'/api/certificates/verify/{code}', 'get'>;

export type ReadinessDto = ResponseOf<'/api/learners/{id}/readiness', 'get'>;

export type VolunteerDto = ResponseOf<'/api/volunteers', 'get'>['items'][number];

export type ExternalCredentialDto = ResponseOf<'/api/learners/{learnerId}/external-credentials', 'post'>;

export type QualificationStatus = 'pending' | 'verified' | 'rejected';

/** A learner's government qualification on a coordinator's review list. */
export type QualificationReviewDto = ResponseOf<'/api/external-credentials', 'get'>['items'][number];

/** Activation codes generated in one go: shown once, for the printed sheet. */
export type ClaimCodeSheetDto = ResponseOf<'/api/claim-codes', 'post'>;

export interface ReportTotals {
  learners: number;
  volunteerMothers: number;
  readyVolunteerMothers: number;
  enrollments: number;
  /** Attended (present or late) ÷ sessions held so far, over every enrolled learner: the rate each learner sees for herself. */
  attendanceRate: number | null;
  certificatesIssued: number;
  referrals: number;
  hires: number;
  placementRate: number | null;
}

export type ReportSummaryDto = ResponseOf<'/api/reports/summary', 'get'>;

export type AuditEventDto = ResponseOf<'/api/audit', 'get'>['items'][number];

/** A club or station a learner may choose when she registers (public: no counts, no people). */
export type JoinableOrgDto = ResponseOf<'/api/orgs/joinable', 'get'>['items'][number];

/** GET /api/me/study-pack: what a learner's phone keeps for reading without signal (ids and positions only). */
export type StudyPackDto = ResponseOf<'/api/me/study-pack', 'get'>;

// Employers, openings, consent, referrals and follow-ups: read off the generated document.

export type EmployerDto = ResponseOf<'/api/employers', 'get'>['items'][number];
export type CreateEmployerBody = BodyOf<'/api/employers', 'post'>;

/** An opening as the caller's role sees it: staff and employers (StaffJobDto) or a learner (LearnerJobDto). */
export type JobDto = ResponseOf<'/api/jobs/{id}', 'get'>;
export type StaffJobDto = Extract<JobDto, { referralCount: number }>;
export type LearnerJobDto = Extract<JobDto, { qualifies: boolean }>;
export type JobStatus = JobDto['status'];
export type CourseRefDto = JobDto['requiredCourses'][number];
export type CreateJobBody = BodyOf<'/api/jobs', 'post'>;
export type CandidateDto = ResponseOf<'/api/jobs/{id}/candidates', 'get'>['items'][number];

export type ConsentStatusDto = ResponseOf<'/api/me/consents', 'get'>;
export type ConsentEventDto = ConsentStatusDto['history'][number];

/** One referral with its history, as the caller's role sees it. */
export type ReferralDto = ResponseOf<'/api/referrals/{id}', 'get'>;
/** A referral in a list (no history). */
export type ReferralListItemDto = ResponseOf<'/api/referrals', 'get'>['items'][number];
export type ReferralEventDto = Extract<ReferralDto, { history: unknown }>['history'][number];
/** What coordinators and admins see. */
export type StaffReferralDto = Extract<ReferralListItemDto, { learnerId: string }> & { history?: ReferralEventDto[] };
/** What an employer sees: the consented fields, or nothing personal once she withdrew. */
export type EmployerReferralDto = Extract<ReferralListItemDto, { candidate: unknown }> & { history?: ReferralEventDto[] };
export type CandidateProfileDto = NonNullable<EmployerReferralDto['candidate']>;
/** What a learner sees of her own referral. */
export type LearnerReferralDto = Exclude<ReferralListItemDto, { learnerId: string } | { candidate: unknown }> & { history?: ReferralEventDto[] };

export type FollowUpDto = ResponseOf<'/api/followups', 'get'>['items'][number];
export type RecordFollowUpBody = BodyOf<'/api/followups/{id}', 'post'>;
