import { defineRules } from '../define.js';

/** Events tied to no org (e.g. a failed login of an unknown phone) belong to the root of the tree. */
export const AUDIT_ORG_PATH = `coalesce(o.path, (SELECT r.path FROM organizations r WHERE r.parent_id IS NULL ORDER BY r.path LIMIT 1))`;

export const auditRules = defineRules({
  records: {
    audit: {
      label: 'Audit event',
      facts: `SELECT ${AUDIT_ORG_PATH} AS "orgPath" FROM audit_events a LEFT JOIN organizations o ON o.id = a.org_id WHERE a.id = $1::bigint`,
    },
  },
  grants: {
    'audit.read': { admin: 'subtree' },
  },
});
