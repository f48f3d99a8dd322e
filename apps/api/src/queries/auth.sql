-- auth.authUser
SELECT
  u.id,
  u.role,
  u.name,
  u.phone,
  u.org_id AS "orgId",
  o.path AS "orgPath",
  o.kind AS "orgKind",
  o.name AS "orgName",
  u.employer_id AS "employerId",
  u.learner_type AS "learnerType",
  u.locale,
  u.password_from_staff AS "passwordFromStaff",
  u.token_version AS "tokenVersion"
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.status = 'active'
  AND EXISTS (
    SELECT
      1
    FROM
      refresh_tokens rt
    WHERE
      rt.family_id = $2
      AND rt.user_id = u.id
      AND rt.revoked_at IS NULL
  );

-- auth.lockUnclaimed
SELECT
  id
FROM
  users
WHERE
  phone = $1
  AND password_hash IS NULL
  AND role = 'learner'
  AND status = 'active'
FOR UPDATE;

-- auth.registerLearner
INSERT INTO
  users (
    phone,
    name,
    password_hash,
    role,
    org_id,
    learner_type,
    locale
  )
VALUES
  ($1, $2, $3, 'learner', $4, $5, $6)
ON CONFLICT (phone)
WHERE
  phone IS NOT NULL DO UPDATE
  -- A learner her club registered (no password yet) claims her account with the club's activation code (checked above).
SET
  password_hash = EXCLUDED.password_hash,
  password_from_staff = FALSE,
  name = EXCLUDED.name,
  locale = EXCLUDED.locale,
  updated_at = now()
WHERE
  users.password_hash IS NULL
  AND users.role = 'learner'
  AND users.status = 'active'
RETURNING
  id,
  phone,
  name,
  role,
  org_id AS "orgId",
  learner_type AS "learnerType",
  employer_id AS "employerId",
  locale,
  status,
  created_at AS "createdAt";

-- auth.findByPhone
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
  u.password_hash AS "passwordHash"
FROM
  users u
WHERE
  u.phone = $1
  AND u.status = 'active';

-- auth.passwordHash
SELECT
  password_hash AS "passwordHash"
FROM
  users
WHERE
  id = $1
  AND status = 'active';

-- auth.changePassword
UPDATE users
SET
  password_hash = $2,
  password_from_staff = FALSE,
  token_version = token_version + 1,
  updated_at = now()
WHERE
  id = $1
  AND password_hash = $3
RETURNING
  id;

-- auth.spendRefreshToken
UPDATE refresh_tokens
SET
  used_at = now()
WHERE
  token_hash = $1
  AND used_at IS NULL
  AND revoked_at IS NULL
  AND expires_at > now()
RETURNING
  user_id,
  family_id;

-- auth.isActive
SELECT
  1
FROM
  users
WHERE
  id = $1
  AND status = 'active';

-- auth.findRefreshToken
SELECT
  family_id,
  used_at
FROM
  refresh_tokens
WHERE
  token_hash = $1;

-- auth.revokeFamily
UPDATE refresh_tokens
SET
  revoked_at = now()
WHERE
  family_id = $1
  AND revoked_at IS NULL;

-- auth.revokeFamilyOf
UPDATE refresh_tokens
SET
  revoked_at = now()
WHERE
  family_id = (
    SELECT
      family_id
    FROM
      refresh_tokens
    WHERE
      token_hash = $1
  )
  AND revoked_at IS NULL;

-- auth.revokeAll
UPDATE refresh_tokens
SET
  revoked_at = now()
WHERE
  user_id = $1
  AND revoked_at IS NULL;

-- auth.setLocale
UPDATE users
SET
  locale = $2,
  updated_at = now()
WHERE
  id = $1
RETURNING
  id;

-- auth.tokenVersion
SELECT
  token_version AS "tokenVersion"
FROM
  users
WHERE
  id = $1;

-- auth.insertRefreshToken
INSERT INTO
  refresh_tokens (user_id, family_id, token_hash, expires_at)
VALUES
  ($1, $2, $3, now() + make_interval(days => $4));
