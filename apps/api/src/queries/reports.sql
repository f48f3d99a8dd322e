-- reports.summary
SELECT
  (
    SELECT
      row_to_json(x)
    FROM
      (
        SELECT
          coalesce(st.learners, 0) AS learners,
          coalesce(st.volunteer_mothers, 0) AS volunteer_mothers,
          coalesce(st.ready_volunteer_mothers, 0) AS ready_volunteer_mothers,
          t.*
        FROM
          (
            SELECT
              coalesce(sum(s.enrollments), 0)::int AS enrollments,
              coalesce(sum(s.marks), 0)::int AS marks,
              coalesce(sum(s.attended), 0)::int AS attended,
              coalesce(sum(s.certificates), 0)::int AS certificates,
              coalesce(sum(s.referrals), 0)::int AS referrals,
              coalesce(sum(s.hires), 0)::int AS hires
            FROM
              org_stats_subtree s
            WHERE
              s.org_id = $1
              AND s.month BETWEEN $2 AND $3
          ) t
          LEFT JOIN org_state_subtree st ON st.org_id = $1
      ) x
  ) AS self,
  (
    SELECT
      coalesce(
        json_agg(
          x
          ORDER BY
            x.name
        ),
        '[]'
      )
    FROM
      (
        SELECT
          o.id,
          o.name,
          o.kind,
          coalesce(st.learners, 0) AS learners,
          coalesce(st.volunteer_mothers, 0) AS volunteer_mothers,
          coalesce(st.ready_volunteer_mothers, 0) AS ready_volunteer_mothers,
          coalesce(sum(s.enrollments), 0)::int AS enrollments,
          coalesce(sum(s.marks), 0)::int AS marks,
          coalesce(sum(s.attended), 0)::int AS attended,
          coalesce(sum(s.certificates), 0)::int AS certificates,
          coalesce(sum(s.referrals), 0)::int AS referrals,
          coalesce(sum(s.hires), 0)::int AS hires
        FROM
          organizations o
          LEFT JOIN org_state_subtree st ON st.org_id = o.id
          LEFT JOIN org_stats_subtree s ON s.org_id = o.id
          AND s.month BETWEEN $2 AND $3
        WHERE
          o.parent_id = $1
        GROUP BY
          o.id,
          o.name,
          o.kind,
          st.learners,
          st.volunteer_mothers,
          st.ready_volunteer_mothers
      ) x
  ) AS children,
  (
    SELECT
      coalesce(
        json_agg(
          x
          ORDER BY
            x.month
        ),
        '[]'
      )
    FROM
      (
        SELECT
          to_char(s.month, 'YYYY-MM') AS MONTH,
          sum(s.enrollments)::int AS enrollments,
          sum(s.certificates)::int AS certificates,
          sum(s.referrals)::int AS referrals,
          sum(s.hires)::int AS hires,
          sum(s.marks)::int AS marks,
          sum(s.attended)::int AS attended
        FROM
          org_stats_subtree s
        WHERE
          s.org_id = $1
          AND s.month BETWEEN $2 AND $3
        GROUP BY
          s.month
      ) x
  ) AS trend,
  (
    SELECT
      coalesce(
        json_agg(
          x
          ORDER BY
            x.code
        ),
        '[]'
      )
    FROM
      (
        SELECT
          c.id AS "courseId",
          c.code,
          c.title_zh,
          c.title_en,
          c.category,
          sum(s.enrollments)::int AS enrollments,
          sum(s.certificates)::int AS certificates,
          sum(s.marks)::int AS marks,
          sum(s.attended)::int AS attended
        FROM
          org_stats_subtree s
          JOIN courses c ON c.id = s.course_id
        WHERE
          s.org_id = $1
          AND s.month BETWEEN $2 AND $3
        GROUP BY
          c.id
      ) x
  ) AS by_course,
  (
    SELECT
      row_to_json(x)
    FROM
      (
        SELECT
          coalesce(referred, 0) AS referred,
          coalesce(contacted, 0) AS contacted,
          coalesce(interviewing, 0) AS interviewing,
          coalesce(hired, 0) AS hired,
          coalesce(not_hired, 0) AS "notHired",
          coalesce(withdrawn, 0) AS withdrawn
        FROM
          (
            SELECT
              1
          ) one
          LEFT JOIN org_state_subtree st ON st.org_id = $1
      ) x
  ) AS funnel,
  (
    SELECT
      refreshed_at
    FROM
      stats_refreshes
  ) AS refreshed_at,
  (
    SELECT
      count(*)::int
    FROM
      stats_dirty
  ) AS pending;

