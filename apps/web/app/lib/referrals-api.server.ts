import type { ApiClient, Locale, Page, ReferralStatus, WageBand } from '@hearth/contracts';

/**
 * Employers, openings, consent, referrals and follow-ups. The typed client has no methods for these
 * routes yet, so this wraps its `request()` with the shapes of apps/api/src/{employers,consents,referrals}.
 * Bilingual texts (course titles) follow Accept-Language: the referral routes reject a `?lang=` query.
 */

export interface EmployerDto {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  industry: string;
  contactName: string;
  /** Null for employers recorded without a number (never render a `tel:` link then). */
  contactPhone: string | null;
  openJobs: number;
}

export interface CreateEmployerBody {
  name: string;
  industry: string;
  contactName: string;
  contactPhone: string;
  orgId: string;
}

export type JobStatus = 'open' | 'closed';

export interface CourseRefDto {
  id: string;
  code: string;
  title: string;
}

export interface JobDto {
  id: string;
  employerId: string;
  employerName: string;
  industry: string;
  title: string;
  description: string;
  location: string;
  positions: number;
  wageMin: number | null;
  wageMax: number | null;
  status: JobStatus;
  createdAt: string;
  requiredCourses: CourseRefDto[];
  acceptedQualifications: string[];
  /** Staff and employers only. */
  referralCount?: number;
  hiredCount?: number;
  /** Learners only: whether she holds every required certificate (or an accepted qualification). */
  qualifies?: boolean;
  missingCourses?: CourseRefDto[];
}

export interface CreateJobBody {
  employerId: string;
  title: string;
  description?: string;
  requiredCourseIds: string[];
  acceptedQualifications?: string[];
  location: string;
  positions: number;
  wageMin?: number;
  wageMax?: number;
}

export interface CandidateDto {
  learnerId: string;
  name: string;
  orgName: string;
  learnerType: string | null;
  /** 0–1 over all her marked sessions; null when she has none. */
  attendanceRate: number | null;
  latestCertificateAt: string | null;
  classHours: number;
}

export interface ConsentEventDto {
  action: 'grant' | 'withdraw';
  noticeVersion: string;
  at: string;
}

export interface ConsentStatusDto {
  scope: 'referrals';
  granted: boolean;
  currentNoticeVersion: string;
  sharedFields: string[];
  /** Newest first. */
  history: ConsentEventDto[];
}

export interface ReferralEventDto {
  from: ReferralStatus | null;
  to: ReferralStatus;
  /** Employers read only notes their own staff wrote. */
  note: string | null;
  at: string;
  actorId: string | null;
}

interface ReferralBaseDto {
  id: string;
  jobId: string;
  jobTitle: string;
  employerId: string;
  employerName: string;
  status: ReferralStatus;
  createdAt: string;
  updatedAt: string;
  hiredAt: string | null;
  /** Single referrals (GET /api/referrals/:id, PATCH, POST) only. */
  history?: ReferralEventDto[];
}

/** What coordinators and admins see. */
export interface StaffReferralDto extends ReferralBaseDto {
  learnerId: string;
  learnerName: string | null;
  note: string | null;
  consentWithdrawn: boolean;
}

export interface CandidateProfileDto {
  name: string | null;
  phone: string | null;
  certificates: { code: string; course: string; issuedAt: string; expiresAt: string | null }[];
  classHours: number;
}

/** What an employer sees: the consented fields, or nothing personal once she withdrew. */
export interface EmployerReferralDto extends ReferralBaseDto {
  consentWithdrawn: boolean;
  candidate: CandidateProfileDto | null;
}

export type LearnerReferralDto = ReferralBaseDto;

export { WAGE_BANDS, type WageBand } from '@hearth/contracts';

export interface FollowUpDto {
  id: string;
  referralId: string;
  /** 30, 90 or 180 days after the hire. */
  dayMark: number;
  /** A China calendar date, "2026-05-10". */
  dueOn: string;
  learnerName: string | null;
  jobTitle: string;
  employerName: string;
  overdue: boolean;
}

export interface RecordFollowUpBody {
  stillEmployed: boolean;
  wageBand?: WageBand;
  note?: string;
}

export interface ListQuery {
  limit?: number;
  offset?: number;
}

/** The referral routes for one signed-in user (`api` from requireUser) in the reader's language. */
export function referralsApi(api: ApiClient, locale: Locale) {
  const headers = { 'accept-language': locale };
  const call = <T>(method: string, path: string, options: { body?: unknown; query?: Record<string, string | number | boolean | undefined> } = {}) =>
    api.request<T>(method, path, { ...options, headers });
  return {
    employers: {
      list: () => call<Page<EmployerDto>>('GET', '/api/employers'),
      create: (body: CreateEmployerBody) => call<EmployerDto>('POST', '/api/employers', { body }),
    },
    jobs: {
      list: (query: ListQuery & { open?: boolean } = {}) => call<Page<JobDto>>('GET', '/api/jobs', { query: { ...query } }),
      get: (id: string) => call<JobDto>('GET', `/api/jobs/${id}`),
      create: (body: CreateJobBody) => call<JobDto>('POST', '/api/jobs', { body }),
      setStatus: (id: string, status: JobStatus) => call<JobDto>('PATCH', `/api/jobs/${id}`, { body: { status } }),
      candidates: (id: string) => call<Page<CandidateDto>>('GET', `/api/jobs/${id}/candidates`),
    },
    consents: {
      status: () => call<ConsentStatusDto>('GET', '/api/me/consents'),
      grant: (noticeVersion: string) => call<ConsentStatusDto>('POST', '/api/me/consents', { body: { scope: 'referrals', noticeVersion } }),
      withdraw: () => call<void>('DELETE', '/api/me/consents/referrals'),
    },
    referrals: {
      /** The item shape depends on the caller's role: StaffReferralDto, EmployerReferralDto or LearnerReferralDto. */
      list: <T extends ReferralBaseDto>(query: ListQuery & { status?: ReferralStatus; jobId?: string } = {}) =>
        call<Page<T>>('GET', '/api/referrals', { query: { ...query } }),
      get: <T extends ReferralBaseDto>(id: string) => call<T>('GET', `/api/referrals/${id}`),
      create: (body: { learnerId: string; jobId: string; note?: string }) => call<StaffReferralDto>('POST', '/api/referrals', { body }),
      move: <T extends ReferralBaseDto>(id: string, body: { status: ReferralStatus; note?: string }) => call<T>('PATCH', `/api/referrals/${id}`, { body }),
    },
    followups: {
      due: () => call<Page<FollowUpDto>>('GET', '/api/followups'),
      record: (id: string, body: RecordFollowUpBody) => call<unknown>('POST', `/api/followups/${id}`, { body }),
    },
  };
}

export type ReferralsApi = ReturnType<typeof referralsApi>;
