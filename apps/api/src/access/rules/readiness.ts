import { defineRules } from '../define.js';

export const readinessRules = defineRules({
  records: {
    /** A learner's readiness to pair (a volunteer mother's required certificates). */
    readiness: {
      label: 'Learner',
      facts: `SELECT o.path AS "orgPath", u.id AS "subjectId" FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active'`,
    },
  },
  grants: {
    'readiness.read': { admin: 'subtree', coordinator: 'subtree', learner: 'self' },
  },
});
