import { defineRules } from '../define.js';

const JOB_FACTS = `SELECT o.path AS "orgPath", j.employer_id AS "employerId", (j.status = 'open') AS published
  FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id WHERE j.id = $1`;

export const employersRules = defineRules({
  records: {
    employer: {
      label: 'Employer',
      facts: `SELECT o.path AS "orgPath", e.id AS "employerId" FROM employers e JOIN organizations o ON o.id = e.org_id WHERE e.id = $1`,
    },
    job: { label: 'Job opening', facts: JOB_FACTS },
  },
  grants: {
    'employer.read': { admin: 'subtree', coordinator: 'subtree' },
    /** Post openings for it: the club's side for employers of its subtree, employer staff for their own company. */
    'employer.manage': { admin: 'subtree', coordinator: 'subtree', employer: 'employer' },
    /** Learners see open openings anywhere (to know what to train for). */
    'job.read': { admin: 'subtree', coordinator: 'subtree', instructor: 'subtree', employer: 'employer', learner: 'published' },
    'job.manage': { admin: 'subtree', coordinator: 'subtree', employer: 'employer' },
    /** Whether she qualifies for an opening and which certificates she lacks (the learner, about herself; she sees no referral counts). */
    'job.fit.read': { learner: 'published' },
  },
});
