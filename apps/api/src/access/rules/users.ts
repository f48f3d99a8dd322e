import { defineRules } from '../define.js';

export const usersRules = defineRules({
  records: {
    user: {
      label: 'User',
      facts: `SELECT o.path AS "orgPath", u.id AS "subjectId" FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.status = 'active'`,
    },
  },
  grants: {
    'user.read': { admin: 'subtree', coordinator: 'subtree', instructor: 'self', employer: 'self', learner: 'self' },
    'user.manage': { admin: 'subtree', coordinator: 'subtree' },
  },
});
