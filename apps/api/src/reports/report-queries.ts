/**
 * The province (or any org's) summary as one statement: six sub-selects returned as JSON, one round
 * trip instead of six reads queued one after another on a busy pool. $1 org id, $2/$3 first and last
 * month. A plain module (no imports) so the benchmark replays exactly this text as its anchor.
 */
const STATE_COLUMNS = `coalesce(st.learners, 0) AS learners, coalesce(st.volunteer_mothers, 0) AS volunteer_mothers, coalesce(st.ready_volunteer_mothers, 0) AS ready_volunteer_mothers`;
const SUM_COLUMNS = `coalesce(sum(s.enrollments), 0)::int AS enrollments, coalesce(sum(s.marks), 0)::int AS marks, coalesce(sum(s.attended), 0)::int AS attended,
  coalesce(sum(s.certificates), 0)::int AS certificates, coalesce(sum(s.referrals), 0)::int AS referrals, coalesce(sum(s.hires), 0)::int AS hires`;

export const SUMMARY_SQL = `SELECT
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
