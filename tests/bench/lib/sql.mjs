// The SQL each measured API request runs, copied from the services (apps/api/src/**) so the
// "database limit" anchors replay exactly what the API sends, statement for statement.
// Keep in step with the services when they change; each block names its source.

// auth/auth-user.loader.ts — once per authenticated request.
export const AUTH_USER = `SELECT u.id, u.role, u.name, u.phone, u.org_id AS "orgId", o.path AS "orgPath", o.kind AS "orgKind", o.name AS "orgName",
              u.employer_id AS "employerId", u.learner_type AS "learnerType", u.locale
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active'`;

// certificates/certificates.service.ts PUBLIC_SELECT + verify().
export const CERT_BY_CODE = `
  SELECT z.code, z.status, u.name AS holder_name, c.code AS course_code, c.title_zh, c.title_en,
         o.name AS org_name, z.issued_at, z.expires_at, z.revocation_reason, z.hours
    FROM certificates z JOIN users u ON u.id = z.learner_id JOIN courses c ON c.id = z.course_id JOIN organizations o ON o.id = z.org_id WHERE z.code = $1`;

// classes/class-queries.ts
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const EFFECTIVE_STATUS = `CASE WHEN k.status IN ('cancelled','finished') THEN k.status
  WHEN ${TODAY} > k.ends_on THEN 'finished'
  WHEN ${TODAY} >= k.starts_on THEN 'running' ELSE 'scheduled' END`;

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
export const MARK_UPSERT = `WITH input AS (
           SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[]) AS i(learner_id, status, note)
         ), prev AS (
           SELECT m.learner_id, m.status, m.note FROM attendance_marks m JOIN input i USING (learner_id) WHERE m.session_id = $1
         ), up AS (
           INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, note, source, marked_by, client_mutation_id, marked_at)
           SELECT $1, i.learner_id, e.id, i.status, i.note, $5, $6, $7, clock_timestamp()
             FROM input i JOIN enrollments e ON e.class_id = $8 AND e.learner_id = i.learner_id AND e.status IN ('enrolled','completed','failed')
           ON CONFLICT (session_id, learner_id) DO UPDATE
             SET status = EXCLUDED.status, note = EXCLUDED.note, source = EXCLUDED.source, marked_by = EXCLUDED.marked_by,
                 marked_at = clock_timestamp(), client_mutation_id = EXCLUDED.client_mutation_id
             WHERE (attendance_marks.status, attendance_marks.note) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.note)
           RETURNING learner_id, status, note
         ), hist AS (
           INSERT INTO attendance_history (session_id, learner_id, old_status, new_status, old_note, new_note, source, changed_by, client_mutation_id, changed_at)
           SELECT $1, up.learner_id, prev.status, up.status, prev.note, up.note, $5, $6, $7, clock_timestamp() FROM up LEFT JOIN prev USING (learner_id)
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM hist)::int AS changed`;
export const IDEMPOTENCY_STORE = `UPDATE idempotency_keys SET status_code = 200, response = $2 WHERE key = $1`;
// autoIssue(), after the commit when a mark changed: who may now be complete.
export const AUTO_ISSUE_CANDIDATES = `WITH open AS MATERIALIZED (
         SELECT e.id, e.learner_id, e.class_id, c.min_attendance_pct, c.required_hours
           FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id
          WHERE e.class_id = $1 AND e.learner_id = ANY($2) AND e.status = 'enrolled'
            AND NOT EXISTS (SELECT 1 FROM certificates z WHERE z.enrollment_id = e.id)
            AND NOT EXISTS (
              SELECT 1 FROM assessments a WHERE a.course_id = k.course_id
                 AND NOT EXISTS (SELECT 1 FROM assessment_attempts t WHERE t.assessment_id = a.id AND t.enrollment_id = e.id AND t.passed)
                 AND NOT EXISTS (SELECT 1 FROM assessment_results r WHERE r.assessment_id = a.id AND r.enrollment_id = e.id AND r.passed))
       )
       SELECT o.id FROM open o
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE s.starts_at < now()) AS held,
                 count(*) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late')) AS attended,
                 coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600) FILTER (WHERE s.starts_at < now() AND m.status IN ('present','late')), 0) AS hours
            FROM class_sessions s LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = o.learner_id
           WHERE s.class_id = o.class_id) att
        WHERE (o.min_attendance_pct = 0 OR (att.held > 0 AND att.attended * 100 >= (o.min_attendance_pct - 0.01) * att.held))
          AND att.hours >= o.required_hours - 0.01`;

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
const STATE_COLUMNS = `coalesce(st.learners, 0) AS learners, coalesce(st.volunteer_mothers, 0) AS volunteer_mothers, coalesce(st.ready_volunteer_mothers, 0) AS ready_volunteer_mothers`;
const SUM_COLUMNS = `coalesce(sum(s.enrollments), 0)::int AS enrollments, coalesce(sum(s.marks), 0)::int AS marks, coalesce(sum(s.attended), 0)::int AS attended,
  coalesce(sum(s.certificates), 0)::int AS certificates, coalesce(sum(s.referrals), 0)::int AS referrals, coalesce(sum(s.hires), 0)::int AS hires`;
