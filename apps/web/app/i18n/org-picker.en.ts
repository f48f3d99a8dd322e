import type { orgPickerZhCN } from './org-picker';

/** English for the keys of `./org-picker` (typed against them: a missing key is a compile error). */
export const orgPickerEn: Record<keyof typeof orgPickerZhCN, string> = {
  'orgPicker.search.label': 'Find an organisation by name',
  'orgPicker.search.hint': 'There are too many organisations to list. Type part of the name, press “Find organisation”, then choose from the list below.',
  'orgPicker.search.submit': 'Find organisation',
  'orgPicker.search.filterHint': 'There are too many organisations to list. Type part of the name, press “{button}”, then choose from the list below.',
  'orgPicker.search.clear': 'Clear the search',
  'orgPicker.option': '{name} ({kind})',
  'orgPicker.first': 'There are {n} organisations; only the first {shown} are listed below. Search by name above to find another.',
  'orgPicker.matches': '{n} organisations have “{q}” in their name, all listed below.',
  'orgPicker.matchesMore': '{n} organisations have “{q}” in their name; only the first {shown} are listed below. Type more of the name to narrow the search.',
  'orgPicker.none': 'No organisation has “{q}” in its name. Try another word.',
};
