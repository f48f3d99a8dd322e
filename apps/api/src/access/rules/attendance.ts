import { defineRules } from '../define.js';

/** A session's marks belong to its class: its own instructor, or coordinators and admins of its subtree. */
export const attendanceRules = defineRules({
  records: {
    session: {
      label: 'Session',
      facts: `SELECT o.path AS "orgPath", k.instructor_id AS "instructorId" FROM class_sessions s JOIN classes k ON k.id = s.class_id JOIN organizations o ON o.id = k.org_id WHERE s.id = $1`,
    },
  },
  grants: {
    /** The session's roster with marks, and their history. */
    'session.read': { admin: 'subtree', coordinator: 'subtree', instructor: 'teaches' },
    'session.mark': { admin: 'subtree', coordinator: 'subtree', instructor: 'teaches' },
    /** Marks more than a week after the session (the instructor's window has closed). */
    'session.mark-late': { admin: 'subtree', coordinator: 'subtree' },
    /** Show the rotating check-in code. */
    'session.check-in-code': { instructor: 'teaches' },
  },
});
