-- sms.preferences
SELECT
  sms_kinds,
  sms_opted_out_at
FROM
  notification_preferences
WHERE
  user_id = $1;

-- sms.dropStaleClaim
DELETE FROM sms_messages
WHERE
  notification_id = $1
  AND status = 'sending'
  AND created_at < now() - make_interval(secs => $2);

-- sms.message
SELECT
  status,
  failure_reason,
  error_code
FROM
  sms_messages
WHERE
  notification_id = $1;

-- sms.lockPerson
SELECT
  pg_advisory_xact_lock(hashtext ('sms:' || $1::text));

-- sms.countSince
SELECT
  count(*)::int AS today
FROM
  sms_messages
WHERE
  user_id = $1
  AND status <> 'failed'
  AND created_at >= $2
  AND created_at < $3;

-- sms.claim
INSERT INTO
  sms_messages (
    user_id,
    notification_id,
    kind,
    provider,
    status,
    created_at
  )
VALUES
  ($1, $2, $3, $4, 'sending', $5)
ON CONFLICT (notification_id) DO NOTHING
RETURNING
  id;

-- sms.markRefused
UPDATE sms_messages
SET
  status = 'failed',
  failure_reason = $2,
  error_code = $3
WHERE
  notification_id = $1;

-- sms.releaseClaim
DELETE FROM sms_messages
WHERE
  notification_id = $1
  AND status = 'sending';

-- sms.markSent
UPDATE sms_messages
SET
  status = 'sent',
  sent_at = $2,
  provider_message_id = $3
WHERE
  notification_id = $1;
SELECT
  org_id
FROM
  users
WHERE
  id = $1;

-- sms.optOut
WITH
  her AS (
    SELECT
      id,
      org_id
    FROM
      users
    WHERE
      phone = $1
      AND status <> 'erased'
  ),
  before AS (
    SELECT
      p.user_id
    FROM
      notification_preferences p
      JOIN her ON her.id = p.user_id
    WHERE
      p.sms_opted_out_at IS NOT NULL
  ),
  up AS (
    INSERT INTO
      notification_preferences (user_id, sms_kinds, sms_opted_out_at, updated_at)
    SELECT
      id,
      $2::TEXT[],
      now(),
      now()
    FROM
      her
    ON CONFLICT (user_id) DO UPDATE
    SET
      sms_opted_out_at = coalesce(notification_preferences.sms_opted_out_at, now()),
      updated_at = now()
    RETURNING
      user_id
  )
SELECT
  up.user_id,
  her.org_id,
  NOT EXISTS (
    SELECT
      1
    FROM
      before
  ) AS newly
FROM
  up
  JOIN her ON her.id = up.user_id;
