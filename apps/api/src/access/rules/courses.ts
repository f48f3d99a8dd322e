import { defineRules } from '../define.js';

/**
 * A course belongs to its owner org's subtree. The national catalogue (a course owned by no org) sits
 * at the root of every tree, so only a root's admin may change it: its facts take the caller's root
 * path as their orgPath (`courseOrgPath`; in SQL, coalesce the owner's path with her root's), and a
 * province admin's subtree does not reach it. The record kind's facts below leave that orgPath null
 * (they cannot know the caller), so check courses with `courseOrgPath`, not `policy.require`.
 */
export const courseOrgPath = (ownerPath: string | null | undefined, callerOrgPath: string | null | undefined): string | null =>
  ownerPath ?? /^\/[^/]+\//.exec(callerOrgPath ?? '')?.[0] ?? null;

export const coursesRules = defineRules({
  records: {
    course: {
      label: 'Course',
      facts: `SELECT o.path AS "orgPath", c.published FROM courses c LEFT JOIN organizations o ON o.id = c.owner_org_id WHERE c.id = $1`,
    },
  },
  grants: {
    /** Published courses are open to all (signed out too); a draft to the admins who may change it. */
    'course.read': { admin: ['published', 'subtree'], coordinator: 'published', instructor: 'published', employer: 'published', learner: 'published' },
    /** Author a course (facts of the course, or of the org that will own it). */
    'course.manage': { admin: 'subtree' },
  },
});
