import { defineRules } from '../define.js';

export const referralsRules = defineRules({
  records: {
    referral: {
      label: 'Referral',
      facts: `SELECT o.path AS "orgPath", f.learner_id AS "subjectId", f.employer_id AS "employerId" FROM referrals f JOIN organizations o ON o.id = f.org_id WHERE f.id = $1`,
    },
    followup: {
      label: 'Follow-up',
      facts: `SELECT o.path AS "orgPath", f.employer_id AS "employerId" FROM placement_followups p JOIN referrals f ON f.id = p.referral_id JOIN organizations o ON o.id = f.org_id WHERE p.id = $1`,
    },
  },
  grants: {
    'referral.read': { admin: 'subtree', coordinator: 'subtree', employer: 'employer', learner: 'self' },
    /** Refer a learner of her subtree to an opening of an employer of her subtree (both must hold). */
    'referral.create': { admin: 'subtree', coordinator: 'subtree' },
    'referral.move': { admin: 'subtree', coordinator: 'subtree', employer: 'employer' },
    /** Who she is, the referrer's note, who moved it: the club's side only. */
    'referral.learner.read': { admin: 'subtree', coordinator: 'subtree' },
    /** The consented candidate profile (name, phone, certificates, hours), and only notes her own staff wrote. */
    'referral.candidate.read': { employer: 'employer' },
    /** An outcome the employer reports is passed on to the coordinator who referred her. */
    'referral.outcome.report': { employer: 'employer' },
    'followup.read': { admin: 'subtree', coordinator: 'subtree', employer: 'employer' },
    'followup.record': { admin: 'subtree', coordinator: 'subtree', employer: 'employer' },
  },
});
