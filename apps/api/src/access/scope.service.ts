import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgKind, Role } from '@hearth/contracts';
import { notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';

export interface ScopedOrg {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  path: string;
  depth: number;
}

export interface ScopedUser {
  id: string;
  phone: string | null;
  role: Role;
  orgId: string | null;
  /** False for a learner her club registered who has not claimed the account yet. */
  hasPassword: boolean;
}

/**
 * Org scoping, in one place. Staff (admin, coordinator, instructor, employer) see their org's
 * subtree; a record outside it is reported as not found, never as forbidden, so its existence
 * does not leak. Learners see their own records, checked by the services through `isSelf`.
 */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** LIKE pattern matching every org path in the caller's subtree, or null if she has no subtree. */
  subtreePattern(user: AuthUser): string | null {
    return user.orgPath ? `${user.orgPath}%` : null;
  }

  pathInScope(user: AuthUser, path: string | null | undefined): boolean {
    return !!user.orgPath && !!path && path.startsWith(user.orgPath);
  }

  isSelf(user: AuthUser, userId: string): boolean {
    return user.id === userId;
  }

  async findOrg(orgId: string, manager?: EntityManager): Promise<ScopedOrg | null> {
    const rows: ScopedOrg[] = await (manager ?? this.db.manager).query(
      `SELECT id, parent_id AS "parentId", kind, name, path, depth FROM organizations WHERE id = $1`,
      [orgId],
    );
    return rows[0] ?? null;
  }

  /** The org, if it is inside the caller's subtree; otherwise 404 (the same answer as for an unknown id). */
  async requireOrg(user: AuthUser, orgId: string, manager?: EntityManager): Promise<ScopedOrg> {
    const org = await this.findOrg(orgId, manager);
    if (!org || !this.pathInScope(user, org.path)) throw notFound('Organization');
    return org;
  }

  /** An active account of the caller's subtree (of `role`, if given); otherwise 404, as for an unknown id. */
  async requireUser(caller: AuthUser, userId: string, role?: Role): Promise<ScopedUser> {
    const rows: (ScopedUser & { path: string | null })[] = await this.db.query(
      `SELECT u.id, u.phone, u.role, u.org_id AS "orgId", (u.password_hash IS NOT NULL) AS "hasPassword", o.path
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id
        WHERE u.id = $1 AND u.status = 'active' AND ($2::text IS NULL OR u.role = $2)`,
      [userId, role ?? null],
    );
    const found = rows[0];
    if (!found || !this.pathInScope(caller, found.path)) throw notFound('User');
    const { path: _path, ...user } = found;
    return user;
  }
}
