import { defineRules } from '../define.js';

// No grants: a learner reads, gives and withdraws only her own consent (the routes take no id); what an
// employer sees because of it is referral.candidate.read (referrals.ts).
export const consentsRules = defineRules({
  records: {},
  grants: {},
});
