-- assessments.find
SELECT
  id,
  course_id,
  kind,
  title_zh,
  title_en,
  pass_mark,
  max_attempts
FROM
  assessments
WHERE
  id = $1;

-- assessments.liveEnrollment
SELECT
  e.id,
  k.instructor_id,
  o.path
FROM
  enrollments e
  JOIN classes k ON k.id = e.class_id
  JOIN organizations o ON o.id = k.org_id
WHERE
  e.learner_id = $1
  AND k.course_id = $2
  AND e.status IN ('enrolled', 'completed')
ORDER BY
  e.created_at DESC
LIMIT
  1;

-- assessments.questions
SELECT
  id,
  kind,
  prompt_zh,
  prompt_en,
  options
FROM
  questions
WHERE
  assessment_id = $1;

-- assessments.questionsWithAnswers
SELECT
  id,
  kind,
  options,
  correct,
  explanation_zh,
  explanation_en
FROM
  questions
WHERE
  assessment_id = $1
ORDER BY
  position;

-- assessments.attemptStats
SELECT
  count(*)::int AS used,
  max(score) AS best,
  bool_or(passed) AS passed
FROM
  assessment_attempts
WHERE
  assessment_id = $1
  AND enrollment_id = $2;

-- assessments.lockEnrollment
SELECT
  id
FROM
  enrollments
WHERE
  id = $1
FOR UPDATE;

-- assessments.attemptsUsed
SELECT
  count(*)::int AS used
FROM
  assessment_attempts
WHERE
  assessment_id = $1
  AND enrollment_id = $2;

-- assessments.insertAttempt
INSERT INTO
  assessment_attempts (
    assessment_id,
    enrollment_id,
    learner_id,
    attempt_no,
    score,
    passed,
    answers,
    client_attempt_id,
    client_started_at,
    client_submitted_at
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
RETURNING
  id;

-- assessments.markCertificateIssued
UPDATE assessment_attempts
SET
  certificate_issued = TRUE
WHERE
  id = $1;

-- assessments.attemptByClientId
SELECT
  assessment_id,
  learner_id,
  attempt_no,
  score,
  passed,
  answers,
  certificate_issued
FROM
  assessment_attempts
WHERE
  client_attempt_id = $1;

-- assessments.upsertResult
INSERT INTO
  assessment_results (
    assessment_id,
    enrollment_id,
    learner_id,
    score,
    passed,
    note,
    graded_by
  )
VALUES
  ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (assessment_id, enrollment_id) DO UPDATE
SET
  score = EXCLUDED.score,
  passed = EXCLUDED.passed,
  note = EXCLUDED.note,
  graded_by = EXCLUDED.graded_by,
  graded_at = now();
