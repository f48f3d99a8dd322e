-- consents.latest
SELECT
  action
FROM
  consent_events
WHERE
  learner_id = $1
  AND scope = 'referrals'
ORDER BY
  at DESC,
  id DESC
LIMIT
  1;

-- consents.history
SELECT
  action,
  notice_version AS "noticeVersion",
  at
FROM
  consent_events
WHERE
  learner_id = $1
  AND scope = 'referrals'
ORDER BY
  at DESC,
  id DESC;

-- consents.insert
INSERT INTO
  consent_events (learner_id, scope, action, notice_version)
VALUES
  ($1, 'referrals', $2, $3);
