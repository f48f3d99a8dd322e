import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canNestOrg, JOINABLE_ORG_KINDS, type JoinableOrgDto, type OrgDto, type OrgNodeDto, type OrgNodePageDto, type Page } from '@hearth/contracts';
import { AppError, conflict, forbidden } from '../common/app-error.js';
import { toInt } from '../common/sql.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService, type ScopedOrg } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateOrgDto } from '@hearth/contracts/inputs';
import type { JoinableOrgsQuery, ListOrgsQuery } from '@hearth/contracts/inputs';

const ORG_COLUMNS = `id, parent_id AS "parentId", kind, name, depth`;

/**
 * The node fields of a page of orgs `p` (already limited, so these run for one page only): direct
 * children through organizations_parent_idx, subtree learners from the dashboard aggregates (a
 * primary-key lookup), and the ancestors inside the caller's subtree (pattern $1), by primary key
 * from the ids in the org's path.
 */
const NODE_COLUMNS = `p.id, p.parent_id AS "parentId", p.kind, p.name, p.depth,
       (SELECT count(*)::int FROM organizations c WHERE c.parent_id = p.id) AS "childCount",
       coalesce((SELECT st.learners FROM org_state_subtree st WHERE st.org_id = p.id), 0) AS learners,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'name', a.name) ORDER BY a.depth), '[]')
          FROM organizations a
         WHERE a.id = ANY (string_to_array(trim(BOTH '/' FROM p.path), '/')::uuid[]) AND a.id <> p.id AND a.path LIKE $1) AS trail`;

type NodeRow = OrgNodeDto & { total?: string };

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

  /**
   * One page of the tree: `parentId`'s direct children by name; or, with `q`, the orgs whose name
   * contains it anywhere under `parentId` (default her own org, itself included), closest matches
   * first; or, with only limit/offset, her subtree in tree order. `kind` narrows any of them to
   * those kinds. An org outside her subtree is 404.
   */
  async browse(caller: AuthUser, query: ListOrgsQuery): Promise<OrgNodePageDto> {
    const pattern = this.scope.subtreePattern(caller);
    if (!pattern) throw forbidden();
    const parent = query.parentId ? await this.scope.requireOrg(caller, query.parentId) : null;
    const { limit, offset } = pageOf(query);

    // $1, her subtree, bounds every mode (and the trails); strpos instead of ILIKE needs no escaping.
    // Search has no name index on purpose: Chinese queries are mostly 1-2 characters, too short for
    // trigrams. At 58,000 orgs it took 3 ms for a province (path index) and 31 ms for the whole country.
    const params: unknown[] = [pattern];
    const where = ['o.path LIKE $1'];
    let order = (t: string) => `${t}.path`;
    if (query.q !== undefined) {
      params.push(parent ? `${parent.path}%` : pattern, query.q);
      where.push('o.path LIKE $2', 'strpos(lower(o.name), lower($3)) > 0');
      order = (t) => `lower(${t}.name) = lower($3) DESC, strpos(lower(${t}.name), lower($3)), ${t}.depth, ${t}.name, ${t}.id`;
    } else if (parent) {
      params.push(parent.id);
      where.push('o.parent_id = $2');
      order = (t) => `${t}.name, ${t}.id`;
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`o.kind = ANY ($${params.length}::text[])`);
    }
    const filter = where.join(' AND ');
    const rows: NodeRow[] = await this.db.query(
      `WITH p AS (
         SELECT o.*, count(*) OVER () AS total FROM organizations o
          WHERE ${filter} ORDER BY ${order('o')} LIMIT $${params.length + 1} OFFSET $${params.length + 2}
       )
       SELECT ${NODE_COLUMNS}, p.total FROM p ORDER BY ${order('p')}`,
      [...params, limit, offset],
    );
    // Past the last page the window count has no row to ride on.
    const total = rows.length > 0 || offset === 0 ? toInt(rows[0]?.total) : toInt((await this.db.query(`SELECT count(*) AS total FROM organizations o WHERE ${filter}`, params))[0].total);
    const items = rows.map(({ total: _, ...node }) => node);
    return parent ? { items, total, parent: await this.node(pattern, parent) } : { items, total };
  }

  /**
   * Clubs and stations whose name contains `q` (anyone may ask, to choose hers when registering):
   * closest names first, each with its trail below the national root. Nothing else about them.
   */
  async joinable(query: JoinableOrgsQuery): Promise<Page<JoinableOrgDto>> {
    const { limit, offset } = pageOf({ limit: query.limit ?? 10, offset: query.offset });
    const filter = `o.kind = ANY ($2::text[]) AND strpos(lower(o.name), lower($1)) > 0`;
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT o.id, o.kind, o.name,
                (SELECT coalesce(json_agg(json_build_object('kind', a.kind, 'name', a.name) ORDER BY a.depth), '[]')
                   FROM organizations a
                  WHERE a.id = ANY (string_to_array(trim(BOTH '/' FROM o.path), '/')::uuid[]) AND a.id <> o.id AND a.depth > 0) AS trail
           FROM organizations o
          WHERE ${filter}
          ORDER BY lower(o.name) = lower($1) DESC, strpos(lower(o.name), lower($1)), o.depth, o.name, o.id
          LIMIT $3 OFFSET $4`,
        [query.q, JOINABLE_ORG_KINDS, limit, offset],
      ) as Promise<JoinableOrgDto[]>,
      this.db.query(`SELECT count(*)::int AS n FROM organizations o WHERE ${filter}`, [query.q, JOINABLE_ORG_KINDS]) as Promise<{ n: number }[]>,
    ]);
    return { items: rows, total: count[0].n };
  }

  private async node(pattern: string, org: ScopedOrg): Promise<OrgNodeDto> {
    const rows: OrgNodeDto[] = await this.db.query(`SELECT ${NODE_COLUMNS} FROM organizations p WHERE p.id = $2`, [pattern, org.id]);
    return rows[0];
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
