import { defineRules } from '../define.js';

// No grants of its own: issuing activation codes is managing the learners' accounts (user.manage,
// users.ts), and a sheet for an import is reading the import (import.read, imports.ts).
export const claimsRules = defineRules({
  records: {},
  grants: {},
});
