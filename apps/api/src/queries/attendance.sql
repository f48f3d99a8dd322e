-- attendance.session
SELECT
  s.id,
  s.class_id,
  s.starts_at,
  s.ends_at,
  s.cancelled_at,
  o.path,
  k.instructor_id,
  c.min_attendance_pct
FROM
  class_sessions s
  JOIN classes k ON k.id = s.class_id
  JOIN organizations o ON o.id = k.org_id
  JOIN courses c ON c.id = k.course_id
WHERE
  s.id = $1
FOR UPDATE OF
  s;

-- attendance.claimIdempotencyKey
INSERT INTO
  idempotency_keys (key, request_hash)
VALUES
  ($1, $2)
ON CONFLICT (key) DO NOTHING
RETURNING
  key;

-- attendance.storedIdempotencyKey
SELECT
  request_hash,
  response
FROM
  idempotency_keys
WHERE
  key = $1;

-- attendance.storeIdempotentResponse
UPDATE idempotency_keys
SET
  status_code = 200,
  response = $2
WHERE
  key = $1;

-- attendance.notEnrolled
SELECT
  i.learner_id
FROM
  unnest($2::UUID[]) AS i (learner_id)
WHERE
  NOT EXISTS (
    SELECT
      1
    FROM
      enrollments e
    WHERE
      e.class_id = $1
      AND e.learner_id = i.learner_id
      AND e.status IN ('enrolled', 'completed', 'failed')
  );

-- attendance.markBatch
WITH
  input AS (
    SELECT
      *
    FROM
      unnest($2::UUID[], $3::TEXT[], $4::TEXT[]) AS i (learner_id, status, note)
  ),
  prev AS (
    SELECT
      m.learner_id,
      m.status,
      m.note
    FROM
      attendance_marks m
      JOIN input i USING (learner_id)
    WHERE
      m.session_id = $1
  ),
  up AS (
    INSERT INTO
      attendance_marks (
        session_id,
        learner_id,
        enrollment_id,
        status,
        note,
        source,
        marked_by,
        client_mutation_id,
        marked_at
      )
    SELECT
      $1,
      i.learner_id,
      e.id,
      i.status,
      i.note,
      $5,
      $6,
      $7,
      clock_timestamp()
    FROM
      input i
      JOIN enrollments e ON e.class_id = $8
      AND e.learner_id = i.learner_id
      AND e.status IN ('enrolled', 'completed', 'failed')
    ON CONFLICT (session_id, learner_id) DO UPDATE
    SET
      status = EXCLUDED.status,
      note = EXCLUDED.note,
      source = EXCLUDED.source,
      marked_by = EXCLUDED.marked_by,
      marked_at = clock_timestamp(),
      client_mutation_id = EXCLUDED.client_mutation_id
    WHERE
      (attendance_marks.status, attendance_marks.note) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.note)
    RETURNING
      learner_id,
      status,
      note
  ),
  hist AS (
    INSERT INTO
      attendance_history (
        session_id,
        learner_id,
        old_status,
        new_status,
        old_note,
        new_note,
        source,
        changed_by,
        client_mutation_id,
        changed_at
      )
    SELECT
      $1,
      up.learner_id,
      prev.status,
      up.status,
      prev.note,
      up.note,
      $5,
      $6,
      $7,
      clock_timestamp()
    FROM
      up
      LEFT JOIN prev USING (learner_id)
    RETURNING
      1
  )
SELECT
  (
    SELECT
      count(*)
    FROM
      hist
  )::int AS changed;

-- attendance.completionCandidates
WITH
  open AS MATERIALIZED (
    SELECT
      e.id,
      e.learner_id,
      e.class_id,
      c.min_attendance_pct,
      c.required_hours
    FROM
      enrollments e
      JOIN classes k ON k.id = e.class_id
      JOIN courses c ON c.id = k.course_id
    WHERE
      e.class_id = $1
      AND e.learner_id = ANY ($2)
      AND e.status = 'enrolled'
      AND NOT EXISTS (
        SELECT
          1
        FROM
          certificates z
        WHERE
          z.enrollment_id = e.id
      )
      AND NOT EXISTS (
        SELECT
          1
        FROM
          assessments a
        WHERE
          a.course_id = k.course_id
          AND NOT EXISTS (
            SELECT
              1
            FROM
              assessment_attempts t
            WHERE
              t.assessment_id = a.id
              AND t.enrollment_id = e.id
              AND t.passed
          )
          AND NOT EXISTS (
            SELECT
              1
            FROM
              assessment_results r
            WHERE
              r.assessment_id = a.id
              AND r.enrollment_id = e.id
              AND r.passed
          )
      )
  )
SELECT
  o.id
FROM
  open o
  CROSS JOIN LATERAL (
    SELECT
      count(*) FILTER (
        WHERE
          s.starts_at < now()
      ) AS held,
      count(*) FILTER (
        WHERE
          s.starts_at < now()
          AND m.status IN ('present', 'late')
      ) AS attended,
      coalesce(
        sum(
          extract(
            epoch
            FROM
              s.ends_at - s.starts_at
          ) / 3600
        ) FILTER (
          WHERE
            s.starts_at < now()
            AND m.status IN ('present', 'late')
        ),
        0
      ) AS hours
    FROM
      class_sessions s
      LEFT JOIN attendance_marks m ON m.session_id = s.id
      AND m.learner_id = o.learner_id
    WHERE
      s.class_id = o.class_id
      AND s.cancelled_at IS NULL
  ) att
