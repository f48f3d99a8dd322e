import { defineRules } from '../define.js';

export const orgsRules = defineRules({
  records: {
    org: { label: 'Organization', facts: `SELECT path AS "orgPath" FROM organizations WHERE id = $1` },
  },
  grants: {
    /** See the org and its subtree, or pick it in a form (a class's org, a course's owner, a report's root). */
    'org.read': { admin: 'subtree', coordinator: 'subtree', instructor: 'subtree', employer: 'subtree' },
    /** Create an org under it, run classes and people in it. */
    'org.manage': { admin: 'subtree', coordinator: 'subtree' },
  },
});
