import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canNestOrg, JOINABLE_ORG_KINDS, type JoinableOrgDto, type OrgDto, type OrgNodePageDto, type Page } from '@hearth/contracts';
import { AppError, conflict, forbidden } from '../common/app-error.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateOrgDto } from '@hearth/contracts/inputs';
import type { JoinableOrgsQuery, ListOrgsQuery } from '@hearth/contracts/inputs';
import { OrgsRepository, type OrgRow } from './orgs.repository.js';

@Injectable()
export class OrgsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgs: OrgsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** The org, if the caller may take this action on it; otherwise 404 (the same answer as for an unknown id). */
  async require(caller: AuthUser, action: 'org.read' | 'org.manage', orgId: string): Promise<OrgRow> {
    const org = await this.orgs.find(orgId);
    this.policy.assert(caller, action, org && { orgPath: org.path });
    return org!;
  }

  /** The caller's subtree in tree order (each org right after its parent). */
  async listSubtree(caller: AuthUser): Promise<Page<OrgDto>> {
    const scope = this.policy.scope(caller, 'org.read');
    if (!scope.any) throw forbidden();
    const items = await this.orgs.listSubtree(scope);
    return { items, total: items.length };
  }

  /**
   * One page of the tree: `parentId`'s direct children by name; or, with `q`, the orgs whose name
   * contains it anywhere under `parentId` (default her own org, itself included), closest matches
   * first; or, with only limit/offset, her subtree in tree order. `kind` narrows any of them to
   * those kinds. An org outside her subtree is 404.
   */
  async browse(caller: AuthUser, query: ListOrgsQuery): Promise<OrgNodePageDto> {
    const scope = this.policy.scope(caller, 'org.read');
    if (!scope.any) throw forbidden();
    const parent = query.parentId ? await this.require(caller, 'org.read', query.parentId) : null;
    const { items, total } = await this.orgs.browse(scope, { parent, q: query.q, kind: query.kind }, pageOf(query));
    return parent ? { items, total, parent: await this.orgs.node(scope, parent.id) } : { items, total };
  }

  /**
   * Clubs and stations whose name contains `q` (anyone may ask, to choose hers when registering):
   * closest names first, each with its trail below the national root. Nothing else about them.
   */
  joinable(query: JoinableOrgsQuery): Promise<Page<JoinableOrgDto>> {
    return this.orgs.joinable({ q: query.q, kinds: JOINABLE_ORG_KINDS }, pageOf({ limit: query.limit ?? 10, offset: query.offset }));
  }

  async create(caller: AuthUser, input: CreateOrgDto, requestId: string): Promise<OrgDto> {
    const parent = await this.require(caller, 'org.manage', input.parentId);
    if (!canNestOrg(parent.kind, input.kind)) {
      throw new AppError(422, 'ORG_KIND_INVALID', `A ${input.kind} cannot be placed under a ${parent.kind}; choose a lower kind`);
    }
    return this.db.transaction(async (tx) => {
      const org = await this.orgs.insert(parent, { kind: input.kind, name: input.name }, tx);
      if (!org) throw conflict('CONFLICT', `An organization named "${input.name}" already exists here`);
      await this.audit.record(
        {
          actor: caller,
          action: 'org.create',
          entityType: 'organization',
          entityId: org.id,
          orgId: org.id,
          requestId,
          details: { kind: input.kind, parentId: parent.id },
        },
        tx,
      );
      return org;
    });
  }
}
