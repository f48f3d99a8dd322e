// The SQL each measured API request runs, so the "database limit" anchors replay exactly what the
// API sends, statement for statement. Statements the API keeps in plain query modules are imported
// from its build (apps/api/dist, built before every run); the rest are copies that name their source
// and must be kept in step with it.
import { EFFECTIVE_STATUS } from '../../../apps/api/dist/classes/class-queries.js';
import { VERIFY_BY_CODE_SQL } from '../../../apps/api/dist/certificates/certificate-queries.js';
import { COMPLETION_CANDIDATES_SQL, MARK_BATCH_SQL } from '../../../apps/api/dist/attendance/attendance-queries.js';
import { SUMMARY_SQL } from '../../../apps/api/dist/reports/report-queries.js';

// auth/auth-user.loader.ts — once per authenticated request.
export const AUTH_USER = `SELECT u.id, u.role, u.name, u.phone, u.org_id AS "orgId", o.path AS "orgPath", o.kind AS "orgKind", o.name AS "orgName",
              u.employer_id AS "employerId", u.learner_type AS "learnerType", u.locale
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'`;

// certificates/certificate-queries.ts — verify().
export const CERT_BY_CODE = VERIFY_BY_CODE_SQL;

// enrollments/enrollments.service.ts mine()
export const MY_ENROLLMENTS = `SELECT e.id, e.status, e.waitlist_position AS "waitlistPosition", e.created_at AS "createdAt",
              k.id AS "classId", ${EFFECTIVE_STATUS} AS "classStatus", to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
              k.location, o.name AS "orgName", c.id AS "courseId", c.code AS "courseCode", c.title_zh, c.title_en, c.category,
              (SELECT count(*)::int FROM class_sessions s WHERE s.class_id = k.id) AS "sessionCount",
              (SELECT json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at, 'location', s.location)
                 FROM class_sessions s WHERE s.class_id = k.id AND s.ends_at > now() ORDER BY s.starts_at LIMIT 1) AS "nextSession"
         FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE e.learner_id = $1 AND e.status <> 'withdrawn'
        ORDER BY k.starts_on DESC`;

// attendance/attendance.service.ts loadSession()
export const loadSession = (lock) => `SELECT s.id, s.class_id, s.starts_at, s.ends_at, o.path, k.instructor_id, c.min_attendance_pct
         FROM class_sessions s JOIN classes k ON k.id = s.class_id JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id
        WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`;

// attendance/attendance.service.ts sessionRoster(): the roster rows, and summaries() (in parallel).
export const ROSTER_ROWS = `SELECT e.learner_id AS "learnerId", u.name, e.id AS "enrollmentId", m.status, m.note
           FROM enrollments e JOIN users u ON u.id = e.learner_id
           LEFT JOIN attendance_marks m ON m.session_id = $1 AND m.learner_id = e.learner_id
          WHERE e.class_id = $2 AND e.status IN ('enrolled','completed','failed')
          ORDER BY u.name, e.id`;
export const ROSTER_SUMMARIES = `
  SELECT e.id AS "enrollmentId", e.learner_id AS "learnerId", c.min_attendance_pct AS "minPct",
         count(s.id)::int AS "totalSessions",
         count(s.id) FILTER (WHERE s.starts_at < now())::int AS sessions,
         count(m.status) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late'))::int AS attended,
         coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late')), 0)::float AS hours
    FROM enrollments e
    JOIN classes k ON k.id = e.class_id
    JOIN courses c ON c.id = k.course_id
    LEFT JOIN class_sessions s ON s.class_id = e.class_id
    LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = e.learner_id WHERE e.class_id = $1 AND e.status IN ('enrolled','completed','failed') GROUP BY e.id, c.min_attendance_pct`;

// attendance/attendance.service.ts mark(): one transaction per roster.
export const IDEMPOTENCY_CLAIM = `INSERT INTO idempotency_keys (key, request_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`;
export const NOT_ENROLLED = `SELECT i.learner_id FROM unnest($2::uuid[]) AS i(learner_id)
          WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = $1 AND e.learner_id = i.learner_id AND e.status IN ('enrolled','completed','failed'))`;
export const MARK_UPSERT = MARK_BATCH_SQL; // attendance/attendance-queries.ts
export const IDEMPOTENCY_STORE = `UPDATE idempotency_keys SET status_code = 200, response = $2 WHERE key = $1`;
// autoIssue(), after the commit when a mark changed: who may now be complete.
export const AUTO_ISSUE_CANDIDATES = COMPLETION_CANDIDATES_SQL; // attendance/attendance-queries.ts

// enrollments/enrollments.service.ts enrol(): lockClass, the checks, the insert, the counter.
export const LOCK_CLASS = `SELECT k.id, k.course_id, k.capacity, k.enrolled_count, k.waitlist_count, k.status, ${EFFECTIVE_STATUS} AS effective_status,
              c.published, o.path, c.title_zh
         FROM classes k JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE k.id = $1 FOR UPDATE OF k`;
export const EXISTING_ENROLMENT = `SELECT status, waitlist_position FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status <> 'withdrawn'`;
export const MISSING_PREREQUISITES = `SELECT p.id, p.code, p.title_zh, p.title_en
           FROM course_prerequisites cp JOIN courses p ON p.id = cp.prerequisite_id
          WHERE cp.course_id = $1
            AND NOT EXISTS (SELECT 1 FROM certificates z WHERE z.learner_id = $2 AND z.course_id = p.id AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now()))
          ORDER BY p.code`;
export const INSERT_ENROLMENT = `INSERT INTO enrollments (class_id, learner_id, status, waitlist_position, enrolled_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`;
export const SEAT_TAKEN = `UPDATE classes SET enrolled_count = enrolled_count + 1 WHERE id = $1`;
export const WAITLIST_JOINED = `UPDATE classes SET waitlist_count = waitlist_count + 1 WHERE id = $1`;

// access/scope.service.ts findOrg() and reports/reports.service.ts summary()
export const FIND_ORG = `SELECT id, parent_id AS "parentId", kind, name, path, depth FROM organizations WHERE id = $1`;
// reports/report-queries.ts — the whole summary in one statement.
export const SUMMARY = SUMMARY_SQL;

// courses/courses.service.ts list() — what the web's catalogue page asks the API for.
export const COURSES_LIST = `SELECT c.*, (SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status IN ('scheduled','running') AND k.ends_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date) AS open_classes
         FROM courses c
        WHERE c.published AND ($1::text IS NULL OR c.category = $1)
        ORDER BY CASE c.category WHEN 'law' THEN 1 WHEN 'care' THEN 2 ELSE 3 END, c.code`;

// imports/imports.service.ts run(): the per-file statements around the bulk insert.
export const IMPORT_KNOWN = `SELECT u.id, u.phone, (u.role = 'learner' AND u.status = 'active' AND coalesce(o.path LIKE $2, false)) AS usable
           FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.phone = ANY($1)`;
