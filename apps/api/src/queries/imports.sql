-- imports.classPath
SELECT
  o.path
FROM
  classes k
  JOIN organizations o ON o.id = k.org_id
WHERE
  k.id = $1;

-- imports.start
INSERT INTO
  import_jobs (
    id,
    created_by,
    org_id,
    class_id,
    status,
    total_rows
  )
VALUES
  ($1, $2, $3, $4, 'running', $5)
ON CONFLICT (id) DO NOTHING
RETURNING
  id;

-- imports.progress
UPDATE import_jobs
SET
  processed_rows = $2
WHERE
  id = $1;

-- imports.finish
UPDATE import_jobs
SET
  status = 'done',
  processed_rows = total_rows,
  result = $2,
  finished_at = now()
WHERE
  id = $1;

-- imports.fail
UPDATE import_jobs
SET
  status = 'failed',
  finished_at = now(),
  result = $2
WHERE
  id = $1;

-- imports.knownPhones
SELECT
  u.id,
  u.phone,
  (
    u.role = 'learner'
    AND u.status = 'active'
    AND coalesce((o.path LIKE $2), FALSE)
  ) AS usable
FROM
  users u
  LEFT JOIN organizations o ON o.id = u.org_id
WHERE
  u.phone = ANY ($1);

-- imports.insertLearners
INSERT INTO
  users (phone, name, role, org_id, learner_type)
SELECT
  p,
  n,
  'learner',
  $4,
  t
FROM
  unnest($1::TEXT[], $2::TEXT[], $3::TEXT[]) AS x (p, n, t)
ON CONFLICT (phone)
WHERE
  phone IS NOT NULL DO NOTHING
RETURNING
  id;

-- imports.rememberLearners
UPDATE import_jobs
SET
  learner_ids = $2
WHERE
  id = $1;

-- imports.lockClass
SELECT
  capacity,
  enrolled_count,
  waitlist_count
FROM
  classes
WHERE
  id = $1
FOR UPDATE;

-- imports.alreadyEnrolled
SELECT
  learner_id
FROM
  enrollments
WHERE
  class_id = $1
  AND learner_id = ANY ($2)
  AND status <> 'withdrawn';

-- imports.enrol
INSERT INTO
  enrollments (
    class_id,
    learner_id,
    status,
    waitlist_position,
    enrolled_by
  )
SELECT
  $1,
  l,
  CASE
    WHEN ord <= $3 THEN 'enrolled'
    ELSE 'waitlisted'
  END,
  CASE
    WHEN ord <= $3 THEN NULL
    ELSE $4 + ord - $3
  END,
  $5
FROM
  unnest($2::UUID[]) WITH ORDINALITY AS x (l, ord);

-- imports.find
SELECT
  j.id,
  j.status,
  j.total_rows AS "totalRows",
  j.processed_rows AS "processedRows",
  j.result,
  j.created_by AS "createdBy",
  o.path,
  j.learner_ids AS "learnerIds"
FROM
  import_jobs j
  JOIN organizations o ON o.id = j.org_id
WHERE
  j.id = $1;
