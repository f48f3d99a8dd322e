import { defineRules } from '../define.js';

// No grants: export and erasure act on the caller's own account only (the routes take no id).
export const privacyRules = defineRules({
  records: {},
  grants: {},
});
