/** Vocabulary shared by the API and the web. The API's DTOs and the database CHECK constraints use these lists. */

export const ROLES = ['admin', 'coordinator', 'instructor', 'learner', 'employer'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator'];

export const LEARNER_TYPES = ['volunteer_mother', 'migrant_worker'] as const;
export type LearnerType = (typeof LEARNER_TYPES)[number];

/** Highest first: a child org is always of a lower kind than its parent. */
export const ORG_KINDS = ['national', 'province', 'city', 'county', 'club', 'station'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
/** The kinds a learner may belong to when she registers herself: her club or station. */
export const JOINABLE_ORG_KINDS = ['club', 'station'] as const satisfies readonly OrgKind[];
export const isJoinableOrgKind = (kind: string): kind is (typeof JOINABLE_ORG_KINDS)[number] => (JOINABLE_ORG_KINDS as readonly string[]).includes(kind);

export function orgKindRank(kind: OrgKind): number {
  return ORG_KINDS.indexOf(kind);
}

/** True when an org of kind `child` may sit under an org of kind `parent`. */
export function canNestOrg(parent: OrgKind, child: OrgKind): boolean {
  return orgKindRank(child) > orgKindRank(parent);
}

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Mainland China mobile number. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Which roles a coordinator may create. Admins may create any role. */
export const COORDINATOR_CREATABLE_ROLES: readonly Role[] = ['learner', 'instructor', 'employer'];

export const COURSE_CATEGORIES = ['law', 'care', 'vocational'] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

export const CLASS_STATUSES = ['scheduled', 'running', 'finished', 'cancelled'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn', 'completed', 'failed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const REFERRAL_STATUSES = ['referred', 'contacted', 'interviewing', 'hired', 'not_hired', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Monthly wage bands (yuan) a placement follow-up records. */
export const WAGE_BANDS = ['below_3000', '3000_4999', '5000_6999', '7000_plus'] as const;
export type WageBand = (typeof WAGE_BANDS)[number];

/** Allowed referral pipeline moves. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  referred: ['contacted', 'withdrawn', 'not_hired'],
  contacted: ['interviewing', 'withdrawn', 'not_hired'],
  interviewing: ['hired', 'not_hired', 'withdrawn'],
  hired: [],
  not_hired: [],
  withdrawn: [],
};

/** Where an outside (government) certificate stands in review. */
export const QUALIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** The one time zone Hearth's calendar runs on (classes, reminders, quiet hours, "today", dates on certificates). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';
