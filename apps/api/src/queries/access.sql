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

-- employer
SELECT
  o.path AS "orgPath",
  e.id AS "employerId"
FROM
  employers e
  JOIN organizations o ON o.id = e.org_id
WHERE
  e.id = $1;

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

-- followup
SELECT
  o.path AS "orgPath",
  f.employer_id AS "employerId"
FROM
  placement_followups p
  JOIN referrals f ON f.id = p.referral_id
  JOIN organizations o ON o.id = f.org_id
WHERE
  p.id = $1;

-- import
SELECT
  o.path AS "orgPath",
  j.created_by AS "createdBy"
FROM
  import_jobs j
  JOIN organizations o ON o.id = j.org_id
WHERE
  j.id = $1;

-- job
SELECT
  o.path AS "orgPath",
  j.employer_id AS "employerId",
  (j.status = 'open') AS published
FROM
  job_openings j
  JOIN employers e ON e.id = j.employer_id
  JOIN organizations o ON o.id = e.org_id
WHERE
  j.id = $1;

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

-- readiness
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

-- referral
SELECT
  o.path AS "orgPath",
  f.learner_id AS "subjectId",
  f.employer_id AS "employerId"
FROM
  referrals f
  JOIN organizations o ON o.id = f.org_id
WHERE
  f.id = $1;

-- report
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
