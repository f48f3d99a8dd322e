-- notifications.insert
INSERT INTO
  notifications (user_id, kind, payload)
VALUES
  ($1, $2, $3)
ON CONFLICT DO NOTHING
RETURNING
  id;

-- notifications.claim
WITH
  c AS (
    UPDATE notifications
    SET
      sms_status = 'sending',
      sms_claimed_at = now(),
      attempts = attempts + 1
    WHERE
      id = $1
      AND (
        sms_status IS NULL
        OR sms_status IN ('deferred', 'retry')
        OR (
          sms_status = 'sending'
          AND sms_claimed_at < now() - make_interval(secs => $2)
        )
      )
    RETURNING
      id,
      user_id,
      kind,
      payload
  )
SELECT
  c.id,
  c.user_id AS "userId",
  u.phone,
  u.locale,
  c.kind,
  c.payload
FROM
  c
  JOIN users u ON u.id = c.user_id;

-- notifications.smsStatus
SELECT
  sms_status
FROM
  notifications
WHERE
  id = $1;

-- notifications.markError
UPDATE notifications
SET
  sms_status = $2,
  last_error = $3,
  sms_claimed_at = NULL
WHERE
  id = $1;

-- notifications.markDeferred
UPDATE notifications
SET
  sms_status = 'deferred',
  sms_detail = $2,
  sms_claimed_at = NULL
WHERE
  id = $1;

-- notifications.markDone
UPDATE notifications
SET
  sms_status = $2,
  sms_detail = $3,
  sms_at = CASE
    WHEN $2 = 'sent' THEN now()
  END,
  sent_at = now(),
  last_error = NULL
WHERE
  id = $1;

-- notifications.dueReminders
WITH
  clock AS (
    SELECT
      $1::timestamptz AS now,
      ($1::timestamptz AT TIME ZONE 'Asia/Shanghai') AS local
  ),
  due AS (
    SELECT
      s.id AS session_id,
      'tomorrow'::text AS "when"
    FROM
      class_sessions s,
      clock
    WHERE
      s.cancelled_at IS NULL
      AND clock.local::time >= $2::time
      AND s.starts_at >= (
        (clock.local::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
      )
      AND s.starts_at < (
        (clock.local::date + 2)::timestamp AT TIME ZONE 'Asia/Shanghai'
      )
    UNION ALL
    SELECT
      s.id,
      'today'
    FROM
      class_sessions s,
      clock
    WHERE
      s.cancelled_at IS NULL
      AND clock.local::time >= $3::time
      AND s.starts_at > clock.now
      AND s.starts_at < (
        (clock.local::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
      )
  ),
  recipients AS (
    SELECT DISTINCT
      ON (r.session_id, r.user_id, r."when") r.session_id,
      r.user_id,
      r."when",
      r.role
    FROM
      (
        SELECT
          d.session_id,
          d."when",
          k.instructor_id AS user_id,
          'instructor' AS role,
          0 AS rank
        FROM
          due d
          JOIN class_sessions s ON s.id = d.session_id
          JOIN classes k ON k.id = s.class_id
        WHERE
          k.instructor_id IS NOT NULL
          AND k.status <> 'cancelled'
        UNION ALL
        SELECT
          d.session_id,
          d."when",
          e.learner_id,
          'learner',
          1
        FROM
          due d
          JOIN class_sessions s ON s.id = d.session_id
          JOIN classes k ON k.id = s.class_id
          JOIN enrollments e ON e.class_id = k.id
          AND e.status = 'enrolled'
        WHERE
          k.status <> 'cancelled'
      ) r
      JOIN users u ON u.id = r.user_id
      AND u.status = 'active'
    ORDER BY
      r.session_id,
      r.user_id,
      r."when",
      r.rank
  ),
  fresh AS (
    SELECT
      r.*
    FROM
      recipients r
    WHERE
      NOT EXISTS (
        SELECT
          1
        FROM
          notifications n
        WHERE
          n.kind = 'session.reminder'
          AND n.user_id = r.user_id
          AND n.payload ->> 'sessionId' = r.session_id::text
          AND n.payload ->> 'when' = r."when"
      )
  )
SELECT
  f.session_id,
  f.user_id,
  f."when",
  f.role,
  s.class_id,
  s.starts_at,
  s.ends_at,
  coalesce(nullif(s.location, ''), k.location) AS location,
  c.title_zh AS course
FROM
  fresh f
  JOIN class_sessions s ON s.id = f.session_id
  JOIN classes k ON k.id = s.class_id
  JOIN courses c ON c.id = k.course_id;

-- notifications.takeDueFollowups
WITH
  picked AS (
    SELECT
      id
    FROM
      placement_followups
    WHERE
      recorded_at IS NULL
      AND due_notified_at IS NULL
      AND due_on <= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
    ORDER BY
      due_on
    LIMIT
      500
    FOR UPDATE
      SKIP LOCKED
  ),
  marked AS (
    UPDATE placement_followups p
    SET
      due_notified_at = now()
    FROM
      picked
    WHERE
      p.id = picked.id
    RETURNING
      p.id,
      p.referral_id,
      p.due_on
  )
SELECT
  m.id,
  m.referral_id,
  to_char(m.due_on, 'YYYY-MM-DD') AS due_on,
  j.title AS job,
  f.referred_by,
  f.employer_id,
  f.org_id
FROM
  marked m
  JOIN referrals f ON f.id = m.referral_id
  JOIN job_openings j ON j.id = f.job_id;

-- notifications.followupRecipients
SELECT
  d.n,
  u.id
FROM
  unnest($1::UUID[], $2::UUID[], $3::UUID[]) WITH ORDINALITY AS d (referred_by, org_id, employer_id, n)
  JOIN users u ON u.status = 'active'
  AND (
    (
      u.id = d.referred_by
      AND u.role IN ('coordinator', 'admin')
    )
    OR (
      u.role = 'coordinator'
      AND u.org_id = d.org_id
    )
    OR (
      u.role = 'employer'
      AND u.employer_id = d.employer_id
    )
  )
ORDER BY
  d.n;
