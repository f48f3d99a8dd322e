-- assessment
SELECT
  c.published
FROM
  assessments a
  JOIN courses c ON c.id = a.course_id
WHERE
  a.id = $1;

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

-- certificate
SELECT
  o.path AS "orgPath",
  z.learner_id AS "subjectId"
FROM
  certificates z
  JOIN organizations o ON o.id = z.org_id
WHERE
  z.id = $1;

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

-- course
SELECT
  o.path AS "orgPath",
  c.published
FROM
  courses c
  LEFT JOIN organizations o ON o.id = c.owner_org_id
WHERE
  c.id = $1;

-- enrollee
SELECT
  o.path AS "orgPath",
  u.id AS "subjectId"
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.role = 'learner'
  AND u.status = 'active';

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

-- qualification
SELECT
  o.path AS "orgPath",
  x.learner_id AS "subjectId"
FROM
  external_credentials x
  JOIN users u ON u.id = x.learner_id
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  x.id = $1
  AND u.status = 'active';

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