WHERE
  (
    o.min_attendance_pct = 0
    OR (
      att.held > 0
      AND att.attended * 100 >= (o.min_attendance_pct - 0.01) * att.held
    )
  )
  AND att.hours >= o.required_hours - 0.01;

-- attendance.classSummaries
SELECT
  e.id AS "enrollmentId",
  e.learner_id AS "learnerId",
  c.min_attendance_pct AS "minPct",
  count(s.id)::int AS "totalSessions",
  count(s.id) FILTER (
    WHERE
      s.starts_at < now()
  )::int AS sessions,
  count(m.status) FILTER (
    WHERE
      s.starts_at < now()
      AND m.status IN ('present', 'late')
  )::int AS attended,
  coalesce(
    sum(
      extract(
        epoch
        FROM
          s.ends_at - s.starts_at
      ) / 3600
    ) FILTER (
      WHERE
        s.starts_at < now()
        AND m.status IN ('present', 'late')
    ),
    0
  )::float AS hours
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
  JOIN courses c ON c.id = k.course_id
  LEFT JOIN class_sessions s ON s.class_id = e.class_id
  AND s.cancelled_at IS NULL
  LEFT JOIN attendance_marks m ON m.session_id = s.id
  AND m.learner_id = e.learner_id
WHERE
  e.class_id = $1
  AND e.status IN ('enrolled', 'completed', 'failed')
GROUP BY
  e.id,
  c.min_attendance_pct;

-- attendance.enrollmentSummary
SELECT
  e.id AS "enrollmentId",
  e.learner_id AS "learnerId",
  c.min_attendance_pct AS "minPct",
  count(s.id)::int AS "totalSessions",
  count(s.id) FILTER (
    WHERE
      s.starts_at < now()
  )::int AS sessions,
  count(m.status) FILTER (
    WHERE
      s.starts_at < now()
      AND m.status IN ('present', 'late')
  )::int AS attended,
  coalesce(
    sum(
      extract(
        epoch
        FROM
          s.ends_at - s.starts_at
      ) / 3600
    ) FILTER (
      WHERE
        s.starts_at < now()
        AND m.status IN ('present', 'late')
    ),
    0
  )::float AS hours
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
  JOIN courses c ON c.id = k.course_id
  LEFT JOIN class_sessions s ON s.class_id = e.class_id
  AND s.cancelled_at IS NULL
  LEFT JOIN attendance_marks m ON m.session_id = s.id
  AND m.learner_id = e.learner_id
WHERE
  e.id = $1
GROUP BY
  e.id,
  c.min_attendance_pct;

-- attendance.rosterRows
SELECT
  e.learner_id AS "learnerId",
  coalesce(u.name, '') AS name,
  e.id AS "enrollmentId",
  m.status,
  m.note
FROM
  enrollments e
  JOIN users u ON u.id = e.learner_id
  LEFT JOIN attendance_marks m ON m.session_id = $1
  AND m.learner_id = e.learner_id
WHERE
  e.class_id = $2
  AND e.status IN ('enrolled', 'completed', 'failed')
ORDER BY
  u.name COLLATE hearth_names,
  e.id;

-- attendance.history
SELECT
  h.id::text,
  h.learner_id AS "learnerId",
  coalesce(l.name, '') AS "learnerName",
  h.old_status AS "from",
  h.new_status AS "to",
  h.old_note AS "fromNote",
  h.new_note AS "toNote",
  h.source,
  h.changed_by AS "changedBy",
  coalesce(c.name, '') AS "changedByName",
  h.changed_at AS "changedAt"
FROM
  attendance_history h
  JOIN users l ON l.id = h.learner_id
  JOIN users c ON c.id = h.changed_by
WHERE
  h.session_id = $1
ORDER BY
  h.changed_at,
  h.id;

-- attendance.enrollmentOf
SELECT
  id
FROM
  enrollments
WHERE
  class_id = $1
  AND learner_id = $2
  AND status IN ('enrolled', 'completed', 'failed');

-- attendance.checkIn
WITH
  prev AS (
    SELECT
      status,
      note
    FROM
      attendance_marks
    WHERE
      session_id = $1
      AND learner_id = $2
  ),
  up AS (
    INSERT INTO
      attendance_marks (
        session_id,
        learner_id,
        enrollment_id,
        status,
        source,
        marked_by,
        marked_at
      )
    VALUES
      (
        $1,
        $2,
        $3,
        'present',
        'check-in',
        $2,
        clock_timestamp()
      )
    ON CONFLICT (session_id, learner_id) DO UPDATE
    SET
      status = 'present',
      source = 'check-in',
      marked_by = $2,
      marked_at = clock_timestamp()
    WHERE
      attendance_marks.status <> 'present'
    RETURNING
      status
  )
INSERT INTO
  attendance_history (
    session_id,
    learner_id,
    old_status,
    new_status,
    source,
    changed_by,
    changed_at
  )
SELECT
  $1,
  $2,
  (
    SELECT
      status
    FROM
      prev
  ),
  up.status,
  'check-in',
  $2,
  clock_timestamp()
FROM
  up;

-- attendance.checkInState
SELECT
  s.starts_at,
  s.ends_at,
  s.cancelled_at,
  m.status
FROM
  class_sessions s
  JOIN enrollments e ON e.class_id = s.class_id
  AND e.learner_id = $2
  AND e.status IN ('enrolled', 'completed', 'failed')
  LEFT JOIN attendance_marks m ON m.session_id = s.id
  AND m.learner_id = $2
WHERE
  s.id = $1;

-- attendance.enrollmentFacts
SELECT
  e.learner_id,
  k.instructor_id,
  o.path
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  e.id = $1;
