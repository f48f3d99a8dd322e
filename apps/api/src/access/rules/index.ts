import type { Grant, RecordKind } from '../define.js';
import { assessmentsRules } from './assessments.js';
import { attendanceRules } from './attendance.js';
import { auditRules } from './audit.js';
import { certificatesRules } from './certificates.js';
import { claimsRules } from './claims.js';
import { classesRules } from './classes.js';
import { consentsRules } from './consents.js';
import { coursesRules } from './courses.js';
import { employersRules } from './employers.js';
import { enrollmentsRules } from './enrollments.js';
import { externalCredentialsRules } from './external-credentials.js';
import { importsRules } from './imports.js';
import { notificationsRules } from './notifications.js';
import { orgsRules } from './orgs.js';
import { privacyRules } from './privacy.js';
import { readinessRules } from './readiness.js';
import { referralsRules } from './referrals.js';
import { reportsRules } from './reports.js';
import { usersRules } from './users.js';

const ALL = [
  assessmentsRules,
  attendanceRules,
  auditRules,
  certificatesRules,
  claimsRules,
  classesRules,
  consentsRules,
  coursesRules,
  employersRules,
  enrollmentsRules,
  externalCredentialsRules,
  importsRules,
  notificationsRules,
  orgsRules,
  privacyRules,
  readinessRules,
  referralsRules,
  reportsRules,
  usersRules,
] as const;

type Each = (typeof ALL)[number];
export type Action = Each extends infer R ? (R extends { grants: Record<infer A, Grant> } ? A : never) : never;
export type RecordKindName = Each extends infer R ? (R extends { records: Record<infer K, RecordKind> } ? K : never) : never;

/** Every grant, by action. */
export const GRANTS = Object.assign({}, ...ALL.map((r) => r.grants)) as Record<Action, Grant>;
/** Every record kind, by name. */
export const RECORD_KINDS = Object.assign({}, ...ALL.map((r) => r.records)) as Record<RecordKindName, RecordKind>;
