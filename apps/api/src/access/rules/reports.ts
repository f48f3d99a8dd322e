import { defineRules } from '../define.js';

export const reportsRules = defineRules({
  records: {
    /** A report is an org's numbers (its subtree's aggregates). */
    report: { label: 'Organization', facts: `SELECT path AS "orgPath" FROM organizations WHERE id = $1` },
  },
  grants: {
    'report.read': { admin: 'subtree', coordinator: 'subtree' },
  },
});