-- reports.claimDirty
SELECT
  pg_try_advisory_xact_lock($1) AS locked;
INSERT INTO
  stats_dirty (org_id)
SELECT DISTINCT
  k.org_id
FROM
  class_sessions s
  JOIN classes k ON k.id = s.class_id,
  stats_refreshes r
WHERE
  s.starts_at > r.refreshed_at
  AND s.starts_at <= now()
ON CONFLICT DO NOTHING;
INSERT INTO
  stats_dirty (org_id)
SELECT DISTINCT
  u.org_id
FROM
  certificates z
  JOIN users u ON u.id = z.learner_id,
  stats_refreshes r
WHERE
  z.status = 'valid'
  AND z.expires_at > r.refreshed_at
  AND z.expires_at <= now()
  AND u.org_id IS NOT NULL
ON CONFLICT DO NOTHING;
UPDATE stats_refreshes
SET
  refreshed_at = now()
WHERE
  id = 1;
DELETE FROM stats_dirty
WHERE
  org_id IN (
    SELECT
      org_id
    FROM
      stats_dirty
    ORDER BY
      since
    LIMIT
      $1
    FOR UPDATE
      SKIP LOCKED
  )
RETURNING
  org_id;

-- reports.lockRecompute
SELECT
  pg_advisory_xact_lock($1);

-- reports.markDirty
INSERT INTO
  stats_dirty (org_id)
SELECT
  unnest($1::UUID[])
ON CONFLICT DO NOTHING;

-- reports.recomputeDirect
DELETE FROM org_stats_direct
WHERE
  org_id = ANY ($1);
INSERT INTO
  org_stats_direct (
    org_id,
    MONTH,
    course_id,
    enrollments,
    marks,
    attended,
    certificates,
    referrals,
    hires
  )
SELECT
  org_id,
  MONTH,
  course_id,
  sum(enrollments),
  sum(marks),
  sum(attended),
  sum(certificates),
  sum(referrals),
  sum(hires)
FROM
  (
    SELECT
      k.org_id,
      date_trunc(
        'month',
        e.created_at AT TIME ZONE 'Asia/Shanghai'
      )::date AS MONTH,
      k.course_id,
      count(*) AS enrollments,
      0 AS marks,
      0 AS attended,
      0 AS certificates,
      0 AS referrals,
      0 AS hires
    FROM
      enrollments e
      JOIN classes k ON k.id = e.class_id
    WHERE
      k.org_id = ANY ($1)
      AND e.status <> 'withdrawn'
    GROUP BY
      1,
      2,
      3
    UNION ALL
    -- Attendance as the learner sees it: each enrolled learner × each session held so far, attended = present or late.
    SELECT
      k.org_id,
      date_trunc('month', s.starts_at AT TIME ZONE 'Asia/Shanghai')::date,
      k.course_id,
      0,
      count(*),
      count(*) FILTER (
        WHERE
          m.status IN ('present', 'late')
      ),
      0,
      0,
      0
    FROM
      classes k
      JOIN class_sessions s ON s.class_id = k.id
      AND s.starts_at < now()
      AND s.cancelled_at IS NULL
      JOIN enrollments e ON e.class_id = k.id
      AND e.status IN ('enrolled', 'completed', 'failed')
      LEFT JOIN attendance_marks m ON m.session_id = s.id
      AND m.learner_id = e.learner_id
    WHERE
      k.org_id = ANY ($1)
    GROUP BY
      1,
      2,
      3
    UNION ALL
    SELECT
      z.org_id,
      date_trunc('month', z.issued_at AT TIME ZONE 'Asia/Shanghai')::date,
      z.course_id,
      0,
      0,
      0,
      count(*),
      0,
      0
    FROM
      certificates z
    WHERE
      z.org_id = ANY ($1)
      AND z.status = 'valid'
    GROUP BY
      1,
      2,
      3
    UNION ALL
    SELECT
      f.org_id,
      date_trunc(
        'month',
        f.created_at AT TIME ZONE 'Asia/Shanghai'
      )::date,
      '00000000-0000-0000-0000-000000000000'::uuid,
      0,
      0,
      0,
      0,
      count(*),
      0
    FROM
      referrals f
    WHERE
      f.org_id = ANY ($1)
    GROUP BY
      1,
      2
    UNION ALL
    SELECT
      f.org_id,
      date_trunc('month', f.hired_at AT TIME ZONE 'Asia/Shanghai')::date,
      '00000000-0000-0000-0000-000000000000'::uuid,
      0,
      0,
      0,
      0,
      0,
      count(*)
    FROM
      referrals f
    WHERE
      f.org_id = ANY ($1)
      AND f.status = 'hired'
      AND f.hired_at IS NOT NULL
    GROUP BY
      1,
      2
  ) x
