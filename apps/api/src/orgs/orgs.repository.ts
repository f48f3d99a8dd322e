import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { JoinableOrgDto, OrgDto, OrgKind, OrgNodeDto } from '@hearth/contracts';
import type { Scope } from '../access/access-policy.js';
import { toInt } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export interface OrgRow {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  path: string;
  depth: number;
}

export interface BrowseFilter {
  /** Direct children of this org (without `q`), or anywhere under its path (with `q`). */
  parent?: { id: string; path: string } | null;
  q?: string;
  kind?: OrgKind[];
}

const ORG_COLUMNS = `id, parent_id AS "parentId", kind, name, depth`;

/**
 * The node fields of a page of orgs `p` (already limited, so these run for one page only): direct
 * children through organizations_parent_idx, subtree learners from the dashboard aggregates (a
 * primary-key lookup), and the ancestors the scope reaches, by primary key from the ids in the org's path.
 */
const nodeColumns = (scope: Scope, params: unknown[]) => `p.id, p.parent_id AS "parentId", p.kind, p.name, p.depth,
       (SELECT count(*)::int FROM organizations c WHERE c.parent_id = p.id) AS "childCount",
       coalesce((SELECT st.learners FROM org_state_subtree st WHERE st.org_id = p.id), 0) AS learners,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'name', a.name) ORDER BY a.depth), '[]')
          FROM organizations a
         WHERE a.id = ANY (string_to_array(trim(BOTH '/' FROM p.path), '/')::uuid[]) AND a.id <> p.id AND ${scope.where({ orgPath: 'a.path' }, params)}) AS trail`;

type NodeRow = OrgNodeDto & { total?: string };

@SqlRepository('orgs')
@Injectable()
export class OrgsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID, undefined])
  async find(id: string, manager: EntityManager = this.db.manager): Promise<OrgRow | null> {
    const rows: OrgRow[] = await manager.query(`SELECT id, parent_id AS "parentId", kind, name, path, depth FROM organizations WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The orgs the scope reaches, in tree order (each org right after its parent). */
  @SqlExample(() => [Example.scope('coordinator', 'org.read')])
  listSubtree(scope: Scope): Promise<OrgDto[]> {
    const params: unknown[] = [];
    return this.db.query(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE ${scope.where({ orgPath: 'o.path' }, params)} ORDER BY path`, params);
  }

  /** One page of the orgs the scope reaches; see OrgsService.browse. */
  @SqlExample(() => [
    Example.scope('admin', 'org.read'),
    { parent: { id: Example.ID2, path: `/${Example.ID}/${Example.ID2}/` }, q: '驿站', kind: ['station'] },
    { limit: 20, offset: 0 },
  ])
  async browse(scope: Scope, filter: BrowseFilter, page: { limit: number; offset: number }): Promise<{ items: OrgNodeDto[]; total: number }> {
    // Search has no name index on purpose: Chinese queries are mostly 1-2 characters, too short for
    // trigrams. At 58,000 orgs it took 3 ms for a province (path index) and 31 ms for the whole country.
    const params: unknown[] = [];
    const where = [scope.where({ orgPath: 'o.path' }, params)];
    let order = (t: string) => `${t}.path`;
    if (filter.q !== undefined) {
      // strpos instead of ILIKE needs no escaping.
      if (filter.parent) where.push(`o.path LIKE $${params.push(`${filter.parent.path}%`)}`);
      const q = `$${params.push(filter.q)}`;
      where.push(`strpos(lower(o.name), lower(${q})) > 0`);
      order = (t) => `lower(${t}.name) = lower(${q}) DESC, strpos(lower(${t}.name), lower(${q})), ${t}.depth, ${t}.name, ${t}.id`;
    } else if (filter.parent) {
      where.push(`o.parent_id = $${params.push(filter.parent.id)}`);
      order = (t) => `${t}.name, ${t}.id`;
    }
    if (filter.kind) where.push(`o.kind = ANY ($${params.push(filter.kind)}::text[])`);
    const filterSql = where.join(' AND ');
    const filterParams = [...params];
    const rows: NodeRow[] = await this.db.query(
      `WITH p AS (
         SELECT o.*, count(*) OVER () AS total FROM organizations o
          WHERE ${filterSql} ORDER BY ${order('o')} LIMIT ${page.limit} OFFSET ${page.offset}
       )
       SELECT ${nodeColumns(scope, params)}, p.total FROM p ORDER BY ${order('p')}`,
      params,
    );
    // Past the last page the window count has no row to ride on.
    const total =
      rows.length > 0 || page.offset === 0
        ? toInt(rows[0]?.total)
        : toInt((await this.db.query(`SELECT count(*) AS total FROM organizations o WHERE ${filterSql}`, filterParams))[0].total);
    return { items: rows.map(({ total: _, ...node }) => node), total };
  }

  /** One org as a node, its trail cut to what the scope reaches. */
  @SqlExample(() => [Example.scope('admin', 'org.read'), Example.ID])
  async node(scope: Scope, orgId: string): Promise<OrgNodeDto> {
    const params: unknown[] = [orgId];
    const rows: OrgNodeDto[] = await this.db.query(`SELECT ${nodeColumns(scope, params)} FROM organizations p WHERE p.id = $1`, params);
    return rows[0];
  }

  /** Orgs of these kinds whose name contains `q`, closest names first, each with its trail below the national root. */
  @SqlExample(() => [
    { q: '驿站', kinds: ['club', 'station'] },
    { limit: 10, offset: 0 },
  ])
  async joinable(filter: { q: string; kinds: readonly OrgKind[] }, page: { limit: number; offset: number }) {
    const where = `o.kind = ANY ($2::text[]) AND strpos(lower(o.name), lower($1)) > 0`;
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT o.id, o.kind, o.name,
                (SELECT coalesce(json_agg(json_build_object('kind', a.kind, 'name', a.name) ORDER BY a.depth), '[]')
                   FROM organizations a
                  WHERE a.id = ANY (string_to_array(trim(BOTH '/' FROM o.path), '/')::uuid[]) AND a.id <> o.id AND a.depth > 0) AS trail
           FROM organizations o
          WHERE ${where}
          ORDER BY lower(o.name) = lower($1) DESC, strpos(lower(o.name), lower($1)), o.depth, o.name, o.id
          LIMIT $3 OFFSET $4`,
        [filter.q, filter.kinds, page.limit, page.offset],
      ) as Promise<JoinableOrgDto[]>,
      this.db.query(`SELECT count(*)::int AS n FROM organizations o WHERE ${where}`, [filter.q, filter.kinds]) as Promise<{ n: number }[]>,
    ]);
    return { items: rows, total: count[0].n };
  }

  /** The new org, or null if its parent already has one of that name. */
  @SqlExample(() => [{ id: Example.ID, path: `/${Example.ID}/`, depth: 0 }, { kind: 'province', name: '福建省' }, undefined])
  async insert(
    parent: { id: string; path: string; depth: number },
    org: { kind: OrgKind; name: string },
    manager: EntityManager = this.db.manager,
  ): Promise<OrgDto | null> {
    const rows: OrgDto[] = await manager.query(
      `WITH new_id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO organizations (id, parent_id, kind, name, path, depth)
       SELECT id, $1, $2, $3, $4 || id::text || '/', $5 FROM new_id
       ON CONFLICT DO NOTHING
       RETURNING ${ORG_COLUMNS}`,
      [parent.id, org.kind, org.name, parent.path, parent.depth + 1],
    );
    return rows[0] ?? null;
  }
}
