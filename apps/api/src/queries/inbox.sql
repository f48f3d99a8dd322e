-- inbox.list
SELECT
  n.id,
  n.kind,
  n.payload,
  n.created_at AS "createdAt",
  n.read_at AS "readAt",
  (
    SELECT
      e.id
    FROM
      enrollments e
    WHERE
      e.learner_id = n.user_id
      AND n.payload ->> 'classId' ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
      AND e.class_id = (n.payload ->> 'classId')::uuid
    ORDER BY
      e.created_at DESC
    LIMIT
      1
  ) AS "enrollmentId"
FROM
  notifications n
WHERE
  n.user_id = $1
  AND (
    NOT $2::boolean
    OR n.read_at IS NULL
  )
ORDER BY
  n.created_at DESC,
  n.id DESC
LIMIT
  $3
OFFSET
  $4;

-- inbox.count
SELECT
  count(*)::int AS total,
  count(*) FILTER (
    WHERE
      read_at IS NULL
  )::int AS unread
FROM
  notifications
WHERE
  user_id = $1
  AND (
    NOT $2::boolean
    OR read_at IS NULL
  );

-- inbox.unread
SELECT
  count(*)::int AS unread
FROM
  notifications
WHERE
  user_id = $1
  AND read_at IS NULL;

-- inbox.markRead
UPDATE notifications
SET
  read_at = now()
WHERE
  user_id = $1
  AND read_at IS NULL
  AND (
    $2::UUID[] IS NULL
    OR id = ANY ($2::UUID[])
  );

-- inbox.preferences
SELECT
  sms_kinds AS "smsKinds",
  sms_opted_out_at AS "smsOptedOutAt"
FROM
  notification_preferences
WHERE
  user_id = $1;

-- inbox.savePreferences
INSERT INTO
  notification_preferences (user_id, sms_kinds, sms_opted_out_at, updated_at)
VALUES
  (
    $1,
    $2::TEXT[],
    CASE
      WHEN $3::boolean THEN now()
    END,
    now()
  )
ON CONFLICT (user_id) DO UPDATE
SET
  sms_kinds = EXCLUDED.sms_kinds,
  sms_opted_out_at = CASE
    WHEN $3::boolean IS NULL THEN notification_preferences.sms_opted_out_at
    WHEN $3::boolean THEN coalesce(notification_preferences.sms_opted_out_at, now())
  END,
  updated_at = now()
RETURNING
  sms_kinds AS "smsKinds",
  sms_opted_out_at AS "smsOptedOutAt";
