-- referrals.findLearner
SELECT
  u.id,
  u.org_id
FROM
  users u
  JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.role = 'learner'
  AND u.status = 'active'
  AND (o.path LIKE $2);

-- referrals.findJob
SELECT
  j.id,
  j.employer_id,
  j.status,
  j.title
FROM
  job_openings j
  JOIN employers e ON e.id = j.employer_id
  JOIN organizations o ON o.id = e.org_id
WHERE
  j.id = $1
  AND (o.path LIKE $2);

-- referrals.lockLearner
SELECT
  id
FROM
  users
WHERE
  id = $1
FOR SHARE;

-- referrals.insert
INSERT INTO
  referrals (
    learner_id,
    job_id,
    employer_id,
    org_id,
    referred_by,
    note
  )
VALUES
  ($1, $2, $3, $4, $5, $6)
ON CONFLICT (learner_id, job_id) DO NOTHING
RETURNING
  id;

-- referrals.insertEvent
INSERT INTO
  referral_events (
    referral_id,
    from_status,
    to_status,
    note,
    actor_id
  )
VALUES
  ($1, $2, $3, $4, $5);

-- referrals.find
SELECT
  f.id,
  f.learner_id,
  f.job_id,
  f.employer_id,
  f.org_id,
  f.status,
  f.note,
  f.created_at,
  f.updated_at,
  f.hired_at,
  o.path,
  j.title AS job_title,
  e.name AS employer_name,
  u.name AS learner_name,
  u.phone AS learner_phone,
  (
    SELECT
      action
    FROM
      consent_events ce
    WHERE
      ce.learner_id = f.learner_id
      AND ce.scope = 'referrals'
    ORDER BY
      ce.at DESC,
      ce.id DESC
    LIMIT
      1
  ) AS consent
FROM
  referrals f
  JOIN organizations o ON o.id = f.org_id
  JOIN job_openings j ON j.id = f.job_id
  JOIN employers e ON e.id = f.employer_id
  JOIN users u ON u.id = f.learner_id
WHERE
  f.id = $1;

-- referrals.history
SELECT
  ev.from_status AS "from",
  ev.to_status AS "to",
  CASE
    WHEN $2::uuid IS NOT NULL THEN (
      SELECT
        ev.note
      FROM
        users a
      WHERE
        a.id = ev.actor_id
        AND a.employer_id = $2
    )
    ELSE ev.note
  END AS note,
  ev.at,
  CASE
    WHEN $3::boolean THEN ev.actor_id
  END AS "actorId"
FROM
  referral_events ev
WHERE
  ev.referral_id = $1
ORDER BY
  ev.at,
  ev.id;

-- referrals.people
SELECT
  id,
  name,
  phone
FROM
  users
WHERE
  id = ANY ($1::UUID[]);

-- referrals.validCertificates
SELECT
  z.learner_id AS "learnerId",
  z.code,
  c.title_zh,
  c.title_en,
  z.issued_at AS "issuedAt",
  z.expires_at AS "expiresAt",
  z.hours
FROM
  certificates z
  JOIN courses c ON c.id = z.course_id
WHERE
  z.learner_id = ANY ($1::UUID[])
  AND z.status = 'valid'
  AND (
    z.expires_at IS NULL
    OR z.expires_at > now()
  )
ORDER BY
  z.issued_at DESC;

-- referrals.list
SELECT
  f.id,
  f.learner_id,
  f.job_id,
  f.employer_id,
  f.org_id,
  f.status,
  f.note,
  f.created_at,
  f.updated_at,
  f.hired_at,
  o.path,
  j.title AS job_title,
  e.name AS employer_name,
  u.name AS learner_name,
  u.phone AS learner_phone,
  (
    SELECT
      action
    FROM
      consent_events ce
    WHERE
      ce.learner_id = f.learner_id
      AND ce.scope = 'referrals'
    ORDER BY
      ce.at DESC,
      ce.id DESC
    LIMIT
      1
  ) AS consent
FROM
  referrals f
  JOIN organizations o ON o.id = f.org_id
  JOIN job_openings j ON j.id = f.job_id
  JOIN employers e ON e.id = f.employer_id
  JOIN users u ON u.id = f.learner_id
WHERE
  (f.employer_id = $1)
  AND f.status = $2
  AND f.job_id = $3
ORDER BY
  f.updated_at DESC,
  f.id
LIMIT
  20
OFFSET
  0;
SELECT
  count(*)::int AS n
FROM
  referrals f
  JOIN organizations o ON o.id = f.org_id
WHERE
  (f.employer_id = $1)
  AND f.status = $2
  AND f.job_id = $3;

-- referrals.move
UPDATE referrals
SET
  status = $3,
  updated_at = now(),
  hired_at = CASE
    WHEN $3 = 'hired' THEN now()
    ELSE hired_at
  END
WHERE
  id = $1
  AND status = $2
RETURNING
  id;

-- referrals.scheduleFollowUps
INSERT INTO
  placement_followups (referral_id, day_mark, due_on)
SELECT
  $1,
  d,
  (now() AT TIME ZONE 'Asia/Shanghai')::date + d
FROM
  unnest($2::INT[]) AS d;

-- referrals.activeReferrer
SELECT
  u.id
FROM
  referrals f
  JOIN users u ON u.id = f.referred_by
WHERE
  f.id = $1
  AND u.status = 'active'
  AND u.role IN ('coordinator', 'admin');

-- referrals.dueFollowUps
SELECT
  p.id,
  p.referral_id AS "referralId",
  p.day_mark AS "dayMark",
  to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn",
  CASE
    WHEN FALSE
    OR (
      SELECT
        action
      FROM
        consent_events ce
      WHERE
        ce.learner_id = f.learner_id
        AND ce.scope = 'referrals'
      ORDER BY
        ce.at DESC,
        ce.id DESC
      LIMIT
        1
    ) = 'grant' THEN u.name
  END AS "learnerName",
  j.title AS "jobTitle",
  e.name AS "employerName",
  (
    p.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date
  ) AS overdue
FROM
  placement_followups p
  JOIN referrals f ON f.id = p.referral_id
  JOIN organizations o ON o.id = f.org_id
  JOIN users u ON u.id = f.learner_id
  JOIN job_openings j ON j.id = f.job_id
  JOIN employers e ON e.id = f.employer_id
WHERE
  p.recorded_at IS NULL
  AND p.due_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date + 7
  AND (f.employer_id = $1)
ORDER BY
  p.due_on,
  p.id;

-- referrals.findFollowUp
SELECT
  p.id,
  f.employer_id,
  f.org_id,
  o.path
FROM
  placement_followups p
  JOIN referrals f ON f.id = p.referral_id
  JOIN organizations o ON o.id = f.org_id
WHERE
  p.id = $1;

-- referrals.recordFollowUp
UPDATE placement_followups
SET
  still_employed = $2,
  wage_band = $3,
  note = $4,
  recorded_by = $5,
  recorded_at = now()
WHERE
  id = $1
RETURNING
  id,
  day_mark AS "dayMark",
  still_employed AS "stillEmployed",
  wage_band AS "wageBand",
  recorded_at AS "recordedAt";
