import { ApiError, type ApiClient, type OrgKind, type OrgNodeDto } from '@hearth/contracts';
import { isUuid } from './forms';
import { ORG_MATCHES_MAX, ORG_SEARCH_MAX, ORG_SEARCH_PARAM, type OrgPickOption, type OrgPickerView } from './org-picker';

/**
 * Up to this many orgs, a select lists them all (a coordinator's club and stations); above it the
 * page searches by name instead. ORG_PICKER_LIMIT lowers it (tests use the small demo tree); the
 * API pages at most 100.
 */
export function orgPickerLimit(): number {
  const configured = Math.floor(Number(process.env.ORG_PICKER_LIMIT));
  return Number.isFinite(configured) && configured >= 1 ? Math.min(100, configured) : 100;
}

const searchOption = (node: OrgNodeDto): OrgPickOption => ({ id: node.id, name: node.name, kind: node.kind, level: 0, trail: node.trail.map((a) => a.name) });

/** One org of her subtree as a search option, or null when it is not hers (or not of `kinds`). */
export async function orgOption(api: ApiClient, id: string, kinds?: readonly OrgKind[]): Promise<OrgPickOption | null> {
  if (!isUuid(id)) return null;
  try {
    const { parent } = await api.orgs.list({ parentId: id, limit: 1 });
    return parent && (!kinds || kinds.includes(parent.kind)) ? searchOption(parent) : null;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/**
 * The orgs an org select offers, never her whole subtree: one page of at most orgPickerLimit()
 * orgs tells whether it is small enough to list; otherwise the `orgQ` search of the page's URL, or
 * the first page. `keep` (the chosen or preset org) stays selectable while it is hers.
 */
export async function loadOrgPicker(api: ApiClient, url: URL, options: { keep?: string[]; kinds?: readonly OrgKind[] } = {}): Promise<OrgPickerView> {
  const { keep = [], kinds } = options;
  const kind = kinds ? [...kinds] : undefined;
  // Control characters cannot be in a name, and PostgreSQL refuses some of them in text: drop them.
  const q = (url.searchParams.get(ORG_SEARCH_PARAM) ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, ORG_SEARCH_MAX);
  const carry = [...url.searchParams].filter(([key]) => key !== ORG_SEARCH_PARAM);
  const rest = new URLSearchParams(carry).toString();
  const base = { q, carry, clearHref: rest ? `${url.pathname}?${rest}` : url.pathname };

  if (!q) {
    const limit = orgPickerLimit();
    const page = await api.orgs.list({ limit, kind });
    if (page.total <= limit) {
      const top = Math.min(...page.items.map((o) => o.depth));
      const all = page.items.map((o) => ({ id: o.id, name: o.name, kind: o.kind, level: o.depth - top, trail: [] }));
      return { ...base, mode: 'list', options: all, total: page.total, shown: all.length };
    }
    const first = page.items.slice(0, ORG_MATCHES_MAX).map(searchOption);
    return { ...base, mode: 'search', options: await keeping(api, first, keep, kinds), total: page.total, shown: first.length };
  }
  const page = await api.orgs.list({ q, limit: ORG_MATCHES_MAX, kind });
  const matches = page.items.map(searchOption);
  return { ...base, mode: 'search', options: await keeping(api, matches, keep, kinds), total: page.total, shown: matches.length };
}

async function keeping(api: ApiClient, options: OrgPickOption[], keep: string[], kinds?: readonly OrgKind[]): Promise<OrgPickOption[]> {
  const missing = [...new Set(keep)].filter((id) => id && !options.some((o) => o.id === id));
  const found = await Promise.all(missing.map((id) => orgOption(api, id, kinds)));
  return [...found.filter((o): o is OrgPickOption => o !== null), ...options];
}
