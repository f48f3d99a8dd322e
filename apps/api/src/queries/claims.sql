-- claims.findLearner
SELECT
  u.id,
  u.org_id AS "orgId",
  (u.password_hash IS NOT NULL) AS "hasPassword",
  o.path
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.status = 'active'
  AND u.role = 'learner';

-- claims.upsert
INSERT INTO
  account_claims (user_id, code_hash, expires_at, issued_by)
VALUES
  ($1, $2, now() + make_interval(days => $3), $4)
ON CONFLICT (user_id) DO UPDATE
SET
  code_hash = EXCLUDED.code_hash,
  expires_at = EXCLUDED.expires_at,
  issued_by = EXCLUDED.issued_by,
  created_at = now()
RETURNING
  expires_at;

-- claims.upsertMany
INSERT INTO
  account_claims (user_id, code_hash, expires_at, issued_by)
SELECT
  u,
  h,
  now() + make_interval(days => $3),
  $4
FROM
  unnest($1::UUID[], $2::TEXT[]) AS x (u, h)
ON CONFLICT (user_id) DO UPDATE
SET
  code_hash = EXCLUDED.code_hash,
  expires_at = EXCLUDED.expires_at,
  issued_by = EXCLUDED.issued_by,
  created_at = now()
RETURNING
  user_id,
  expires_at;

-- claims.importLearners
SELECT
  j.learner_ids,
  j.created_by,
  o.path
FROM
  import_jobs j
  JOIN organizations o ON o.id = j.org_id
WHERE
  j.id = $1;

-- claims.lockLearners
SELECT
  u.id,
  u.name,
  u.phone,
  u.org_id,
  (u.password_hash IS NOT NULL) AS claimed,
  coalesce((o.path LIKE $2), FALSE) AS in_scope
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = ANY ($1::UUID[])
  AND u.role = 'learner'
  AND u.status = 'active'
ORDER BY
  u.name,
  u.phone
FOR UPDATE OF
  u;

-- claims.activeCode
SELECT
  code_hash
FROM
  account_claims
WHERE
  user_id = $1
  AND expires_at > now();

-- claims.remove
DELETE FROM account_claims
WHERE
  user_id = $1;
