import { defineRules } from '../define.js';

/**
 * Staff open any assessment of the catalogue; a learner only through her live enrollment in a class
 * of its course (the service gives `subjectId` = her id when she has one).
 */
export const assessmentsRules = defineRules({
  records: {
    assessment: { label: 'Assessment', facts: `SELECT c.published FROM assessments a JOIN courses c ON c.id = a.course_id WHERE a.id = $1` },
  },
  grants: {
    'assessment.read': { admin: 'always', coordinator: 'always', instructor: 'always', learner: 'self' },
  },
});
