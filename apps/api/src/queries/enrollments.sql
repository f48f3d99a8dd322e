-- enrollments.findLearner
SELECT
  u.id
FROM
  users u
  JOIN organizations o ON o.id = u.org_id
WHERE
  u.phone = $1
  AND u.role = 'learner'
  AND u.status = 'active'
  AND (o.path LIKE $2);

-- enrollments.lockClass
SELECT
  k.id,
  k.course_id,
  k.capacity,
  k.enrolled_count,
  k.waitlist_count,
  k.status,
  CASE
    WHEN k.status IN ('cancelled', 'finished') THEN k.status
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
    ELSE 'scheduled'
  END AS effective_status,
  c.published,
  o.path,
  c.title_zh,
  c.min_attendance_pct,
  c.required_hours::float AS required_hours
FROM
  classes k
  JOIN courses c ON c.id = k.course_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  k.id = $1
FOR UPDATE OF
  k;

-- enrollments.existing
SELECT
  status,
  waitlist_position
FROM
  enrollments
WHERE
  class_id = $1
  AND learner_id = $2
  AND status <> 'withdrawn';

-- enrollments.missingPrerequisites
SELECT
  p.id,
  p.code,
  p.title_zh,
  p.title_en
FROM
  course_prerequisites cp
  JOIN courses p ON p.id = cp.prerequisite_id
WHERE
  cp.course_id = $1
  AND NOT EXISTS (
    SELECT
      1
    FROM
      certificates z
    WHERE
      z.learner_id = $2
      AND z.course_id = p.id
      AND z.status = 'valid'
      AND (
        z.expires_at IS NULL
        OR z.expires_at > now()
      )
  )
ORDER BY
  p.code;

-- enrollments.attendanceOutlook
SELECT
  count(*) FILTER (
    WHERE
      s.starts_at <= now()
  )::int AS "sessionsHeld",
  count(*) FILTER (
    WHERE
      s.starts_at <= now()
      AND m.status IN ('present', 'late')
  )::int AS "sessionsAttended",
  coalesce(
    sum(
      extract(
        epoch
        FROM
          s.ends_at - s.starts_at
      ) / 3600
    ) FILTER (
      WHERE
        s.starts_at <= now()
        AND m.status IN ('present', 'late')
    ),
    0
  )::float AS "hoursAttended",
  coalesce(
    json_agg(
      extract(
        epoch
        FROM
          s.ends_at - s.starts_at
      )::float / 3600
      ORDER BY
        s.starts_at
    ) FILTER (
      WHERE
        s.starts_at > now()
    ),
    '[]'::json
  ) AS "remainingSessionHours"
FROM
  class_sessions s
  LEFT JOIN attendance_marks m ON m.session_id = s.id
  AND m.learner_id = $2
WHERE
  s.class_id = $1;

-- enrollments.insert
INSERT INTO
  enrollments (
    class_id,
    learner_id,
    status,
    waitlist_position,
    enrolled_by
  )
VALUES
  ($1, $2, $3, $4, $5)
RETURNING
  id;

-- enrollments.promoteWaitlisted
WITH
  k AS (
    SELECT
      capacity - enrolled_count AS free
    FROM
      classes
    WHERE
      id = $1
  ),
  heads AS (
    SELECT
      e.id
    FROM
      enrollments e,
      k
    WHERE
      e.class_id = $1
      AND e.status = 'waitlisted'
    ORDER BY
      e.waitlist_position
    LIMIT
      (
        SELECT
          greatest(free, 0)
        FROM
          k
      )
  )
UPDATE enrollments e
SET
  status = 'enrolled',
  waitlist_position = NULL,
  updated_at = now()
FROM
  heads
WHERE
  e.id = heads.id
RETURNING
  e.learner_id,
  (
    SELECT
      c.title_zh
    FROM
      classes k2
      JOIN courses c ON c.id = k2.course_id
    WHERE
      k2.id = $1
  ) AS title;

-- enrollments.classOf
SELECT
  class_id
FROM
  enrollments
WHERE
  id = $1;

-- enrollments.find
SELECT
  learner_id,
  status,
  waitlist_position
FROM
  enrollments
WHERE
  id = $1;

-- enrollments.withdraw
UPDATE enrollments
SET
  status = 'withdrawn',
  waitlist_position = NULL,
  withdrawn_at = now(),
  updated_at = now()
WHERE
  id = $1;
UPDATE enrollments
SET
  waitlist_position = waitlist_position - 1
WHERE
  class_id = $1
  AND status = 'waitlisted'
  AND waitlist_position > $2;
