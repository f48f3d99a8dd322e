import { defineRules } from '../define.js';

/** An enrollment belongs to its learner and to its class (its instructor, and staff of the class's subtree). */
export const enrollmentsRules = defineRules({
  records: {
    /** A learner as someone to enrol (an active learner account). */
    enrollee: {
      label: 'Learner',
      facts: `SELECT o.path AS "orgPath", u.id AS "subjectId" FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active'`,
    },
    enrollment: {
      label: 'Enrollment',
      facts: `SELECT o.path AS "orgPath", e.learner_id AS "subjectId", k.instructor_id AS "instructorId" FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN organizations o ON o.id = k.org_id WHERE e.id = $1`,
    },
  },
  grants: {
    /** Enrol someone else (by id or phone): staff, learners of their subtree. A learner enrols only herself. */
    'enrollee.enrol-others': { admin: 'subtree', coordinator: 'subtree' },
    /** Her attendance in the class and what she still needs for the certificate. */
    'enrollment.read': { admin: 'subtree', coordinator: 'subtree', instructor: 'teaches', learner: 'self' },
    /** Issue the certificate once the course rules are met. */
    'enrollment.certify': { admin: 'subtree', coordinator: 'subtree', instructor: 'teaches' },
    /** Record a practical assessment's result. */
    'enrollment.grade': { admin: 'subtree', coordinator: 'subtree', instructor: 'teaches' },
    'enrollment.withdraw': { admin: 'subtree', coordinator: 'subtree', learner: 'self' },
  },
});
