-- audit.insert
INSERT INTO
  audit_events (
    actor_id,
    actor_role,
    org_id,
    action,
    entity_type,
    entity_id,
    request_id,
    details
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8);

-- audit.list
SELECT
  a.id,
  a.at,
  a.actor_id AS "actorId",
  a.actor_role AS "actorRole",
  u.name AS "actorName",
  a.action,
  a.entity_type AS "entityType",
  a.entity_id AS "entityId",
  a.org_id AS "orgId",
  a.request_id AS "requestId",
  a.details,
  count(*) OVER () AS total
FROM
  audit_events a
  LEFT JOIN organizations o ON o.id = a.org_id
  LEFT JOIN users u ON u.id = a.actor_id
WHERE
  (
    coalesce(
      o.path,
      (
        SELECT
          r.path
        FROM
          organizations r
        WHERE
          r.parent_id IS NULL
        ORDER BY
          r.path
        LIMIT
          1
      )
    ) LIKE $1
  )
  AND a.entity_type = $2
  AND a.action = $3
ORDER BY
  a.at DESC,
  a.id DESC
LIMIT
  20
OFFSET
  0;
