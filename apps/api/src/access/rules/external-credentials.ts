import { defineRules } from '../define.js';

/**
 * A government qualification a learner holds belongs to her and to her org's subtree: she and staff
 * there record and read them, staff decide them. Checks on "her qualifications" use her own facts
 * (her org's path, her id), which are every one of her qualifications' facts.
 */
export const externalCredentialsRules = defineRules({
  records: {
    qualification: {
      label: 'External credential',
      facts: `SELECT o.path AS "orgPath", x.learner_id AS "subjectId" FROM external_credentials x JOIN users u ON u.id = x.learner_id LEFT JOIN organizations o ON o.id = u.org_id WHERE x.id = $1 AND u.status = 'active'`,
    },
  },
  grants: {
    'qualification.read': { admin: 'subtree', coordinator: 'subtree', learner: 'self' },
    'qualification.record': { admin: 'subtree', coordinator: 'subtree', learner: 'self' },
    /** Verify (checked in the national register, matched to a course) or reject. */
    'qualification.decide': { admin: 'subtree', coordinator: 'subtree' },
  },
});
