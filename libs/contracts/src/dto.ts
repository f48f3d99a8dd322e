/** JSON shapes of the public API (see shared api-contract.md). Dates are ISO 8601 strings. */
import type { CourseCategory, LearnerType, Locale, OrgKind, Role } from './domain.js';
import type { BodyOf, ResponseOf } from './openapi-types.js';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface UserDto {
  id: string;
  phone: string;
  name: string;
  role: Role;
  roles: Role[];
  orgId: string | null;
  orgName?: string | null;
  learnerType: LearnerType | null;
  employerId: string | null;
  locale: Locale;
  createdAt: string;
}

/** An account in the staff's list: `activated` is false for a learner her club registered who has not claimed the account yet. */
export type ListedUserDto = UserDto & { activated: boolean };

/** A one-time activation code for such a learner (shown once; the previous code stops working). */
export interface ClaimCodeDto {
  userId: string;
  code: string;
  expiresAt: string;
}

/** A generated password for someone who forgot hers (shown once). */
export interface PasswordResetDto {
  userId: string;
  temporaryPassword: string;
}

export type MeDto = Pick<UserDto, 'id' | 'phone' | 'name' | 'roles' | 'orgId' | 'learnerType' | 'locale'> & {
  role: Role;
  orgName: string | null;
  orgKind: OrgKind | null;
  employerId: string | null;
  /** Her password was set by staff (a new account or a reset), so someone else knows it. */
  passwordFromStaff: boolean;
};

