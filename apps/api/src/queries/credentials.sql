-- credentials.federationName
SELECT
  name
FROM
  organizations
WHERE
  parent_id IS NULL
ORDER BY
  created_at
LIMIT
  1;

-- credentials.statusEntry
SELECT
  list_id,
  idx
FROM
  status_list_entries
WHERE
  certificate_id = $1;

-- credentials.takeListSlot
UPDATE status_lists
SET
  allocated = allocated + 1
WHERE
  id = (
    SELECT
      id
    FROM
      status_lists
    WHERE
      allocated < $1
    ORDER BY
      id DESC
    LIMIT
      1
  )
RETURNING
  id,
  size;

-- credentials.newList
INSERT INTO
  status_lists (size, allocated)
VALUES
  ($1, 1)
RETURNING
  id,
  size;

-- credentials.insertEntry
INSERT INTO
  status_list_entries (list_id, idx, certificate_id)
VALUES
  ($1, $2, $3)
ON CONFLICT (list_id, idx) DO NOTHING
RETURNING
  idx;

-- credentials.source
SELECT
  z.id,
  z.code,
  z.issued_at,
  z.expires_at,
  z.hours,
  z.org_id,
  o.name AS org_name,
  u.phone,
  u.name AS holder_name,
  c.code AS course_code,
  c.title_zh,
  c.description_zh,
  c.required_hours,
  c.min_attendance_pct,
  s.list_id,
  s.idx
FROM
  certificates z
  JOIN users u ON u.id = z.learner_id
  JOIN courses c ON c.id = z.course_id
  JOIN organizations o ON o.id = z.org_id
  LEFT JOIN status_list_entries s ON s.certificate_id = z.id
WHERE
  z.id = $1;

-- credentials.storeCredential
UPDATE certificates
SET
  credential_jwt = $2,
  credential_format = $3
WHERE
  id = $1;

-- credentials.storedCredential
SELECT
  1
FROM
  certificates
WHERE
  id = $1
FOR UPDATE;
SELECT
  credential_jwt,
  credential_format
FROM
  certificates
WHERE
  id = $1;

-- credentials.statusList
SELECT
  id,
  size,
  purpose
FROM
  status_lists
WHERE
  id = $1;

-- credentials.revokedIndexes
SELECT
  s.idx
FROM
  status_list_entries s
  JOIN certificates z ON z.id = s.certificate_id
WHERE
  s.list_id = $1
  AND z.status = 'revoked';

-- credentials.certificateIdByCode
SELECT
  id
FROM
  certificates
WHERE
  code = $1;

-- credentials.insertKey
INSERT INTO
  signing_keys (id, public_jwk, private_pkcs8, not_before)
VALUES
  ($1, $2, $3, $4);

-- credentials.lockKeys
SELECT
  pg_advisory_xact_lock(hashtext ('hearth.signing_keys'));

-- credentials.anyKey
SELECT
  1
FROM
  signing_keys
LIMIT
  1;

-- credentials.keyInForce
SELECT
  id,
  private_pkcs8
FROM
  signing_keys
WHERE
  not_before <= now()
ORDER BY
  not_before DESC,
  created_at DESC
LIMIT
  1;

-- credentials.firstKey
SELECT
  id,
  private_pkcs8
FROM
  signing_keys
ORDER BY
  not_before,
  created_at
LIMIT
  1;

-- credentials.publicKeys
SELECT
  id,
  public_jwk,
  not_before
FROM
  signing_keys
ORDER BY
  not_before,
  created_at;
