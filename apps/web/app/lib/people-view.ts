import { COORDINATOR_CREATABLE_ROLES, ROLES, type MeDto, type OrgDto, type OrgKind, type Role } from '@hearth/contracts';

export const isAdmin = (user: MeDto) => user.role === 'admin' || user.roles.includes('admin');

/** The roles this user may give a new account (the API's rule, so the form offers nothing it would refuse). */
export const creatableRoles = (user: MeDto): readonly Role[] => (isAdmin(user) ? ROLES : COORDINATOR_CREATABLE_ROLES);

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Up to this many orgs, the whole subtree is one select; a province's is narrowed by a name search instead. */
export const ORG_SELECT_MAX = 100;
/** The API's limit on `q`. */
export const SEARCH_MAX = 50;

export interface OrgOption {
  id: string;
  name: string;
  kind: OrgKind;
  /** Levels below the top of the caller's subtree, for indenting a whole-tree list. */
  level: number;
  /** Named when the list is a search result, where two clubs may share a name. */
  parentName: string | null;
}

export interface OrgChoices {
  options: OrgOption[];
  /** True when the subtree is too big to list and the page shows an org search. */
  searchable: boolean;
  search: string;
  /** Matches left out of `options`. */
  more: number;
}

/**
 * The org options of a select. GET /api/orgs answers the caller's whole subtree in tree order; a
 * coordinator's is a handful, a province admin's thousands, too many for a select on a cheap phone.
 * Then only her own org and the level below it are listed, or the orgs whose name contains `search`;
 * `keep` (the chosen org) is always listed.
 */
export function orgChoices(orgs: OrgDto[], search: string, keep: string[] = []): OrgChoices {
  const top = Math.min(...orgs.map((o) => o.depth));
  const option = (o: OrgDto, parentName: string | null): OrgOption => ({ id: o.id, name: o.name, kind: o.kind, level: o.depth - top, parentName });
  if (orgs.length <= ORG_SELECT_MAX) return { options: orgs.map((o) => option(o, null)), searchable: false, search: '', more: 0 };

  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const needle = search.trim().toLowerCase();
  const matches = orgs.filter((o) => (needle ? o.name.toLowerCase().includes(needle) : o.depth <= top + 1));
  const shown = matches.slice(0, ORG_SELECT_MAX);
  for (const id of keep) {
    const kept = orgs.find((o) => o.id === id);
    if (kept && !shown.includes(kept)) shown.unshift(kept);
  }
  return {
    options: shown.map((o) => option(o, o.parentId ? (names.get(o.parentId) ?? null) : null)),
    searchable: true,
    search: search.trim(),
    more: Math.max(0, matches.length - ORG_SELECT_MAX),
  };
}

/** What people type into a search box for a phone number: full-width digits, spaces, dashes. */
export function normalizeSearch(input: string): string {
  const text = input.trim().slice(0, SEARCH_MAX);
  if (!/^[\d\uFF10-\uFF19\s\-+()（）]+$/.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[^\d]/g, '')
    .replace(/^86(?=1\d{10}$)/, '');
}