GROUP BY
  org_id,
  MONTH,
  course_id;
DELETE FROM org_state_direct
WHERE
  org_id = ANY ($1);
INSERT INTO
  org_state_direct (
    org_id,
    learners,
    volunteer_mothers,
    ready_volunteer_mothers,
    referred,
    contacted,
    interviewing,
    hired,
    not_hired,
    withdrawn
  )
SELECT
  o.id,
  coalesce(p.learners, 0),
  coalesce(p.volunteer_mothers, 0),
  coalesce(p.ready, 0),
  coalesce(f.referred, 0),
  coalesce(f.contacted, 0),
  coalesce(f.interviewing, 0),
  coalesce(f.hired, 0),
  coalesce(f.not_hired, 0),
  coalesce(f.withdrawn, 0)
FROM
  organizations o
  LEFT JOIN LATERAL (
    SELECT
      count(*) AS learners,
      count(*) FILTER (
        WHERE
          u.learner_type = 'volunteer_mother'
      ) AS volunteer_mothers,
      count(*) FILTER (
        WHERE
          u.learner_type = 'volunteer_mother'
          AND NOT EXISTS (
            SELECT
              1
            FROM
              courses c
            WHERE
              c.required_for_volunteers
              AND c.published
              AND NOT EXISTS (
                SELECT
                  1
                FROM
                  certificates z
                WHERE
                  z.learner_id = u.id
                  AND z.course_id = c.id
                  AND z.status = 'valid'
                  AND (
                    z.expires_at IS NULL
                    OR z.expires_at > now()
                  )
              )
          )
      ) AS ready
    FROM
      users u
    WHERE
      u.org_id = o.id
      AND u.role = 'learner'
      AND u.status <> 'erased'
  ) p ON TRUE
  LEFT JOIN LATERAL (
    SELECT
      count(*) FILTER (
        WHERE
          status = 'referred'
      ) AS referred,
      count(*) FILTER (
        WHERE
          status = 'contacted'
      ) AS contacted,
      count(*) FILTER (
        WHERE
          status = 'interviewing'
      ) AS interviewing,
      count(*) FILTER (
        WHERE
          status = 'hired'
      ) AS hired,
      count(*) FILTER (
        WHERE
          status = 'not_hired'
      ) AS not_hired,
      count(*) FILTER (
        WHERE
          status = 'withdrawn'
      ) AS withdrawn
    FROM
      referrals
    WHERE
      org_id = o.id
  ) f ON TRUE
WHERE
  o.id = ANY ($1);

-- reports.rollUp
WITH
  chain AS (
    SELECT DISTINCT
      unnest(
        string_to_array(
          trim(
            BOTH '/'
            FROM
              path
          ),
          '/'
        )
      )::uuid AS id
    FROM
      organizations
    WHERE
      id = ANY ($1)
  )
SELECT
  o.depth,
  array_agg(o.id) AS ids
FROM
  chain
  JOIN organizations o ON o.id = chain.id
GROUP BY
  o.depth
ORDER BY
  o.depth DESC;
