import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrgKind } from '@hearth/contracts';
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
}
