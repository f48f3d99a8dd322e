import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canNestOrg, type OrgDto, type Page } from '@hearth/contracts';
import { AppError, conflict, forbidden } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateOrgDto } from './dto/create-org.dto.js';

const ORG_COLUMNS = `id, parent_id AS "parentId", kind, name, depth`;

@Injectable()
export class OrgsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** The caller's subtree in tree order (each org right after its parent). */
  async listSubtree(caller: AuthUser): Promise<Page<OrgDto>> {
    const pattern = this.scope.subtreePattern(caller);
    if (!pattern) throw forbidden();
    const items: OrgDto[] = await this.db.query(
      `SELECT ${ORG_COLUMNS} FROM organizations WHERE path LIKE $1 ORDER BY path`,
      [pattern],
    );
    return { items, total: items.length };
  }

  async create(caller: AuthUser, input: CreateOrgDto, requestId: string): Promise<OrgDto> {
    const parent = await this.scope.requireOrg(caller, input.parentId);
    if (!canNestOrg(parent.kind, input.kind)) {
      throw new AppError(422, 'ORG_KIND_INVALID', `A ${input.kind} cannot be placed under a ${parent.kind}; choose a lower kind`);
    }
    return this.db.transaction(async (tx) => {
      const rows: OrgDto[] = await tx.query(
        `WITH new_id AS (SELECT gen_random_uuid() AS id)
         INSERT INTO organizations (id, parent_id, kind, name, path, depth)
         SELECT id, $1, $2, $3, $4 || id::text || '/', $5 FROM new_id
         ON CONFLICT DO NOTHING
         RETURNING ${ORG_COLUMNS}`,
        [parent.id, input.kind, input.name, parent.path, parent.depth + 1],
      );
      if (rows.length === 0) throw conflict('CONFLICT', `An organization named "${input.name}" already exists here`);
      await this.audit.record(
        { actor: caller, action: 'org.create', entityType: 'organization', entityId: rows[0].id, orgId: rows[0].id, requestId, details: { kind: input.kind, parentId: parent.id } },
        tx,
      );
      return rows[0];
    });
  }
}
