/**
 * The statements of self-enrollment and of a learner's home page, as plain text so the benchmark's
 * database-limit anchors replay exactly what the API sends.
 */
import { EFFECTIVE_STATUS } from '../classes/class-queries.js';

/** $1 class: the class row locked for the seat count, with what the enrollment rules read. */
export const LOCK_CLASS_SQL = `SELECT k.id, k.course_id, k.capacity, k.enrolled_count, k.waitlist_count, k.status, ${EFFECTIVE_STATUS} AS effective_status,
              c.published, o.path, c.title_zh, c.min_attendance_pct, c.required_hours::float AS required_hours
         FROM classes k JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE k.id = $1 FOR UPDATE OF k`;

/**
 * $1 class, $2 learner: her standing in the class's held sessions (start in the past — the sessions her
 * rate is computed over) and the hours of each session still ahead. Marks from an earlier, withdrawn
 * enrollment still count, as they do for her certificate.
 */
export const ATTENDANCE_OUTLOOK_SQL = `SELECT count(*) FILTER (WHERE s.starts_at <= now())::int AS "sessionsHeld",
              count(*) FILTER (WHERE s.starts_at <= now() AND m.status IN ('present','late'))::int AS "sessionsAttended",
              coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600) FILTER (WHERE s.starts_at <= now() AND m.status IN ('present','late')), 0)::float AS "hoursAttended",
              coalesce(json_agg(extract(epoch FROM s.ends_at - s.starts_at)::float / 3600 ORDER BY s.starts_at) FILTER (WHERE s.starts_at > now()), '[]'::json) AS "remainingSessionHours"
         FROM class_sessions s LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = $2
        WHERE s.class_id = $1`;

/** $1 class, $2 learner. */
export const EXISTING_ENROLLMENT_SQL = `SELECT status, waitlist_position FROM enrollments WHERE class_id = $1 AND learner_id = $2 AND status <> 'withdrawn'`;

/** $1 course, $2 learner: prerequisites she holds no valid certificate for. */
export const MISSING_PREREQUISITES_SQL = `SELECT p.id, p.code, p.title_zh, p.title_en
           FROM course_prerequisites cp JOIN courses p ON p.id = cp.prerequisite_id
          WHERE cp.course_id = $1
            AND NOT EXISTS (SELECT 1 FROM certificates z WHERE z.learner_id = $2 AND z.course_id = p.id AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now()))
          ORDER BY p.code`;

/** $1 class, $2 learner, $3 status, $4 waitlist position, $5 enrolled by. */
export const INSERT_ENROLLMENT_SQL = `INSERT INTO enrollments (class_id, learner_id, status, waitlist_position, enrolled_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`;
export const SEAT_TAKEN_SQL = `UPDATE classes SET enrolled_count = enrolled_count + 1 WHERE id = $1`;
export const WAITLIST_JOINED_SQL = `UPDATE classes SET waitlist_count = waitlist_count + 1 WHERE id = $1`;

/** $1 learner: her enrollments with class, course and next session, newest class first. */
export const MY_ENROLLMENTS_SQL = `SELECT e.id, e.status, e.waitlist_position AS "waitlistPosition", e.created_at AS "createdAt",
              k.id AS "classId", ${EFFECTIVE_STATUS} AS "classStatus", to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
              k.location, o.name AS "orgName", c.id AS "courseId", c.code AS "courseCode", c.title_zh, c.title_en, c.category,
              (SELECT count(*)::int FROM class_sessions s WHERE s.class_id = k.id AND s.cancelled_at IS NULL) AS "sessionCount",
              (SELECT json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at, 'location', s.location)
                 FROM class_sessions s WHERE s.class_id = k.id AND s.ends_at > now() AND s.cancelled_at IS NULL ORDER BY s.starts_at LIMIT 1) AS "nextSession"
         FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE e.learner_id = $1 AND e.status <> 'withdrawn'
        ORDER BY k.starts_on DESC`;
