import { defineRules } from '../define.js';

// Record kinds and grants of this domain; see define.ts for the relations.
export const coursesRules = defineRules({
  records: {},
  grants: {},
});
