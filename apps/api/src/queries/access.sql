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

-- employer
SELECT
  o.path AS "orgPath",
  e.id AS "employerId"
FROM
  employers e
  JOIN organizations o ON o.id = e.org_id
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
