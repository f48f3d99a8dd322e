import { CHINA_TODAY_SQL } from '../common/china-time.js';
/** SQL shared by class reads: the effective status follows the calendar (China time) unless finished or cancelled by hand. */
export const TODAY = CHINA_TODAY_SQL;

export const EFFECTIVE_STATUS = `CASE WHEN k.status IN ('cancelled','finished') THEN k.status
  WHEN ${TODAY} > k.ends_on THEN 'finished'
  WHEN ${TODAY} >= k.starts_on THEN 'running' ELSE 'scheduled' END`;

export const CLASS_SELECT = `
  SELECT k.id, k.course_id AS "courseId", c.code AS "courseCode", c.title_zh AS "titleZh", c.title_en AS "titleEn", c.category,
         k.org_id AS "orgId", o.name AS "orgName", o.path AS "orgPath", k.instructor_id AS "instructorId", i.name AS "instructorName",
         to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
         k.capacity, k.enrolled_count AS "enrolledCount", k.waitlist_count AS "waitlistCount", k.location,
         ${EFFECTIVE_STATUS} AS status,
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'location', s.location, 'cancelledAt', s.cancelled_at) ORDER BY s.starts_at)
                     FROM class_sessions s WHERE s.class_id = k.id), '[]'::json) AS sessions
    FROM classes k
    JOIN courses c ON c.id = k.course_id
    JOIN organizations o ON o.id = k.org_id
    LEFT JOIN users i ON i.id = k.instructor_id`;

export interface ClassRow {
  id: string;
  courseId: string;
  courseCode: string;
  titleZh: string;
  titleEn: string;
  category: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  instructorId: string | null;
  instructorName: string | null;
  startsOn: string;
  endsOn: string;
  capacity: number;
  enrolledCount: number;
  waitlistCount: number;
  location: string;
  status: string;
  sessions: { id: string; startsAt: string; endsAt: string; location: string; cancelledAt: string | null }[];
}
