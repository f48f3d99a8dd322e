// The SQL each measured API request runs, so the "database limit" anchors replay exactly what the
// API sends, statement for statement. The statements are the ones the API's repositories export,
// imported from its build in apps/api/dist (built before every run); FIND_ORG and
// COURSES_LIST are still copies that name their source and must be kept in step with it.
import { CHINA_TODAY_SQL } from '../../../apps/api/dist/common/china-time.js';
import { AUTH_USER_SQL } from '../../../apps/api/dist/auth/auth.repository.js';
import { VERIFY_BY_CODE_SQL } from '../../../apps/api/dist/certificates/certificates.repository.js';
import {
  CLASS_SUMMARIES_SQL,
  COMPLETION_CANDIDATES_SQL,
  IDEMPOTENCY_CLAIM_SQL,
  IDEMPOTENCY_STORE_SQL,
  MARK_BATCH_SQL,
  NOT_ENROLLED_SQL,
  ROSTER_ROWS_SQL,
  SESSION_FOR_UPDATE_SQL,
  SESSION_SQL,
} from '../../../apps/api/dist/attendance/attendance.repository.js';
import {
  EXISTING_ENROLLMENT_SQL,
  INSERT_ENROLLMENT_SQL,
  LOCK_CLASS_SQL,
  MISSING_PREREQUISITES_SQL,
  MY_ENROLLMENTS_SQL,
  SEAT_TAKEN_SQL,
  WAITLIST_JOINED_SQL,
} from '../../../apps/api/dist/enrollments/enrollments.repository.js';
import { knownPhonesSql } from '../../../apps/api/dist/imports/imports.repository.js';
import { Example } from '../../../apps/api/dist/database/sql-repository.js';
import { SUMMARY_SQL } from '../../../apps/api/dist/reports/reports.repository.js';

// auth/auth.repository.ts — once per authenticated request.
export const AUTH_USER = AUTH_USER_SQL;

// certificates/certificates.repository.ts — verify().
export const CERT_BY_CODE = VERIFY_BY_CODE_SQL;

// enrollments/enrollments.repository.ts — mine().
export const MY_ENROLLMENTS = MY_ENROLLMENTS_SQL;

// attendance/attendance.repository.ts — the session (locked inside a roster save), the roster rows and
// the summaries (read in parallel), and a roster save: one transaction per roster.
export const loadSession = (lock) => (lock ? SESSION_FOR_UPDATE_SQL : SESSION_SQL);
export const ROSTER_ROWS = ROSTER_ROWS_SQL;
export const ROSTER_SUMMARIES = CLASS_SUMMARIES_SQL;
export const IDEMPOTENCY_CLAIM = IDEMPOTENCY_CLAIM_SQL;
export const NOT_ENROLLED = NOT_ENROLLED_SQL;
export const MARK_UPSERT = MARK_BATCH_SQL;
export const IDEMPOTENCY_STORE = IDEMPOTENCY_STORE_SQL;
// autoIssue(), after the commit when a mark changed: who may now be complete.
export const AUTO_ISSUE_CANDIDATES = COMPLETION_CANDIDATES_SQL;

// enrollments/enrollments.repository.ts — enrol(): lock the class, the checks, the insert, the counter.
export const LOCK_CLASS = LOCK_CLASS_SQL;
export const EXISTING_ENROLLMENT = EXISTING_ENROLLMENT_SQL;
export const MISSING_PREREQUISITES = MISSING_PREREQUISITES_SQL;
export const INSERT_ENROLLMENT = INSERT_ENROLLMENT_SQL;
export const SEAT_TAKEN = SEAT_TAKEN_SQL;
export const WAITLIST_JOINED = WAITLIST_JOINED_SQL;

// orgs/orgs.repository.ts find() (orgs, users, imports and reports.service.ts summary())
export const FIND_ORG = `SELECT id, parent_id AS "parentId", kind, name, path, depth FROM organizations WHERE id = $1`;
// reports/reports.repository.ts — the whole summary in one statement.
export const SUMMARY = SUMMARY_SQL;

// courses/courses.repository.ts list() — what the web's catalogue page asks the API for.
export const COURSES_LIST = `SELECT c.*, (SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status IN ('scheduled','running') AND k.ends_on >= ${CHINA_TODAY_SQL}) AS open_classes
         FROM courses c
        WHERE c.published AND ($1::text IS NULL OR c.category = $1)
        ORDER BY CASE c.category WHEN 'law' THEN 1 WHEN 'care' THEN 2 ELSE 3 END, c.code`;

// imports/imports.repository.ts — run(): the accounts already holding the file's phones.
// As the API sends it for a coordinator ($2 her subtree's LIKE pattern).
export const IMPORT_KNOWN = knownPhonesSql(Example.scope('coordinator', 'import.create'), [[]]);
