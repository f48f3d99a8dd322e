import { COORDINATOR_CREATABLE_ROLES, ROLES, type MeDto, type Role } from '@hearth/contracts';

export const isAdmin = (user: MeDto) => user.role === 'admin' || user.roles.includes('admin');

/** The roles this user may give a new account (the API's rule, so the form offers nothing it would refuse). */
export const creatableRoles = (user: MeDto): readonly Role[] => (isAdmin(user) ? ROLES : COORDINATOR_CREATABLE_ROLES);

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The API's limit on `q`. */
export const SEARCH_MAX = 50;

/** What people type into a search box for a phone number: full-width digits, spaces, dashes. */
export function normalizeSearch(input: string): string {
  const text = input.trim().slice(0, SEARCH_MAX);
  if (!/^[\d\uFF10-\uFF19\s\-+()（）]+$/.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[^\d]/g, '')
    .replace(/^86(?=1\d{10}$)/, '');
}
