import type { orgPickerZhCN } from './org-picker';

/** English for the keys of `./org-picker` (typed against them: a missing key is a compile error). */
export const orgPickerEn: Record<keyof typeof orgPickerZhCN, string> = {
  'orgs.picker.search.label': 'Find an organisation by name',
  'orgs.picker.search.hint': 'There are too many organisations to list. Type part of the name, press “Find organisation”, then choose from the list below.',
  'orgs.picker.search.submit': 'Find organisation',
  'orgs.picker.search.filterHint': 'There are too many organisations to list. Type part of the name, press “{button}”, then choose from the list below.',
  'orgs.picker.search.clear': 'Clear the search',
  'orgs.picker.option': '{name} ({kind})',
  'orgs.picker.first': 'There are {n} organisations; only the first {shown} are listed below. Search by name above to find another.',
  'orgs.picker.matches': '{n} organisations have “{q}” in their name, all listed below.',
  'orgs.picker.matchesMore': '{n} organisations have “{q}” in their name; only the first {shown} are listed below. Type more of the name to narrow the search.',
  'orgs.picker.none': 'No organisation has “{q}” in its name. Try another word.',
};
