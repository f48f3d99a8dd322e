-- classes.findOrg
SELECT
  id,
  kind,
  path
FROM
  organizations
WHERE
  id = $1;

-- classes.courseExists
SELECT
  id
FROM
  courses
WHERE
  id = $1;

-- classes.instructorOrgPath
SELECT
  o.path
FROM
  users u
  JOIN organizations o ON o.id = u.org_id
WHERE
  u.id = $1
  AND u.role = 'instructor'
  AND u.status = 'active';

-- classes.insert
INSERT INTO
  classes (
    course_id,
    org_id,
    instructor_id,
    starts_on,
    ends_on,
    capacity,
    location,
    created_by
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING
  id;

-- classes.list
SELECT
  k.id,
  k.course_id AS "courseId",
  c.code AS "courseCode",
  c.title_zh AS "titleZh",
  c.title_en AS "titleEn",
  c.category,
  k.org_id AS "orgId",
  o.name AS "orgName",
  o.path AS "orgPath",
  k.instructor_id AS "instructorId",
  i.name AS "instructorName",
  to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
  k.capacity,
  k.enrolled_count AS "enrolledCount",
  k.waitlist_count AS "waitlistCount",
  k.location,
  CASE
    WHEN k.status IN ('cancelled', 'finished') THEN k.status
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
    ELSE 'scheduled'
  END AS status,
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'id',
            s.id,
            'startsAt',
            s.starts_at,
            'endsAt',
            s.ends_at,
            'location',
            s.location,
            'cancelledAt',
            s.cancelled_at
          )
          ORDER BY
            s.starts_at
        )
      FROM
        class_sessions s
      WHERE
        s.class_id = k.id
    ),
    '[]'::json
  ) AS sessions
FROM
  classes k
  JOIN courses c ON c.id = k.course_id
  JOIN organizations o ON o.id = k.org_id
  LEFT JOIN users i ON i.id = k.instructor_id
WHERE
  (o.path LIKE $1)
  AND k.course_id = $2
  AND o.path LIKE $3
  AND (
    CASE
      WHEN k.status IN ('cancelled', 'finished') THEN k.status
      WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
      WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
      ELSE 'scheduled'
    END
  ) IN ('scheduled', 'running')
ORDER BY
  k.starts_on,
  k.id
LIMIT
  20
OFFSET
  0;
SELECT
  count(*)::int AS total
FROM
  classes k
  JOIN courses c ON c.id = k.course_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  (o.path LIKE $1)
  AND k.course_id = $2
  AND o.path LIKE $3
  AND (
    CASE
      WHEN k.status IN ('cancelled', 'finished') THEN k.status
      WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
      WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
      ELSE 'scheduled'
    END
  ) IN ('scheduled', 'running');

-- classes.findRow
SELECT
  k.id,
  k.course_id AS "courseId",
  c.code AS "courseCode",
  c.title_zh AS "titleZh",
  c.title_en AS "titleEn",
  c.category,
  k.org_id AS "orgId",
  o.name AS "orgName",
  o.path AS "orgPath",
  k.instructor_id AS "instructorId",
  i.name AS "instructorName",
  to_char(k.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(k.ends_on, 'YYYY-MM-DD') AS "endsOn",
  k.capacity,
  k.enrolled_count AS "enrolledCount",
  k.waitlist_count AS "waitlistCount",
  k.location,
  CASE
    WHEN k.status IN ('cancelled', 'finished') THEN k.status
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date > k.ends_on THEN 'finished'
    WHEN (now() AT TIME ZONE 'Asia/Shanghai')::date >= k.starts_on THEN 'running'
    ELSE 'scheduled'
  END AS status,
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'id',
            s.id,
            'startsAt',
            s.starts_at,
            'endsAt',
            s.ends_at,
            'location',
            s.location,
            'cancelledAt',
            s.cancelled_at
          )
          ORDER BY
            s.starts_at
        )
      FROM
        class_sessions s
      WHERE
        s.class_id = k.id
    ),
    '[]'::json
  ) AS sessions
FROM
  classes k
  JOIN courses c ON c.id = k.course_id
  JOIN organizations o ON o.id = k.org_id
  LEFT JOIN users i ON i.id = k.instructor_id
WHERE
  k.id = $1;

-- classes.lockForUpdate
SELECT
  k.capacity,
  k.enrolled_count,
  o.path,
  k.org_id,
  k.instructor_id
FROM
  classes k
  JOIN organizations o ON o.id = k.org_id
WHERE
  k.id = $1
FOR UPDATE OF
  k;

-- classes.update
UPDATE classes
SET
  capacity = $2,
  location = $3,
  updated_at = now()
WHERE
  id = $1;

-- classes.lockWithTitle
SELECT
  k.id,
  k.org_id,
  o.path,
  k.status,
  k.instructor_id,
  k.location,
  c.title_zh AS title
FROM
  classes k
  JOIN organizations o ON o.id = k.org_id
  JOIN courses c ON c.id = k.course_id
WHERE
  k.id = $1
FOR UPDATE OF
  k;

-- classes.sessionClassId
SELECT
  class_id
FROM
  class_sessions
WHERE
  id = $1;

-- classes.lockSession
SELECT
  id,
  class_id,
  starts_at,
  ends_at,
  location,
  cancelled_at
FROM
  class_sessions
WHERE
  id = $1
FOR UPDATE;

-- classes.session
SELECT
  id,
  class_id AS "classId",
  starts_at AS "startsAt",
  ends_at AS "endsAt",
  location,
  cancelled_at AS "cancelledAt"
FROM
  class_sessions
WHERE
  id = $1;

-- classes.coverDates
UPDATE classes
SET
  starts_on = least(
    starts_on,
    ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
  ),
  ends_on = greatest(
    ends_on,
    ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
  ),
  updated_at = now()
WHERE
  id = $1;

-- classes.enrolledLearnerIds
SELECT
  learner_id
FROM
  enrollments
WHERE
  class_id = $1
  AND status = 'enrolled';

-- classes.markOrgDirty
SELECT
  mark_org_dirty ($1);

-- classes.insertSession
INSERT INTO
  class_sessions (class_id, starts_at, ends_at, location)
VALUES
  ($1, $2, $3, $4)
RETURNING
  id,
  class_id AS "classId",
  starts_at AS "startsAt",
  ends_at AS "endsAt",
  location,
  cancelled_at AS "cancelledAt";

-- classes.moveSession
UPDATE class_sessions
SET
  starts_at = $2,
  ends_at = $3,
  location = $4
WHERE
  id = $1
RETURNING
  id,
  class_id AS "classId",
  starts_at AS "startsAt",
  ends_at AS "endsAt",
  location,
  cancelled_at AS "cancelledAt";

-- classes.cancelSession
UPDATE class_sessions
SET
  cancelled_at = now(),
  cancelled_by = $2
WHERE
  id = $1
RETURNING
  id,
  class_id AS "classId",
  starts_at AS "startsAt",
  ends_at AS "endsAt",
  location,
  cancelled_at AS "cancelledAt";
