import type { LearnerType, Locale, OrgKind, Role } from '@hearth/contracts';

/** The signed-in caller, loaded from the database on every request (so a disabled account stops at once). */
export interface AuthUser {
  id: string;
  role: Role;
  name: string | null;
  phone: string | null;
  orgId: string | null;
  orgPath: string | null;
  orgKind: OrgKind | null;
  orgName: string | null;
  employerId: string | null;
  learnerType: LearnerType | null;
  locale: Locale;
  /** Her password was set by staff (new account or reset), so someone else knows it. */
  passwordFromStaff: boolean;
  /** Access tokens carrying another version (`ver`) are refused: her password changed or was reset since. */
  tokenVersion: number;
}
