-- audit
SELECT
  coalesce(
    o.path,
    (
      SELECT
        r.path
      FROM
        organizations r
      WHERE
        r.parent_id IS NULL
      ORDER BY
        r.path
      LIMIT
        1
    )
  ) AS "orgPath"
FROM
  audit_events a
  LEFT JOIN organizations o ON o.id = a.org_id
WHERE
  a.id = $1::bigint;

-- class
SELECT
  o.path AS "orgPath",
  k.instructor_id AS "instructorId",
  c.published
FROM
  classes k
  JOIN organizations o ON o.id = k.org_id
  JOIN courses c ON c.id = k.course_id
WHERE
  k.id = $1;

-- enrollment
SELECT
  o.path AS "orgPath",
  e.learner_id AS "subjectId",
  k.instructor_id AS "instructorId"
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  e.id = $1;

-- org
SELECT
  path AS "orgPath"
FROM
  organizations
WHERE
  id = $1;

-- session
SELECT
  o.path AS "orgPath",
  k.instructor_id AS "instructorId"
FROM
  class_sessions s
  JOIN classes k ON k.id = s.class_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  s.id = $1;

-- user
SELECT
  o.path AS "orgPath",
  u.id AS "subjectId"
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.status = 'active';
