-- jobs.insertEmployer
INSERT INTO
  employers (
    org_id,
    name,
    industry,
    contact_name,
    contact_phone
  )
VALUES
  ($1, $2, $3, $4, $5)
RETURNING
  id,
  org_id AS "orgId",
  name,
  industry,
  contact_name AS "contactName",
  contact_phone AS "contactPhone",
  created_at AS "createdAt";

-- jobs.listEmployers
SELECT
  e.id,
  e.org_id AS "orgId",
  o.name AS "orgName",
  e.name,
  e.industry,
  e.contact_name AS "contactName",
  e.contact_phone AS "contactPhone",
  (
    SELECT
      count(*)::int
    FROM
      job_openings j
    WHERE
      j.employer_id = e.id
      AND j.status = 'open'
  ) AS "openJobs"
FROM
  employers e
  JOIN organizations o ON o.id = e.org_id
WHERE
  (o.path LIKE $1)
ORDER BY
  e.name;

-- jobs.findEmployer
SELECT
  e.id,
  e.org_id AS "orgId",
  o.path
FROM
  employers e
  JOIN organizations o ON o.id = e.org_id
WHERE
  e.id = $1;

-- jobs.countCourses
SELECT
  id
FROM
  courses
WHERE
  id = ANY ($1);

-- jobs.insertJob
INSERT INTO
  job_openings (
    employer_id,
    title,
    description,
    location,
    positions,
    wage_min,
    wage_max,
    created_by
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING
  id;

-- jobs.findJob
SELECT
  j.id,
  j.employer_id AS "employerId",
  e.name AS "employerName",
  e.industry,
  j.title,
  j.description,
  j.location,
  j.positions,
  j.wage_min AS "wageMin",
  j.wage_max AS "wageMax",
  j.status,
  j.created_at AS "createdAt",
  o.path,
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object('id', c.id, 'code', c.code, 'title', c.title_zh)
          ORDER BY
            c.code
        )
      FROM
        job_required_courses r
        JOIN courses c ON c.id = r.course_id
      WHERE
        r.job_id = j.id
    ),
    '[]'
  ) AS "requiredCourses",
  coalesce(
    (
      SELECT
        json_agg(
          a.occupation
          ORDER BY
            a.occupation
        )
      FROM
        job_accepted_qualifications a
      WHERE
        a.job_id = j.id
    ),
    '[]'
  ) AS "acceptedQualifications",
  (
    SELECT
      count(*)::int
    FROM
      referrals f
    WHERE
      f.job_id = j.id
  ) AS "referralCount",
  (
    SELECT
      count(*)::int
    FROM
      referrals f
    WHERE
      f.job_id = j.id
      AND f.status = 'hired'
  ) AS "hiredCount"
FROM
  job_openings j
  JOIN employers e ON e.id = j.employer_id
  JOIN organizations o ON o.id = e.org_id
WHERE
  j.id = $1;

-- jobs.listJobs
SELECT
  j.id,
  j.employer_id AS "employerId",
  e.name AS "employerName",
  e.industry,
  j.title,
  j.description,
  j.location,
  j.positions,
  j.wage_min AS "wageMin",
  j.wage_max AS "wageMax",
  j.status,
  j.created_at AS "createdAt",
  o.path,
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object('id', c.id, 'code', c.code, 'title', c.title_zh)
          ORDER BY
            c.code
        )
      FROM
        job_required_courses r
        JOIN courses c ON c.id = r.course_id
      WHERE
        r.job_id = j.id
    ),
    '[]'
  ) AS "requiredCourses",
  coalesce(
    (
      SELECT
        json_agg(
          a.occupation
          ORDER BY
            a.occupation
        )
      FROM
        job_accepted_qualifications a
      WHERE
        a.job_id = j.id
    ),
    '[]'
  ) AS "acceptedQualifications",
  (
    SELECT
      count(*)::int
    FROM
      referrals f
    WHERE
      f.job_id = j.id
  ) AS "referralCount",
  (
    SELECT
      count(*)::int
    FROM
      referrals f
    WHERE
      f.job_id = j.id
      AND f.status = 'hired'
  ) AS "hiredCount"
FROM
  job_openings j
  JOIN employers e ON e.id = j.employer_id
  JOIN organizations o ON o.id = e.org_id
WHERE
  ((j.status = 'open'))
  AND j.status = 'open'
ORDER BY
  j.created_at DESC,
  j.id
LIMIT
  20
OFFSET
  0;
SELECT
  count(*)::int AS n
FROM
  job_openings j
  JOIN employers e ON e.id = j.employer_id
  JOIN organizations o ON o.id = e.org_id
WHERE
  ((j.status = 'open'))
  AND j.status = 'open';

