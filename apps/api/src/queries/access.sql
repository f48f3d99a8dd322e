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

-- org
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
