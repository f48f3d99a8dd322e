-- users.findActive
SELECT
  u.id,
  u.phone,
  u.role,
  u.org_id AS "orgId",
  (u.password_hash IS NOT NULL) AS "hasPassword",
  o.path
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.status = 'active';

-- users.insert
INSERT INTO
  users (
    phone,
    name,
    password_hash,
    password_from_staff,
    role,
    org_id,
    learner_type,
    employer_id
  )
VALUES
  ($1, $2, $3, TRUE, $4, $5, $6, $7)
ON CONFLICT (phone)
WHERE
  phone IS NOT NULL DO NOTHING
RETURNING
  id,
  phone,
  name,
  role,
  org_id AS "orgId",
  learner_type AS "learnerType",
  employer_id AS "employerId",
  locale,
  created_at AS "createdAt";

-- users.resetPassword
UPDATE users
SET
  password_hash = $2,
  password_from_staff = TRUE,
  token_version = token_version + 1,
  updated_at = now()
WHERE
  id = $1;
UPDATE refresh_tokens
SET
  revoked_at = now()
WHERE
  user_id = $1
  AND revoked_at IS NULL;
DELETE FROM account_claims
WHERE
  user_id = $1;

-- users.list
SELECT
  u.id,
  u.phone,
  u.name,
  u.role,
  u.org_id AS "orgId",
  u.learner_type AS "learnerType",
  u.employer_id AS "employerId",
  u.locale,
  u.status,
  u.created_at AS "createdAt",
  o.name AS "orgName",
  (u.password_hash IS NOT NULL) AS activated,
  count(*) OVER () AS total
FROM
  users u
  JOIN organizations o ON o.id = u.org_id
WHERE
  (o.path LIKE $1)
  AND u.status = 'active'
  AND o.path LIKE $2
  AND u.role = $3
  AND (
    u.name ILIKE $4 ESCAPE '\'
    OR u.phone LIKE $5 ESCAPE '\'
  )
ORDER BY
  u.created_at DESC,
  u.id
LIMIT
  $6
OFFSET
  $7;
SELECT
  count(*) AS total
FROM
  users u
  JOIN organizations o ON o.id = u.org_id
WHERE
  (o.path LIKE $1)
  AND u.status = 'active'
  AND o.path LIKE $2
  AND u.role = $3
  AND (
    u.name ILIKE $4 ESCAPE '\'
    OR u.phone LIKE $5 ESCAPE '\'
  );
