-- courses.list
SELECT
  c.*,
  (
    SELECT
      count(*)
    FROM
      classes k
    WHERE
      k.course_id = c.id
      AND k.status IN ('scheduled', 'running')
      AND k.ends_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
  ) AS open_classes,
  (
    SELECT
      count(*)
    FROM
      lessons l
    WHERE
      l.course_id = c.id
  ) AS lesson_count,
  (
    SELECT
      count(*)
    FROM
      classes k
    WHERE
      k.course_id = c.id
      AND k.status <> 'cancelled'
  ) AS class_count,
  (
    SELECT
      o.path
    FROM
      organizations o
    WHERE
      o.id = c.owner_org_id
  ) AS owner_path
FROM
  courses c
WHERE
  (
    c.published
    OR (
      coalesce(
        (
          SELECT
            o.path
          FROM
            organizations o
          WHERE
            o.id = c.owner_org_id
        ),
        $2::text
      ) LIKE $3
    )
  )
  AND (
    $1::text IS NULL
    OR c.category = $1
  )
ORDER BY
  CASE c.category
    WHEN 'law' THEN 1
    WHEN 'care' THEN 2
    ELSE 3
  END,
  c.code
LIMIT
  100
OFFSET
  0;
SELECT
  count(*)::int AS n
FROM
  courses c
WHERE
  (
    c.published
    OR (
      coalesce(
        (
          SELECT
            o.path
          FROM
            organizations o
          WHERE
            o.id = c.owner_org_id
        ),
        $2::text
      ) LIKE $3
    )
  )
  AND (
    $1::text IS NULL
    OR c.category = $1
  );

-- courses.find
SELECT
  c.*,
  (
    SELECT
      count(*)
    FROM
      classes k
    WHERE
      k.course_id = c.id
      AND k.status IN ('scheduled', 'running')
      AND k.ends_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date
  ) AS open_classes,
  (
    SELECT
      count(*)
    FROM
      lessons l
    WHERE
      l.course_id = c.id
  ) AS lesson_count,
  (
    SELECT
      count(*)
    FROM
      classes k
    WHERE
      k.course_id = c.id
      AND k.status <> 'cancelled'
  ) AS class_count,
  (
    SELECT
      o.path
    FROM
      organizations o
    WHERE
      o.id = c.owner_org_id
  ) AS owner_path
FROM
  courses c
WHERE
  c.code = upper($1);

-- courses.lessons
SELECT
  id,
  position,
  title_zh,
  title_en,
  body_zh,
  body_en,
  hours
FROM
  lessons
WHERE
  course_id = $1
ORDER BY
  position;

-- courses.assessments
SELECT
  a.id,
  a.position,
  a.kind,
  a.title_zh,
  a.title_en,
  a.pass_mark,
  a.max_attempts,
  (
    SELECT
      count(*)
    FROM
      questions q
    WHERE
      q.assessment_id = a.id
  ) AS question_count
FROM
  assessments a
WHERE
  a.course_id = $1
ORDER BY
  a.position;

-- courses.prerequisites
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
ORDER BY
  p.code;

-- courses.orgPath
SELECT
  path
FROM
  organizations
WHERE
  id = $1;

-- courses.insert
INSERT INTO
  courses (
    code,
    category,
    title_zh,
    title_en,
    description_zh,
    description_en,
    required_hours,
    min_attendance_pct,
    pass_mark,
    validity_months,
    required_for_volunteers,
    published,
    owner_org_id
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
    $12,
    $13
  )
ON CONFLICT (code) DO NOTHING
RETURNING
  id;

-- courses.lockForUpdate
SELECT
  c.required_for_volunteers,
  c.published,
  c.owner_org_id,
  o.path AS owner_path
FROM
  courses c
  LEFT JOIN organizations o ON o.id = c.owner_org_id
WHERE
  c.id = $1
FOR UPDATE OF
  c;

-- courses.update
UPDATE courses
SET
  required_hours = $2,
  updated_at = now()
WHERE
  id = $1;

-- courses.volunteerReadinessChanged
INSERT INTO
  stats_dirty (org_id)
SELECT DISTINCT
  org_id
FROM
  users
WHERE
  role = 'learner'
  AND learner_type = 'volunteer_mother'
  AND status = 'active'
  AND org_id IS NOT NULL
ON CONFLICT DO NOTHING;

-- courses.countExisting
SELECT
  id
FROM
  courses
WHERE
  id = ANY ($1);

-- courses.wouldCycle
WITH RECURSIVE
  chain (id) AS (
    SELECT
      unnest($1::UUID[])
    UNION
    SELECT
      cp.prerequisite_id
    FROM
      course_prerequisites cp
      JOIN chain ON cp.course_id = chain.id
  )
SELECT
  1
FROM
  chain
WHERE
  id = $2
LIMIT
  1;

-- courses.setPrerequisites
DELETE FROM course_prerequisites
WHERE
  course_id = $1;
INSERT INTO
  course_prerequisites (course_id, prerequisite_id)
SELECT
  $1,
  unnest($2::UUID[]);

-- courses.setLessons
DELETE FROM lessons
WHERE
  course_id = $1;
INSERT INTO
  lessons (
    course_id,
    position,
    title_zh,
    title_en,
    body_zh,
    body_en,
    hours
  )
SELECT
  $1,
  ord,
  t,
  te,
  b,
  be,
  h
FROM
  unnest(
    $2::TEXT[],
    $3::TEXT[],
    $4::TEXT[],
    $5::TEXT[],
    $6::NUMERIC[]
  ) WITH ORDINALITY AS l (t, te, b, be, h, ord);