// One statement for the whole summary.
export const SUMMARY = `SELECT
         (SELECT row_to_json(x) FROM (
            SELECT ${STATE_COLUMNS}, t.* FROM (SELECT ${SUM_COLUMNS} FROM org_stats_subtree s WHERE s.org_id = $1 AND s.month BETWEEN $2 AND $3) t
              LEFT JOIN org_state_subtree st ON st.org_id = $1) x) AS self,
         (SELECT coalesce(json_agg(x ORDER BY x.name), '[]') FROM (
            SELECT o.id, o.name, o.kind, ${STATE_COLUMNS}, ${SUM_COLUMNS}
              FROM organizations o
              LEFT JOIN org_state_subtree st ON st.org_id = o.id
              LEFT JOIN org_stats_subtree s ON s.org_id = o.id AND s.month BETWEEN $2 AND $3
             WHERE o.parent_id = $1
             GROUP BY o.id, o.name, o.kind, st.learners, st.volunteer_mothers, st.ready_volunteer_mothers) x) AS children,
         (SELECT coalesce(json_agg(x ORDER BY x.month), '[]') FROM (
            SELECT to_char(s.month, 'YYYY-MM') AS month, sum(s.enrollments)::int AS enrollments, sum(s.certificates)::int AS certificates,
                   sum(s.referrals)::int AS referrals, sum(s.hires)::int AS hires, sum(s.marks)::int AS marks, sum(s.attended)::int AS attended
              FROM org_stats_subtree s WHERE s.org_id = $1 AND s.month BETWEEN $2 AND $3 GROUP BY s.month) x) AS trend,
         (SELECT coalesce(json_agg(x ORDER BY x.code), '[]') FROM (
            SELECT c.id AS "courseId", c.code, c.title_zh, c.title_en, c.category, sum(s.enrollments)::int AS enrollments, sum(s.certificates)::int AS certificates,
                   sum(s.marks)::int AS marks, sum(s.attended)::int AS attended
              FROM org_stats_subtree s JOIN courses c ON c.id = s.course_id
             WHERE s.org_id = $1 AND s.month BETWEEN $2 AND $3 GROUP BY c.id) x) AS by_course,
         (SELECT row_to_json(x) FROM (
            SELECT coalesce(referred, 0) AS referred, coalesce(contacted, 0) AS contacted, coalesce(interviewing, 0) AS interviewing,
                   coalesce(hired, 0) AS hired, coalesce(not_hired, 0) AS "notHired", coalesce(withdrawn, 0) AS withdrawn
              FROM (SELECT 1) one LEFT JOIN org_state_subtree st ON st.org_id = $1) x) AS funnel,
         (SELECT refreshed_at FROM stats_refreshes) AS refreshed_at,
         (SELECT count(*)::int FROM stats_dirty) AS pending`;

// courses/courses.service.ts list() — what the web's catalogue page asks the API for.
export const COURSES_LIST = `SELECT c.*, (SELECT count(*) FROM classes k WHERE k.course_id = c.id AND k.status IN ('scheduled','running') AND k.ends_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date) AS open_classes
         FROM courses c
        WHERE c.published AND ($1::text IS NULL OR c.category = $1)
        ORDER BY CASE c.category WHEN 'law' THEN 1 WHEN 'care' THEN 2 ELSE 3 END, c.code`;

// imports/imports.service.ts run(): the per-file statements around the bulk insert.
export const IMPORT_KNOWN = `SELECT u.id, u.phone, (u.role = 'learner' AND u.status = 'active' AND coalesce(o.path LIKE $2, false)) AS usable
           FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.phone = ANY($1)`;