export interface AuthResultDto {
  user: UserDto;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface TokenPairDto {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

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
export type CreatedUserDto = UserDto & { temporaryPassword?: string };

export interface CreateUserBody {
  phone: string;
  name: string;
  role: Role;
  orgId: string;
  password?: string;
  learnerType?: LearnerType;
  employerId?: string;
}

export interface OrgDto {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  depth: number;
}

export interface CreateOrgBody {
  name: string;
  kind: OrgKind;
  parentId: string;
}

/** GET /api/orgs with any of these: a page of children (`parentId`) or of name matches (`q`), of any kind or only `kind`. */
export interface ListOrgsQuery {
  parentId?: string;
  q?: string;
  /** Only orgs of these kinds (sent as "club,station"). */
  kind?: readonly OrgKind[];
  limit?: number;
  offset?: number;
}

export interface OrgRefDto {
  id: string;
  kind: OrgKind;
  name: string;
}

/** An org as the tree page shows it. */
export interface OrgNodeDto extends OrgDto {
  /** Its direct children. */
  childCount: number;
  /** Learner accounts of its subtree (the dashboard's aggregates, seconds behind). */
  learners: number;
  /** Its ancestors inside the caller's subtree, from her own org down to its parent. */
  trail: OrgRefDto[];
}

/** GET /api/orgs with a query; `parent` is the org named by `parentId`. */
export interface OrgNodePageDto {
  items: OrgNodeDto[];
  total: number;
  parent?: OrgNodeDto;
}

/** Every answer of GET /api/orgs: the bare call lists plain orgs, a query adds the node fields. */
export interface OrgListDto {
  items: (OrgDto & Partial<Pick<OrgNodeDto, 'childCount' | 'learners' | 'trail'>>)[];
  total: number;
  parent?: OrgNodeDto;
}

export interface HealthDto {
  status: 'ok' | 'degraded';
  db: 'up' | 'down';
}

export interface CourseSummaryDto {
  id: string;
  code: string;
  title: string;
  titleEn: string;
  titleZh: string;
  category: CourseCategory;
  requiredForVolunteers: boolean;
}

export interface CourseDto extends CourseSummaryDto {
  description: string;
  descriptionZh: string;
  descriptionEn: string;
  requiredHours: number;
  minAttendancePct: number;
  passMark: number;
  validityMonths: number | null;
  published: boolean;
  openClasses: number;
  lessonCount: number;
  /** Classes in any state but cancelled. */
  classCount: number;
  /** The org the course belongs to; null: the national catalogue (the root's). */
  ownerOrgId: string | null;
  /** The caller may change it: an admin whose subtree holds the owner org. */
  editable: boolean;
  lessons: { id: string; position: number; title: string; body: string; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; hours: number }[];
  assessments: { id: string; kind: 'quiz' | 'practical'; title: string; passMark: number; maxAttempts: number | null; questionCount: number }[];
  prerequisites: { id: string; code: string; title: string }[];
}

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

export interface SessionDto {
  id: string;
  startsAt: string;
  endsAt: string;
  location: string;
  /** Set once cancelled: the session stays on the schedule (struck through) but is never held. */
  cancelledAt: string | null;
}

/** One session as the session routes answer it. */
export interface ClassSessionDto extends SessionDto {
  classId: string;
}

export interface SessionBody {
  startsAt: string;
  endsAt: string;
  location?: string;
}

/** What a learner's check-in page needs: is it open, and has she checked in already. */
export interface CheckInStateDto {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  state: 'notYet' | 'open' | 'ended' | 'cancelled';
  checkedIn: boolean;
}

export interface ClassDto {
  id: string;
  courseId: string;
  courseCode: string;
  title: string;
  titleZh: string;
  titleEn: string;
  category: CourseCategory;
  orgId: string;
  orgName: string;
  instructorId: string | null;
  instructorName: string | null;
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  seatsLeft: number;
  location: string;
  status: 'scheduled' | 'running' | 'finished' | 'cancelled';
  sessions: SessionDto[];
}

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

export interface EnrollmentResultDto {
  id: string;
  classId: string;
  learnerId: string;
  status: 'enrolled' | 'waitlisted';
  waitlistPosition?: number;
  /** Set when staff enrolled her anyway: `TOO_LATE_TO_COMPLETE` (the sessions ahead cannot bring her to the course rules). */
  warnings?: 'TOO_LATE_TO_COMPLETE'[];
}

export interface RosterEntryDto {
  id: string;
  learnerId: string;
  name: string;
  phone: string;
  learnerType: LearnerType;
  status: 'enrolled' | 'waitlisted' | 'completed' | 'failed';
  waitlistPosition: number | null;
  createdAt: string;
}

export interface MyEnrollmentDto {
  id: string;
  status: 'enrolled' | 'waitlisted' | 'completed' | 'failed';
  waitlistPosition: number | null;
  createdAt: string;
  classId: string;
  classStatus: ClassDto['status'];
  startsOn: string;
  endsOn: string;
  location: string;
  orgName: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  category: CourseCategory;
  sessionCount: number;
  nextSession: { startsAt: string; endsAt: string; location: string } | null;
}

export type ImportRejectCode = 'INVALID_NAME' | 'INVALID_PHONE' | 'INVALID_TYPE' | 'DUPLICATE_IN_FILE' | 'PHONE_OTHER_ACCOUNT';

export interface ImportResultDto {
  id: string;
  total: number;
  created: number;
  existing: number;
  enrolled: number;
  waitlisted: number;
  alreadyEnrolled: number;
  /** The file's header row, as written. */
  header: string[];
  rejected: { line: number; phone: string; name: string; cells: string[]; code: ImportRejectCode; reason: string }[];
}

export interface ImportStatusDto {
  id: string;
  status: 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  result: ImportResultDto | { error: string; code?: string } | null;
}

export type AttendanceStatusValue = 'present' | 'late' | 'absent' | 'excused';

export interface SessionAttendanceDto {
  session: { id: string; classId: string; startsAt: string; endsAt: string; minAttendancePct: number };
  items: { learnerId: string; name: string; enrollmentId: string; status: AttendanceStatusValue | null; note: string | null; rate: number; cannotReachMinimum: boolean; belowMinimum: boolean }[];
  total: number;
}

export interface MarkAttendanceBody {
  marks: { learnerId: string; status: AttendanceStatusValue; note?: string }[];
  clientMutationId?: string;
  source?: 'roster' | 'offline-sync';
}

export interface AttendanceHistoryDto {
  items: { id: string; learnerId: string; learnerName: string; from: AttendanceStatusValue | null; to: AttendanceStatusValue; fromNote: string | null; toNote: string | null; source: string; changedBy: string; changedByName: string; changedAt: string }[];
  total: number;
}

export interface EnrollmentAttendanceDto {
  enrollmentId: string;
  sessions: number;
  totalSessions: number;
  attended: number;
  rate: number;
  hours: number;
  cannotReachMinimum: boolean;
  belowMinimum: boolean;
}

export interface CheckInCodeDto {
  sessionId: string;
  code: string;
  expiresAt: string;
}

export interface AssessmentDto {
  id: string;
  kind: 'quiz' | 'practical';
  title: string;
  passMark: number;
  maxAttempts: number | null;
  attemptsUsed: number;
  bestScore: number | null;
  passed: boolean;
  questions: { id: string; kind: 'single' | 'multiple' | 'true_false'; prompt: string; options: { index: number; text: string }[] }[];
}

export interface AttemptResultDto {
  score: number;
  passed: boolean;
  passMark: number;
  attemptNo: number;
  attemptsLeft: number | null;
  results: { questionId: string; correct: boolean; correctOptions: number[]; explanation: string }[];
  certificateIssued: boolean;
}

export interface RequirementStatusDto {
  enrollmentId: string;
  complete: boolean;
  missing: import('./completion.js').MissingRequirement[];
  certificateCode: string | null;
}

export type CertificateStatus = 'valid' | 'revoked' | 'expired';
export const REVOCATION_REASONS = ['issued_in_error', 'misconduct', 'fraud', 'superseded', 'other'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export interface CertificateDto {
  id: string;
  code: string;
  displayCode: string;
  status: CertificateStatus;
  revocationReason: RevocationReason | null;
  learnerId: string;
  holderName: string | null;
  course: { code: string; title: string };
  issuer: string;
  issuedAt: string;
  expiresAt: string | null;
  hours: number;
  enrollmentId: string | null;
  classId: string | null;
  verifyUrl: string;
}

export interface PublicCertificateDto {
  code: string;
  displayCode: string;
  status: CertificateStatus;
  revocationReason: RevocationReason | null;
  holderName: string | null;
  course: { code: string; title: string };
  issuer: string;
  issuedAt: string;
  expiresAt: string | null;
  hours: number;
  /** The holder's newer certificate for the same course, while it is in force. */
  renewedBy: { code: string; displayCode: string; expiresAt: string | null } | null;
}

export interface ReadinessDto {
  learnerId: string;
  learnerType: LearnerType | null;
  ready: boolean;
  level: 'ready' | 'renewal_needed' | 'not_ready';
  items: {
    course: { id: string; code: string; title: string };
    state: 'done' | 'expiring' | 'expired' | 'missing';
    certificate: { code: string; displayCode: string; expiresAt: string | null } | null;
    nextClass: { id: string; startsOn: string; orgName: string } | null;
  }[];
  missing: { id: string; code: string; title: string }[];
  expiring: { code: string; displayCode: string; expiresAt: string | null }[];
}

export interface VolunteerDto {
  id: string;
  name: string;
  phone: string;
  org_name: string;
  done: number;
  required: number;
  ready: boolean;
}

export interface ExternalCredentialDto {
  id: string;
  learnerId: string;
  certificateNumber: string;
  occupation: string;
  level: string;
  issuingBody: string;
  issuedOn: string;
  expiresOn: string | null;
  status: QualificationStatus;
  rejectionReason: string | null;
  courseId: string | null;
  checkedAt: string | null;
  checkedBy: string | null;
  createdAt: string;
  lookupUrl: string;
}

export type QualificationStatus = 'pending' | 'verified' | 'rejected';

/** A learner's government qualification on a coordinator's review list. */
export interface QualificationReviewDto {
  id: string;
  learnerId: string;
  learnerName: string;
  orgName: string;
  certificateNumberMasked: string;
  occupation: string;
  level: string;
  issuingBody: string;
  issuedOn: string;
  expiresOn: string | null;
  status: QualificationStatus;
  rejectionReason: string | null;
  createdAt: string;
  course: { id: string; code: string; title: string; suggested: boolean } | null;
}

/** Activation codes generated in one go: shown once, for the printed sheet. */
export interface ClaimCodeSheetDto {
  items: { userId: string; name: string; phoneMasked: string; code: string; expiresAt: string }[];
  total: number;
  /** Learners of the import left out because they already set their own password. */
  skippedClaimed: number;
}

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

export interface ReportSummaryDto extends ReportTotals {
  org: { id: string; name: string; kind: OrgKind; parentId: string | null };
  from: string | null;
  to: string | null;
  funnel: { referred: number; contacted: number; interviewing: number; hired: number; notHired: number; withdrawn: number };
  trend: { month: string; enrollments: number; certificates: number; referrals: number; hires: number; attendanceRate: number | null }[];
  byCourse: { courseId: string; code: string; title: string; category: CourseCategory; enrollments: number; certificatesIssued: number; attendanceRate: number | null }[];
  breakdown: (ReportTotals & { orgId: string; name: string; kind: OrgKind })[];
  refreshedAt: string;
  pendingUpdates: number;
}

export interface AuditEventDto {
  id: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** A club or station a learner may choose when she registers (public: no counts, no people). */
export interface JoinableOrgDto {
  id: string;
  kind: (typeof import('./domain.js').JOINABLE_ORG_KINDS)[number];
  name: string;
  /** Where it is: its ancestors below the national root, province first (省 › 市 › 县 › 俱乐部). */
  trail: { kind: import('./domain.js').OrgKind; name: string }[];
}

/** GET /api/me/study-pack: what a learner's phone keeps for reading without signal (ids and positions only). */
export interface StudyPackDto {
  generatedAt: string;
  classes: {
    enrollmentId: string;
    status: 'enrolled' | 'waitlisted' | 'completed';
    lessons: { position: number; images: string[] }[];
    quizIds: string[];
  }[];
  certificates: { code: string }[];
}

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
