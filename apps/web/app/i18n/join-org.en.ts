import type { joinOrgZhCN } from './join-org';

/** English for the keys of `./join-org` (typed against them: a missing key is a compile error). */
export const joinOrgEn: Record<keyof typeof joinOrgZhCN, string> = {
  'account.joinOrg.legend': 'Your club or station',
  'account.joinOrg.hint': 'Type a few characters of its name, press “Search”, then choose it from the results. Its staff will see you there.',
  'account.joinOrg.search.label': 'Club or station name',
  'account.joinOrg.search.submit': 'Search',
  'account.joinOrg.results': '{n} have “{q}” in their name:',
  'account.joinOrg.resultsMore': '{n} have “{q}” in their name; the first {shown} are listed below. Type more of the name to narrow the search.',
  'account.joinOrg.none': 'No club or station has “{q}” in its name. Try another word, or ask the staff.',
  'account.joinOrg.required': 'Search for and choose your club or station first.',
  'account.joinOrg.kind.club': 'club',
  'account.joinOrg.kind.station': 'station',
  'classes.late.badge': 'Too late to finish',
  'classes.late.why': 'This class has already held {held} sessions; even attending every remaining one cannot reach the {pct}% attendance or {hours} hours the certificate needs, so it no longer takes enrollments.',
  'classes.late.next': 'Enrol in the next class instead: {org}, starting {starts}.',
  'classes.late.noNext': 'There is no next class yet. Please look again later, or ask your club.',
  'classes.late.nextLink': 'See the next class',
  'classes.late.staffWarning': 'Enrolled, but the sessions left in this class can no longer bring her to the attendance or hours rule, so she cannot earn this course’s certificate. If you are entering a class after the fact, remember to record her attendance for the sessions already held.',
};
