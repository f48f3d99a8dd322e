import { COORDINATOR_CREATABLE_ROLES, type Role } from '@hearth/contracts';
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
    /** Accounts of the roles that run others (admins, coordinators): created and reset by admins only. */
    'user.manage.privileged': { admin: 'subtree' },
  },
});

/** The action that creates, or resets the password of, an account of this role. */
export const manageAction = (role: Role) => (COORDINATOR_CREATABLE_ROLES.includes(role) ? ('user.manage' as const) : ('user.manage.privileged' as const));
