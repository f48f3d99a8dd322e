-- readiness.findLearner
SELECT
  o.path,
  u.learner_type,
  u.name
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.role = 'learner'
  AND u.status = 'active';

-- readiness.requiredCourses
SELECT
  c.id,
  c.code,
  c.title_zh,
  c.title_en,
  best.code AS cert_code,
  best.expires_at,
  best.issued_at,
  CASE
    WHEN best.code IS NULL THEN 'missing'
    WHEN best.expires_at IS NOT NULL
    AND best.expires_at <= now() THEN 'expired'
    WHEN best.expires_at IS NOT NULL
    AND best.expires_at <= now() + interval '30 days' THEN 'expiring'
    ELSE 'done'
  END AS state
FROM
  courses c
  LEFT JOIN LATERAL (
    SELECT
      z.code,
      z.expires_at,
      z.issued_at
    FROM
      certificates z
    WHERE
      z.learner_id = $1
      AND z.course_id = c.id
      AND z.status = 'valid'
    ORDER BY
      (
        z.expires_at IS NULL
        OR z.expires_at > now()
      ) DESC,
      z.expires_at DESC NULLS FIRST
    LIMIT
      1
  ) best ON TRUE
WHERE
  c.required_for_volunteers
  AND c.published
ORDER BY
  CASE c.category
    WHEN 'law' THEN 1
    ELSE 2
  END,
  c.code;

-- readiness.nextClasses
SELECT DISTINCT
  ON (k.course_id) k.course_id,
  k.id,
  to_char(k.starts_on, 'YYYY-MM-DD') AS starts_on,
  o.name AS org_name
FROM
  classes k
  JOIN organizations o ON o.id = k.org_id
  JOIN courses c ON c.id = k.course_id
WHERE
  c.required_for_volunteers
  AND k.status IN ('scheduled', 'running')
  AND k.ends_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
ORDER BY
  k.course_id,
  (o.path LIKE $1) DESC,
  (
    k.starts_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
  ) DESC,
  k.starts_on;

-- readiness.volunteers
WITH
  required AS (
    SELECT
      id
    FROM
      courses
    WHERE
      required_for_volunteers
      AND published
  ),
  v AS (
    SELECT
      u.id,
      u.name,
      u.phone,
      o.name AS org_name,
      (
        SELECT
          count(*)
        FROM
          required r
        WHERE
          EXISTS (
            SELECT
              1
            FROM
              certificates z
            WHERE
              z.learner_id = u.id
              AND z.course_id = r.id
              AND z.status = 'valid'
              AND (
                z.expires_at IS NULL
                OR z.expires_at > now()
              )
          )
      )::int AS done,
      (
        SELECT
          count(*)
        FROM
          required
      )::int AS required
    FROM
      users u
      JOIN organizations o ON o.id = u.org_id
    WHERE
      u.role = 'learner'
      AND u.learner_type = 'volunteer_mother'
      AND u.status = 'active'
      AND (o.path LIKE $4)
  )
SELECT
  *,
  done = required AS ready,
  count(*) OVER () AS total
FROM
  v
WHERE
  $1::boolean IS NULL
  OR (done = required) = $1
ORDER BY
  ready DESC,
  name
LIMIT
  $2
OFFSET
  $3;
