import { defineRules } from '../define.js';

/** A certificate belongs to its holder and to the issuing org's subtree (anyone may verify it by code, which needs no grant). */
export const certificatesRules = defineRules({
  records: {
    certificate: {
      label: 'Certificate',
      facts: `SELECT o.path AS "orgPath", z.learner_id AS "subjectId" FROM certificates z JOIN organizations o ON o.id = z.org_id WHERE z.id = $1`,
    },
  },
  grants: {
    /** Her PDF and signed credential; staff of the issuing subtree. */
    'certificate.read': { admin: 'subtree', coordinator: 'subtree', learner: 'self' },
    'certificate.revoke': { admin: 'subtree', coordinator: 'subtree' },
  },
});
