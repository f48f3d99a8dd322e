import { defineRules } from '../define.js';

/** Staff of the class's subtree run it; learners and employers browse published classes anywhere (self-enrollment is not limited to her org). */
export const classesRules = defineRules({
  records: {
    class: {
      label: 'Class',
      facts: `SELECT o.path AS "orgPath", k.instructor_id AS "instructorId", c.published FROM classes k JOIN organizations o ON o.id = k.org_id JOIN courses c ON c.id = k.course_id WHERE k.id = $1`,
    },
  },
  grants: {
    /** Open a class by id (a learner keeps seeing a class she is in after its course is unpublished). */
    'class.read': { admin: 'subtree', coordinator: 'subtree', instructor: 'subtree', employer: 'always', learner: 'always' },
    /** Which classes the catalogue lists. */
    'class.list': { admin: 'subtree', coordinator: 'subtree', instructor: 'subtree', employer: 'published', learner: 'published' },
    /** Filter the list by an org (facts of the org): staff only within their subtree. */
    'class.list-in-org': { admin: 'subtree', coordinator: 'subtree', instructor: 'subtree', employer: 'always', learner: 'always' },
    /** The list is sorted nearest her own branch of the tree first. */
    'class.list-nearest-first': { learner: 'always' },
    /** Hold a class at an org (facts of the org). */
    'class.create': { admin: 'subtree', coordinator: 'subtree' },
    /** Give a class an instructor (facts of the instructor's org; the class must also be on her branch of the tree). */
    'class.assign-instructor': { admin: 'subtree', coordinator: 'subtree' },
    /** Change a class and its sessions. */
    'class.manage': { admin: 'subtree', coordinator: 'subtree' },
    /** Enrol a learner: staff in their subtree, a learner herself in a published class. */
    'class.enrol': { admin: 'subtree', coordinator: 'subtree', learner: 'published' },
    /** The roster of enrolled learners. */
    'class.roster': { admin: 'subtree', coordinator: 'subtree', instructor: 'teaches' },
    /** The roster's phone numbers in full (the instructor sees them masked). */
    'class.roster-phones': { admin: 'subtree', coordinator: 'subtree' },
  },
});
