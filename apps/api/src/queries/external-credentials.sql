-- external-credentials.learnerOrgPath
SELECT
  o.path
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.role = 'learner'
  AND u.status = 'active';

-- external-credentials.one
SELECT
  x.id,
  x.learner_id AS "learnerId",
  x.certificate_number AS "certificateNumber",
  x.occupation,
  x.level,
  x.issuing_body AS "issuingBody",
  to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
  x.status,
  x.rejection_reason AS "rejectionReason",
  x.course_id AS "courseId",
  x.checked_at AS "checkedAt",
  x.checked_by AS "checkedBy",
  x.created_at AS "createdAt"
FROM
  external_credentials x
WHERE
  x.id = $1;

-- external-credentials.ofLearner
SELECT
  x.id,
  x.learner_id AS "learnerId",
  x.certificate_number AS "certificateNumber",
  x.occupation,
  x.level,
  x.issuing_body AS "issuingBody",
  to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
  x.status,
  x.rejection_reason AS "rejectionReason",
  x.course_id AS "courseId",
  x.checked_at AS "checkedAt",
  x.checked_by AS "checkedBy",
  x.created_at AS "createdAt"
FROM
  external_credentials x
WHERE
  x.learner_id = $1
ORDER BY
  x.issued_on DESC;

-- external-credentials.exists
SELECT
  id
FROM
  external_credentials
WHERE
  id = $1
  AND learner_id = $2;

-- external-credentials.record
INSERT INTO
  external_credentials (
    learner_id,
    certificate_number,
    occupation,
    level,
    issuing_body,
    issued_on,
    expires_on,
    recorded_by
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (learner_id, certificate_number) DO UPDATE
SET
  occupation = EXCLUDED.occupation,
  level = EXCLUDED.level,
  issuing_body = EXCLUDED.issuing_body,
  issued_on = EXCLUDED.issued_on,
  expires_on = EXCLUDED.expires_on,
  recorded_by = EXCLUDED.recorded_by,
  status = 'pending',
  rejection_reason = NULL,
  course_id = NULL,
  checked_by = NULL,
  checked_at = NULL,
  created_at = now()
WHERE
  external_credentials.status = 'rejected'
RETURNING
  id;

-- external-credentials.review
SELECT
  x.id,
  x.learner_id AS "learnerId",
  u.name AS "learnerName",
  o.name AS "orgName",
  x.certificate_number AS number,
  x.occupation,
  x.level,
  x.issuing_body AS "issuingBody",
  to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
  x.status,
  x.rejection_reason AS "rejectionReason",
  x.created_at AS "createdAt",
  m.id AS course_id,
  m.code AS course_code,
  m.title_zh,
  m.title_en,
  (x.course_id IS NOT NULL) AS matched
FROM
  external_credentials x
  JOIN users u ON u.id = x.learner_id
  JOIN organizations o ON o.id = u.org_id
  LEFT JOIN LATERAL (
    SELECT
      c.id,
      c.code,
      c.title_zh,
      c.title_en
    FROM
      courses c
    WHERE
      c.id = coalesce(
        x.course_id,
        (
          SELECT
            y.course_id
          FROM
            external_credentials y
          WHERE
            y.occupation = x.occupation
            AND y.status = 'verified'
            AND y.course_id IS NOT NULL
          ORDER BY
            y.checked_at DESC
          LIMIT
            1
        )
      )
  ) m ON TRUE
WHERE
  x.status = $1
  AND (o.path LIKE $2)
  AND u.status = 'active'
ORDER BY
  x.created_at,
  x.id
LIMIT
  20
OFFSET
  0;
SELECT
  count(*)::int AS n
FROM
  external_credentials x
  JOIN users u ON u.id = x.learner_id
  JOIN organizations o ON o.id = u.org_id
WHERE
  x.status = $1
  AND (o.path LIKE $2)
  AND u.status = 'active';

-- external-credentials.courseExists
SELECT
  1
FROM
  courses
WHERE
  id = $1;

-- external-credentials.lock
SELECT
  x.status,
  x.learner_id,
  u.org_id
FROM
  external_credentials x
  JOIN users u ON u.id = x.learner_id
WHERE
  x.id = $1
FOR UPDATE OF
  x;

-- external-credentials.decide
UPDATE external_credentials
SET
  status = $2,
  course_id = CASE
    WHEN $2 = 'verified' THEN coalesce($3::uuid, course_id)
  END,
  rejection_reason = $4,
  checked_by = $5,
  checked_at = now()
WHERE
  id = $1;
