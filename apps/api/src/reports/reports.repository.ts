import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CHINA_TZ } from '../common/china-time.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/**
 * The province (or any org's) summary as one statement: six sub-selects returned as JSON, one round
 * trip instead of six reads queued one after another on a busy pool. $1 org id, $2/$3 first and last
 * month. Exported as text so the benchmark replays exactly this statement as its anchor.
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

const NO_COURSE = '00000000-0000-0000-0000-000000000000';
/** Arbitrary constant: one refresher at a time across all API instances. */
const REFRESH_LOCK = 727_002;

const MONTH = (column: string) => `date_trunc('month', ${column} AT TIME ZONE '${CHINA_TZ}')::date`;

/** The dashboard aggregates: read by the reports, kept current by StatsRefreshService. */
@SqlRepository('reports')
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID, '2026-01-01', '2026-12-01'])
  async summary(orgId: string, firstMonth: string, lastMonth: string) {
    const [r] = await this.db.query(SUMMARY_SQL, [orgId, firstMonth, lastMonth]);
    return r;
  }

  /**
   * Claims up to `batch` dirty orgs (their marks are removed); null when another instance is claiming.
   * Sessions held and certificates expired since the last run are marked dirty first.
   */
  @SqlExample(() => [500, undefined])
  async claimDirty(batch: number, tx: EntityManager = this.db.manager): Promise<string[] | null> {
    const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [REFRESH_LOCK]);
    if (!locked) return null;
    // Sessions that started since the last run are now held: they count in the attendance rate.
    await tx.query(
      `INSERT INTO stats_dirty (org_id)
       SELECT DISTINCT k.org_id FROM class_sessions s JOIN classes k ON k.id = s.class_id, stats_refreshes r
        WHERE s.starts_at > r.refreshed_at AND s.starts_at <= now()
       ON CONFLICT DO NOTHING`,
    );
    // Certificates that expired since the last run change readiness without any write.
    await tx.query(
      `INSERT INTO stats_dirty (org_id)
       SELECT DISTINCT u.org_id FROM certificates z JOIN users u ON u.id = z.learner_id, stats_refreshes r
        WHERE z.status = 'valid' AND z.expires_at > r.refreshed_at AND z.expires_at <= now() AND u.org_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    await tx.query(`UPDATE stats_refreshes SET refreshed_at = now() WHERE id = 1`);
    const claimed = await queryRows<{ org_id: string }>(
      tx,
      `DELETE FROM stats_dirty WHERE org_id IN (SELECT org_id FROM stats_dirty ORDER BY since LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING org_id`,
      [batch],
    );
    return claimed.map((c) => c.org_id);
  }

  /** Roll-ups of overlapping ancestors must not interleave: one recompute at a time (until `tx` ends). */
  @SqlExample(() => [undefined])
  async lockRecompute(tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [REFRESH_LOCK + 1]);
  }

  /** Dirty orgs go back on the list, for the next run. */
  @SqlExample(() => [[Example.ID]])
  async markDirty(orgs: string[]): Promise<void> {
    await this.db.query(`INSERT INTO stats_dirty (org_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [orgs]);
  }

  /** Each org's own numbers, from the records. */
  @SqlExample(() => [[Example.ID], undefined])
  async recomputeDirect(orgs: string[], tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`DELETE FROM org_stats_direct WHERE org_id = ANY($1)`, [orgs]);
    await tx.query(
      `INSERT INTO org_stats_direct (org_id, month, course_id, enrollments, marks, attended, certificates, referrals, hires)
       SELECT org_id, month, course_id, sum(enrollments), sum(marks), sum(attended), sum(certificates), sum(referrals), sum(hires) FROM (
         SELECT k.org_id, ${MONTH('e.created_at')} AS month, k.course_id, count(*) AS enrollments, 0 AS marks, 0 AS attended, 0 AS certificates, 0 AS referrals, 0 AS hires
           FROM enrollments e JOIN classes k ON k.id = e.class_id
          WHERE k.org_id = ANY($1) AND e.status <> 'withdrawn' GROUP BY 1, 2, 3
         UNION ALL
         -- Attendance as the learner sees it: each enrolled learner × each session held so far, attended = present or late.
         SELECT k.org_id, ${MONTH('s.starts_at')}, k.course_id, 0, count(*), count(*) FILTER (WHERE m.status IN ('present','late')), 0, 0, 0
           FROM classes k JOIN class_sessions s ON s.class_id = k.id AND s.starts_at < now() AND s.cancelled_at IS NULL
           JOIN enrollments e ON e.class_id = k.id AND e.status IN ('enrolled','completed','failed')
           LEFT JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = e.learner_id
          WHERE k.org_id = ANY($1) GROUP BY 1, 2, 3
         UNION ALL
         SELECT z.org_id, ${MONTH('z.issued_at')}, z.course_id, 0, 0, 0, count(*), 0, 0
           FROM certificates z WHERE z.org_id = ANY($1) AND z.status = 'valid' GROUP BY 1, 2, 3
         UNION ALL
         SELECT f.org_id, ${MONTH('f.created_at')}, '${NO_COURSE}'::uuid, 0, 0, 0, 0, count(*), 0
           FROM referrals f WHERE f.org_id = ANY($1) GROUP BY 1, 2
         UNION ALL
         SELECT f.org_id, ${MONTH('f.hired_at')}, '${NO_COURSE}'::uuid, 0, 0, 0, 0, 0, count(*)
           FROM referrals f WHERE f.org_id = ANY($1) AND f.status = 'hired' AND f.hired_at IS NOT NULL GROUP BY 1, 2
       ) x GROUP BY org_id, month, course_id`,
      [orgs],
    );
    await tx.query(`DELETE FROM org_state_direct WHERE org_id = ANY($1)`, [orgs]);
    await tx.query(
      `INSERT INTO org_state_direct (org_id, learners, volunteer_mothers, ready_volunteer_mothers, referred, contacted, interviewing, hired, not_hired, withdrawn)
       SELECT o.id,
              coalesce(p.learners, 0), coalesce(p.volunteer_mothers, 0), coalesce(p.ready, 0),
              coalesce(f.referred, 0), coalesce(f.contacted, 0), coalesce(f.interviewing, 0), coalesce(f.hired, 0), coalesce(f.not_hired, 0), coalesce(f.withdrawn, 0)
         FROM organizations o
         LEFT JOIN LATERAL (
           SELECT count(*) AS learners,
                  count(*) FILTER (WHERE u.learner_type = 'volunteer_mother') AS volunteer_mothers,
                  count(*) FILTER (WHERE u.learner_type = 'volunteer_mother' AND NOT EXISTS (
                    SELECT 1 FROM courses c WHERE c.required_for_volunteers AND c.published AND NOT EXISTS (
                      SELECT 1 FROM certificates z WHERE z.learner_id = u.id AND z.course_id = c.id AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now())))) AS ready
             FROM users u WHERE u.org_id = o.id AND u.role = 'learner' AND u.status <> 'erased'
         ) p ON true
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE status = 'referred') AS referred, count(*) FILTER (WHERE status = 'contacted') AS contacted,
                  count(*) FILTER (WHERE status = 'interviewing') AS interviewing, count(*) FILTER (WHERE status = 'hired') AS hired,
                  count(*) FILTER (WHERE status = 'not_hired') AS not_hired, count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn
             FROM referrals WHERE org_id = o.id
         ) f ON true
        WHERE o.id = ANY($1)`,
      [orgs],
    );
  }

  /** Subtree totals = own numbers + children's subtree totals, for the orgs and all their ancestors, deepest level first. */
  @SqlExample(() => [[Example.ID], undefined])
  async rollUp(orgs: string[], tx: EntityManager = this.db.manager): Promise<void> {
    const levels: { depth: number; ids: string[] }[] = await tx.query(
      `WITH chain AS (
         SELECT DISTINCT unnest(string_to_array(trim(both '/' from path), '/'))::uuid AS id FROM organizations WHERE id = ANY($1)
       )
       SELECT o.depth, array_agg(o.id) AS ids FROM chain JOIN organizations o ON o.id = chain.id GROUP BY o.depth ORDER BY o.depth DESC`,
      [orgs],
    );
    for (const level of levels) {
      await tx.query(`DELETE FROM org_stats_subtree WHERE org_id = ANY($1)`, [level.ids]);
      await tx.query(
        `INSERT INTO org_stats_subtree (org_id, month, course_id, enrollments, marks, attended, certificates, referrals, hires)
         SELECT org_id, month, course_id, sum(enrollments), sum(marks), sum(attended), sum(certificates), sum(referrals), sum(hires) FROM (
           SELECT org_id, month, course_id, enrollments, marks, attended, certificates, referrals, hires FROM org_stats_direct WHERE org_id = ANY($1)
           UNION ALL
           SELECT o.parent_id, s.month, s.course_id, s.enrollments, s.marks, s.attended, s.certificates, s.referrals, s.hires
             FROM org_stats_subtree s JOIN organizations o ON o.id = s.org_id WHERE o.parent_id = ANY($1)
         ) x GROUP BY org_id, month, course_id`,
        [level.ids],
      );
      await tx.query(`DELETE FROM org_state_subtree WHERE org_id = ANY($1)`, [level.ids]);
      await tx.query(
        `INSERT INTO org_state_subtree (org_id, learners, volunteer_mothers, ready_volunteer_mothers, referred, contacted, interviewing, hired, not_hired, withdrawn)
         SELECT org_id, sum(learners), sum(volunteer_mothers), sum(ready_volunteer_mothers), sum(referred), sum(contacted), sum(interviewing), sum(hired), sum(not_hired), sum(withdrawn) FROM (
           SELECT * FROM org_state_direct WHERE org_id = ANY($1)
           UNION ALL
           SELECT o.parent_id, s.learners, s.volunteer_mothers, s.ready_volunteer_mothers, s.referred, s.contacted, s.interviewing, s.hired, s.not_hired, s.withdrawn
             FROM org_state_subtree s JOIN organizations o ON o.id = s.org_id WHERE o.parent_id = ANY($1)
         ) x GROUP BY org_id`,
        [level.ids],
      );
    }
  }
}
