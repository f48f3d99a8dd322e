import { commonZhCN } from './common';
import { homeZhCN } from './home';
import { accountZhCN } from './account';
import { dashboardZhCN } from './dashboard';
import { auditZhCN } from './audit';
import { coursesZhCN } from './courses';
import { classesZhCN } from './classes';
import { attendanceZhCN } from './attendance';
import { learningZhCN } from './learning';
import { certificatesZhCN } from './certificates';
import { referralsZhCN } from './referrals';
import { peopleZhCN } from './people';
import { orgsZhCN } from './orgs';
import { offlineZhCN } from './offline';
import type { ClassStatus, CourseCategory, EnrollmentStatus, ErrorCode, ImportRejectCode, LearnerType, OrgKind, Role } from '@hearth/contracts';

/**
 * The reference catalogue: every key the web uses, one file per feature (a key starts with its
 * feature: `account.password.heading` is in ./account.ts). `en.ts` must have exactly these keys.
 * `{name}` placeholders are filled by `translate()`.
 */
export const zhCN = {
  ...commonZhCN,
  ...homeZhCN,
  ...accountZhCN,
  ...dashboardZhCN,
  ...auditZhCN,
  ...coursesZhCN,
  ...classesZhCN,
  ...attendanceZhCN,
  ...learningZhCN,
  ...certificatesZhCN,
  ...referralsZhCN,
  ...peopleZhCN,
  ...orgsZhCN,
  ...offlineZhCN,
} satisfies Record<
  | `common.error.${ErrorCode}`
  | `people.role.${Role}`
  | `people.learnerType.${LearnerType}`
  | `courses.category.${CourseCategory}`
  | `classes.status.${ClassStatus}`
  | `classes.enrollmentStatus.${EnrollmentStatus}`
  | `orgs.kind.${OrgKind}`
  | `classes.import.reject.${ImportRejectCode}`,
  string
> &
  Record<string, string>;

export type MessageKey = keyof typeof zhCN;
