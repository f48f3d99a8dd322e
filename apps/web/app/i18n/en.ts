import { commonEn } from './common.en';
import { homeEn } from './home.en';
import { accountEn } from './account.en';
import { dashboardEn } from './dashboard.en';
import { auditEn } from './audit.en';
import { coursesEn } from './courses.en';
import { classesEn } from './classes.en';
import { attendanceEn } from './attendance.en';
import { learningEn } from './learning.en';
import { certificatesEn } from './certificates.en';
import { referralsEn } from './referrals.en';
import { peopleEn } from './people.en';
import { orgsEn } from './orgs.en';
import { offlineEn } from './offline.en';
import type { MessageKey } from './zh-CN';

/** English catalogue: the type makes a missing or an extra key a compile error. */
export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...homeEn,
  ...accountEn,
  ...dashboardEn,
  ...auditEn,
  ...coursesEn,
  ...classesEn,
  ...attendanceEn,
  ...learningEn,
  ...certificatesEn,
  ...referralsEn,
  ...peopleEn,
  ...orgsEn,
  ...offlineEn,
};
