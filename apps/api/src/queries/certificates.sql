-- certificates.enrollmentContext
SELECT
  e.id AS enrollment_id,
  e.learner_id,
  u.name AS learner_name,
  e.class_id,
  k.course_id,
  c.code AS course_code,
  c.title_zh,
  c.title_en,
  c.description_zh,
  c.required_hours,
  c.min_attendance_pct,
  c.validity_months,
  k.org_id,
  o.name AS org_name,
  o.path,
  k.instructor_id,
  e.status
FROM
  enrollments e
  JOIN users u ON u.id = e.learner_id
  JOIN classes k ON k.id = e.class_id
  JOIN courses c ON c.id = k.course_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  e.id = $1;

-- certificates.bestScores
SELECT
  a.id,
  a.title_zh,
  a.title_en,
  a.pass_mark,
  greatest(
    (
      SELECT
        max(score)
      FROM
        assessment_attempts t
      WHERE
        t.assessment_id = a.id
        AND t.enrollment_id = $2
    ),
    (
      SELECT
        score
      FROM
        assessment_results r
      WHERE
        r.assessment_id = a.id
        AND r.enrollment_id = $2
    )
  ) AS best
FROM
  assessments a
WHERE
  a.course_id = $1
ORDER BY
  a.position;

-- certificates.codeOfEnrollment
SELECT
  code
FROM
  certificates
WHERE
  enrollment_id = $1;

-- certificates.insert
INSERT INTO
  certificates (
    id,
    code,
    enrollment_id,
    learner_id,
    course_id,
    class_id,
    org_id,
    issued_at,
    expires_at,
    hours,
    issued_by,
    credential_jwt,
    supersedes_id
  )
VALUES
  (
    $1,
    $2,
    $3,
    $4,
    $5,
    $6,
    $7,
    $8,
    $9,
    $10,
    $11,
    NULL,
    (
      SELECT
        id
      FROM
        certificates
      WHERE
        learner_id = $4
        AND course_id = $5
        AND status = 'valid'
      ORDER BY
        issued_at DESC
      LIMIT
        1
    )
  )
ON CONFLICT DO NOTHING
RETURNING
  id;

-- certificates.markEnrollmentCompleted
UPDATE enrollments
SET
  status = 'completed',
  updated_at = now()
WHERE
  id = $1
  AND status = 'enrolled';

-- certificates.findByEnrollment
SELECT
  z.id,
  z.code,
  z.status,
  z.learner_id,
  u.name AS holder_name,
  c.code AS course_code,
  c.title_zh,
  c.title_en,
  o.name AS org_name,
  o.path AS org_path,
  z.issued_at,
  z.expires_at,
  z.revocation_reason,
  z.hours,
  z.enrollment_id,
  z.class_id,
  z.org_id,
  z.credential_jwt
FROM
  certificates z
  JOIN users u ON u.id = z.learner_id
  JOIN courses c ON c.id = z.course_id
  JOIN organizations o ON o.id = z.org_id
WHERE
  z.enrollment_id = $1;

-- certificates.findByCode
SELECT
  z.id,
  z.code,
  z.status,
  z.learner_id,
  u.name AS holder_name,
  c.code AS course_code,
  c.title_zh,
  c.title_en,
  o.name AS org_name,
  o.path AS org_path,
  z.issued_at,
  z.expires_at,
  z.revocation_reason,
  z.hours,
  z.enrollment_id,
  z.class_id,
  z.org_id,
  z.credential_jwt
FROM
  certificates z
  JOIN users u ON u.id = z.learner_id
  JOIN courses c ON c.id = z.course_id
  JOIN organizations o ON o.id = z.org_id
WHERE
  z.code = $1;

-- certificates.verifyByCode


-- certificates.verifyByCodes
SELECT
  z.code,
  z.status,
  u.name AS holder_name,
  c.code AS course_code,
  c.title_zh,
  c.title_en,
  o.name AS org_name,
  z.issued_at,
  z.expires_at,
  z.revocation_reason,
  z.hours,
  r.code AS renewed_code,
  r.expires_at AS renewed_expires_at
FROM
  certificates z
  JOIN users u ON u.id = z.learner_id
  JOIN courses c ON c.id = z.course_id
  JOIN organizations o ON o.id = z.org_id
  LEFT JOIN LATERAL (
    -- The holder's newest certificate for the same course issued later, while it is in force: an
    -- employer holding an old or expired code learns that she has renewed it.
    SELECT
      n.code,
      n.expires_at
    FROM
      certificates n
    WHERE
      n.learner_id = z.learner_id
      AND n.course_id = z.course_id
      AND n.issued_at > z.issued_at
      AND n.status = 'valid'
      AND (
        n.expires_at IS NULL
        OR n.expires_at > now()
      )
    ORDER BY
      n.issued_at DESC
    LIMIT
      1
  ) r ON TRUE
WHERE
  z.code = ANY ($1);

-- certificates.revoke
UPDATE certificates
SET
  status = 'revoked',
  revoked_at = now(),
  revocation_reason = $2
WHERE
  id = $1
  AND status = 'valid'
RETURNING
  id;

-- certificates.ofLearner
SELECT
  z.id,
  z.code,
  z.status,
  z.learner_id,
  u.name AS holder_name,
  c.code AS course_code,
  c.title_zh,
  c.title_en,
  o.name AS org_name,
  o.path AS org_path,
  z.issued_at,
  z.expires_at,
  z.revocation_reason,
  z.hours,
  z.enrollment_id,
  z.class_id,
  z.org_id,
  z.credential_jwt
FROM
  certificates z
  JOIN users u ON u.id = z.learner_id
  JOIN courses c ON c.id = z.course_id
  JOIN organizations o ON o.id = z.org_id
WHERE
  z.learner_id = $1
ORDER BY
  z.issued_at DESC;

-- certificates.lockDueReminders
SELECT
  z.id,
  z.learner_id,
  z.code,
  z.expires_at,
  c.title_zh
FROM
  certificates z
  JOIN courses c ON c.id = z.course_id
WHERE
  z.status = 'valid'
  AND z.reminder_queued_at IS NULL
  AND z.expires_at BETWEEN now() AND now() + interval '30 days'
ORDER BY
  z.expires_at
LIMIT
  500
FOR UPDATE OF
  z SKIP LOCKED;

-- certificates.markReminded
UPDATE certificates
SET
  reminder_queued_at = now()
WHERE
  id = $1;