-- jobs.fit
SELECT
  j.id AS "jobId",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'id',
            m.id,
            'code',
            m.code,
            'title_zh',
            m.title_zh,
            'title_en',
            m.title_en
          )
          ORDER BY
            m.code
        )
      FROM
        (
          SELECT
            c.id,
            c.code,
            c.title_zh,
            c.title_en
          FROM
            job_required_courses r
            JOIN courses c ON c.id = r.course_id
          WHERE
            r.job_id = j.id
            AND NOT (
              EXISTS (
                SELECT
                  1
                FROM
                  certificates z
                WHERE
                  z.learner_id = $2
                  AND z.course_id = r.course_id
                  AND z.status = 'valid'
                  AND (
                    z.expires_at IS NULL
                    OR z.expires_at > now()
                  )
              )
              OR EXISTS (
                SELECT
                  1
                FROM
                  external_credentials q
                WHERE
                  q.learner_id = $2
                  AND q.course_id = r.course_id
                  AND q.status = 'verified'
                  AND (
                    q.expires_on IS NULL
                    OR q.expires_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
                  )
              )
            )
          ORDER BY
            c.code
        ) m
    ),
    '[]'
  ) AS missing,
  EXISTS (
    SELECT
      1
    FROM
      external_credentials x
      JOIN job_accepted_qualifications a ON a.occupation = x.occupation
    WHERE
      a.job_id = j.id
      AND x.learner_id = $2
      AND x.status = 'verified'
      AND (
        x.expires_on IS NULL
        OR x.expires_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
      )
    LIMIT
      1
  ) AS accepted
FROM
  unnest($1::UUID[]) AS j (id);

-- jobs.unmetRequirements
SELECT
  c.id,
  c.code,
  c.title_zh,
  c.title_en
FROM
  job_required_courses r
  JOIN courses c ON c.id = r.course_id
WHERE
  r.job_id = $1
  AND NOT (
    EXISTS (
      SELECT
        1
      FROM
        certificates z
      WHERE
        z.learner_id = $2
        AND z.course_id = r.course_id
        AND z.status = 'valid'
        AND (
          z.expires_at IS NULL
          OR z.expires_at > now()
        )
    )
    OR EXISTS (
      SELECT
        1
      FROM
        external_credentials q
      WHERE
        q.learner_id = $2
        AND q.course_id = r.course_id
        AND q.status = 'verified'
        AND (
          q.expires_on IS NULL
          OR q.expires_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
        )
    )
  )
ORDER BY
  c.code;

-- jobs.setStatus
UPDATE job_openings
SET
  status = $2,
  updated_at = now()
WHERE
  id = $1
RETURNING
  id;

-- jobs.candidates
SELECT
  u.id AS "learnerId",
  u.name,
  o.name AS "orgName",
  u.learner_type AS "learnerType",
  (
    SELECT
      round(
        avg((m.status IN ('present', 'late'))::int)::numeric,
        4
      )::float
    FROM
      attendance_marks m
      JOIN class_sessions s ON s.id = m.session_id
      AND s.cancelled_at IS NULL
    WHERE
      m.learner_id = u.id
  ) AS "attendanceRate",
  (
    SELECT
      max(z.issued_at)
    FROM
      certificates z
    WHERE
      z.learner_id = u.id
      AND z.status = 'valid'
  ) AS "latestCertificateAt",
  (
    SELECT
      coalesce(sum(z.hours), 0)::float
    FROM
      certificates z
    WHERE
      z.learner_id = u.id
      AND z.status = 'valid'
  ) AS "classHours"
FROM
  users u
  JOIN organizations o ON o.id = u.org_id
WHERE
  u.role = 'learner'
  AND u.status = 'active'
  AND (o.path LIKE $2)
  AND (
    SELECT
      action
    FROM
      consent_events ce
    WHERE
      ce.learner_id = u.id
      AND ce.scope = 'referrals'
    ORDER BY
      ce.at DESC,
      ce.id DESC
    LIMIT
      1
  ) = 'grant'
  AND (
    NOT EXISTS (
      SELECT
        c.id,
        c.code,
        c.title_zh,
        c.title_en
      FROM
        job_required_courses r
        JOIN courses c ON c.id = r.course_id
      WHERE
        r.job_id = $1
        AND NOT (
          EXISTS (
            SELECT
              1
            FROM
              certificates z
            WHERE
              z.learner_id = u.id
              AND z.course_id = r.course_id
              AND z.status = 'valid'
              AND (
                z.expires_at IS NULL
                OR z.expires_at > now()
              )
          )
          OR EXISTS (
            SELECT
              1
            FROM
              external_credentials q
            WHERE
              q.learner_id = u.id
              AND q.course_id = r.course_id
              AND q.status = 'verified'
              AND (
                q.expires_on IS NULL
                OR q.expires_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
              )
          )
        )
      ORDER BY
        c.code
    )
    OR EXISTS (
      SELECT
        1
      FROM
        external_credentials x
        JOIN job_accepted_qualifications a ON a.occupation = x.occupation
      WHERE
        a.job_id = $1
        AND x.learner_id = u.id
        AND x.status = 'verified'
        AND (
          x.expires_on IS NULL
          OR x.expires_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
        )
      LIMIT
        1
    )
  )
  AND NOT EXISTS (
    SELECT
      1
    FROM
      referrals f
    WHERE
      f.learner_id = u.id
      AND f.job_id = $1
  )
ORDER BY
  "attendanceRate" DESC NULLS LAST,
  "latestCertificateAt" DESC NULLS LAST,
  u.name
LIMIT
  200;