UPDATE classes
SET
  waitlist_count = waitlist_count - 1,
  updated_at = now()
WHERE
  id = $1;

-- enrollments.liveClassIds
SELECT DISTINCT
  e.class_id
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
WHERE
  e.learner_id = $1
  AND e.status IN ('enrolled', 'waitlisted')
  AND (
    CASE
      WHEN k.status IN ('cancelled', 'finished') THEN k.status
      WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
      WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
      ELSE 'scheduled'
    END
  ) IN ('scheduled', 'running')
ORDER BY
  e.class_id;

-- enrollments.live
SELECT
  id,
  status,
  waitlist_position
FROM
  enrollments
WHERE
  class_id = $1
  AND learner_id = $2
  AND status IN ('enrolled', 'waitlisted');

-- enrollments.classFacts
SELECT
  o.path,
  k.instructor_id
FROM
  classes k
  JOIN organizations o ON o.id = k.org_id
WHERE
  k.id = $1;

-- enrollments.roster
SELECT
  e.id,
  e.learner_id AS "learnerId",
  coalesce(u.name, '') AS name,
  regexp_replace(
    coalesce(u.phone, ''),
    '^(\d{3})\d{4}(\d{4})$',
    '\1****\2'
  ) AS phone,
  u.learner_type AS "learnerType",
  e.status,
  e.waitlist_position AS "waitlistPosition",
  e.created_at AS "createdAt"
FROM
  enrollments e
  JOIN users u ON u.id = e.learner_id
WHERE
  e.class_id = $1
  AND e.status <> 'withdrawn'
ORDER BY
  (e.status = 'waitlisted'),
  e.waitlist_position NULLS FIRST,
  u.name COLLATE hearth_names,
  e.id
LIMIT
  $2
OFFSET
  $3;
SELECT
  count(*)::int AS n
FROM
  enrollments
WHERE
  class_id = $1
  AND status <> 'withdrawn';

-- enrollments.mine
SELECT
  e.id,
  e.status,
  e.waitlist_position AS "waitlistPosition",
  e.created_at AS "createdAt",
  k.id AS "classId",
  CASE
    WHEN k.status IN ('cancelled', 'finished') THEN k.status
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
    ELSE 'scheduled'
  END AS "classStatus",
  to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
  k.location,
  o.name AS "orgName",
  c.id AS "courseId",
  c.code AS "courseCode",
  c.title_zh,
  c.title_en,
  c.category,
  (
    SELECT
      count(*)::int
    FROM
      class_sessions s
    WHERE
      s.class_id = k.id
      AND s.cancelled_at IS NULL
  ) AS "sessionCount",
  (
    SELECT
      json_build_object(
        'startsAt',
        s.starts_at,
        'endsAt',
        s.ends_at,
        'location',
        s.location
      )
    FROM
      class_sessions s
    WHERE
      s.class_id = k.id
      AND s.ends_at > now()
      AND s.cancelled_at IS NULL
    ORDER BY
      s.starts_at
    LIMIT
      1
  ) AS "nextSession"
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
  JOIN courses c ON c.id = k.course_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  e.learner_id = $1
  AND e.status <> 'withdrawn'
ORDER BY
  k.starts_on DESC;

-- enrollments.studyPackClasses
SELECT
  e.id AS enrollment_id,
  e.status,
  (
    SELECT
      json_agg(
        json_build_object(
          'position',
          l.position,
          'body_zh',
          l.body_zh,
          'body_en',
          l.body_en
        )
        ORDER BY
          l.position
      )
    FROM
      (
        SELECT
          *
        FROM
          lessons
        WHERE
          course_id = k.course_id
        ORDER BY
          position
        LIMIT
          $2
      ) l
  ) AS lessons,
  CASE
    WHEN e.status = 'waitlisted' THEN NULL
    ELSE (
      SELECT
        array_agg(
          a.id
          ORDER BY
            a.position
        )
      FROM
        assessments a
      WHERE
        a.course_id = k.course_id
        AND a.kind = 'quiz'
    )
  END AS quiz_ids
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
WHERE
  e.learner_id = $1
  AND e.status IN ('enrolled', 'waitlisted', 'completed')
  AND k.status <> 'cancelled'
ORDER BY
  k.starts_on DESC,
  e.created_at DESC
LIMIT
  $3;

-- enrollments.studyPackCertificates
SELECT
  code
FROM
  certificates
WHERE
  learner_id = $1
ORDER BY
  issued_at DESC
LIMIT
  $2;
