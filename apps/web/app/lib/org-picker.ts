import type { OrgKind } from '@hearth/contracts';

/** The API's limit on an org name search (`q`). */
export { ORG_SEARCH_MAX } from '@hearth/contracts';
/** At most this many search matches are offered in the select. */
export const ORG_MATCHES_MAX = 50;
/** The query parameter of the org name search. */
export const ORG_SEARCH_PARAM = 'orgQ';

export interface OrgPickOption {
  id: string;
  name: string;
  kind: OrgKind;
  /** Levels below the top of the list, for indenting a whole small subtree. */
  level: number;
  /** Names of its ancestors inside the caller's subtree (search mode), to tell same-named clubs apart. */
  trail: string[];
}

/**
 * What an org select offers. `list`: her whole (small) subtree, as a plain select. `search`: too
 * many to list, so a name search and at most ORG_MATCHES_MAX matches (or, before any search, the
 * first of her subtree).
 */
export interface OrgPickerView {
  mode: 'list' | 'search';
  options: OrgPickOption[];
  /** The name searched for ('' before a search). */
  q: string;
  /** How many orgs matched the search, or (before one) how many she could choose from. */
  total: number;
  /** How many of those `options` holds (the chosen org added on top is not counted). */
  shown: number;
  /** The page's other query parameters, carried through the search form. */
  carry: [string, string][];
  /** The page's address without the search. */
  clearHref: string;
}

/** Adds the chosen org (e.g. from a failed POST) on top when the current list lacks it. */
export function withOption(options: OrgPickOption[], extra: OrgPickOption | null | undefined): OrgPickOption[] {
  return extra && !options.some((o) => o.id === extra.id) ? [extra, ...options] : options;
}
