import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { CoursesClassesEnrollment1764000100000 } from './1764000100000-courses-classes-enrollment.js';
import { SeedCatalog1764000200000 } from './1764000200000-seed-catalog.js';
import { Attendance1764000300000 } from './1764000300000-attendance.js';
import { AssessmentsCertificates1764000400000 } from './1764000400000-assessments-certificates.js';
import { Referrals1764000500000 } from './1764000500000-referrals.js';
import { ReportAggregates1764000600000 } from './1764000600000-report-aggregates.js';
import { OpenClassesIndex1764000700000 } from './1764000700000-open-classes-index.js';
import { AccountClaims1764000960000 } from './1764000960000-account-claims.js';
import { PasswordFromStaff1764001000000 } from './1764001000000-password-from-staff.js';
import { TokenVersion1764001100000 } from './1764001100000-token-version.js';
import { SessionCancellation1764001230000 } from './1764001230000-session-cancellation.js';
import { CourseOwner1764001240000 } from './1764001240000-course-owner.js';
import { QualificationReviewClaimSheets1764001250000 } from './1764001250000-qualification-review-claim-sheets.js';
import { AttendanceRateHeldSessions1764001370000 } from './1764001370000-attendance-rate-held-sessions.js';
import { VerifiableCredentials1764001412000 } from './1764001412000-verifiable-credentials.js';
import { NotificationInbox1764001500000 } from './1764001500000-notification-inbox.js';
import { NotificationDelivery1764001501000 } from './1764001501000-notification-delivery.js';
import { SmsMessages1764001700000 } from './1764001700000-sms-messages.js';
import { OfflineQuizAttempts1764001800000 } from './1764001800000-offline-quiz-attempts.js';

export { CATALOG } from './1764000200000-seed-catalog.js';

/** Every migration, oldest first. TypeORM wants classes, not globs (ESM build). */
export const migrations = [
  Foundation1764000000000,
  CoursesClassesEnrollment1764000100000,
  SeedCatalog1764000200000,
  Attendance1764000300000,
  AssessmentsCertificates1764000400000,
  Referrals1764000500000,
  ReportAggregates1764000600000,
  OpenClassesIndex1764000700000,
  AccountClaims1764000960000,
  PasswordFromStaff1764001000000,
  TokenVersion1764001100000,
  SessionCancellation1764001230000,
  CourseOwner1764001240000,
  QualificationReviewClaimSheets1764001250000,
  AttendanceRateHeldSessions1764001370000,
  VerifiableCredentials1764001412000,
  NotificationInbox1764001500000,
  NotificationDelivery1764001501000,
  SmsMessages1764001700000,
  OfflineQuizAttempts1764001800000,
];
