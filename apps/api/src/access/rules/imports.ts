import { defineRules } from '../define.js';

export const importsRules = defineRules({
  records: {
    import: {
      label: 'Import',
      facts: `SELECT o.path AS "orgPath", j.created_by AS "createdBy" FROM import_jobs j JOIN organizations o ON o.id = j.org_id WHERE j.id = $1`,
    },
  },
  grants: {
    /** Import learners into an org (or a class) of her subtree, reusing the accounts of her subtree. */
    'import.create': { admin: 'subtree', coordinator: 'subtree' },
    /** Its progress and result, and the activation-code sheet of its learners. */
    'import.read': { admin: ['subtree', 'creator'], coordinator: ['subtree', 'creator'] },
  },
});
