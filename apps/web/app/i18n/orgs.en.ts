import type { orgsZhCN } from './orgs';

/** English for the keys of `./orgs` (typed against them: a missing key is a compile error). */
export const orgsEn: Record<keyof typeof orgsZhCN, string> = {
  'orgs.page.title': 'Organisations',
  'orgs.heading': 'Organisations',
  'orgs.intro': 'Browse the federations, clubs and stations you manage, level by level, and add new ones under them.',
  'orgs.path': 'Where you are',
  'orgs.counts': '{children} sub-organisations · {learners} learners',
  'orgs.dashboard': "Open this organisation's dashboard",
  'orgs.children.heading': 'Sub-organisations ({n})',
  'orgs.children.empty': 'No sub-organisations yet.',
  'orgs.children.new': 'New',

  'orgs.search.label': 'Find an organisation by name',
  'orgs.search.hint': 'Searches every organisation you manage; part of the name is enough, e.g. "Jinta".',
  'orgs.search.submit': 'Find',
  'orgs.search.tooLong': 'At most {max} characters.',
  'orgs.search.heading': 'Organisations named with "{q}" ({n})',
  'orgs.search.empty': 'No organisation has "{q}" in its name. Try another word.',
  'orgs.search.back': 'Back to the organisation tree',

  'orgs.create.heading': 'Add a sub-organisation',
  'orgs.create.intro': 'It will be placed under "{name}".',
  'orgs.create.name': 'Name',
  'orgs.create.nameHint': 'The full name, e.g. "Jinta Town Caring Mothers Station".',
  'orgs.create.kind': 'Level',
  'orgs.create.kindHint': 'Only levels below "{kind}".',
  'orgs.create.submit': 'Add',
  'orgs.create.done': '"{name}" was added.',
  'orgs.create.open': 'Open "{name}"',
  'orgs.create.lowest': 'A station is the lowest level: nothing can be added under it.',

  'orgs.error.name': 'Enter a name of 1 to {max} characters.',
  'orgs.error.nameTaken': 'There is already an organisation called "{name}" here. Choose another name.',
  'orgs.error.kind': 'Choose a level below the parent organisation.',
  'orgs.error.parent': 'The parent organisation was not found; it may no longer be in your area. Go back to the organisation tree and open it again.',
};
