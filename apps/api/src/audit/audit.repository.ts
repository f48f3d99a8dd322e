import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Scope } from '../access/access-policy.js';
import { AUDIT_ORG_PATH } from '../access/rules/audit.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export interface AuditRow {
  actorId: string | null;
  actorRole: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
}

@SqlRepository('audit')
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [
    {
      actorId: Example.ID,
      actorRole: 'admin',
      orgId: Example.ID2,
      action: 'user.create',
      entityType: 'user',
      entityId: Example.ID,
      requestId: 'r1',
      details: {},
    },
  ])
  async insert(row: AuditRow, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `INSERT INTO audit_events (actor_id, actor_role, org_id, action, entity_type, entity_id, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.actorId, row.actorRole, row.orgId, row.action, row.entityType, row.entityId, row.requestId, row.details],
    );
  }

  @SqlExample(() => [Example.scope('admin', 'audit.read'), { entityType: 'user', action: 'user.create' }, { limit: 20, offset: 0 }])
  async list(scope: Scope, filter: AuditFilter, page: { limit: number; offset: number }) {
    const params: unknown[] = [];
    const where = [scope.where({ orgPath: AUDIT_ORG_PATH }, params)];
    for (const [column, value] of [
      ['a.entity_type', filter.entityType],
      ['a.entity_id', filter.entityId],
      ['a.actor_id', filter.actorId],
      ['a.action', filter.action],
    ] as const) {
      if (value) where.push(`${column} = $${params.push(value)}`);
    }
    const rows: { total: string; id: string }[] = await this.db.query(
      `SELECT a.id, a.at, a.actor_id AS "actorId", a.actor_role AS "actorRole", u.name AS "actorName", a.action, a.entity_type AS "entityType",
              a.entity_id AS "entityId", a.org_id AS "orgId", a.request_id AS "requestId", a.details, count(*) OVER () AS total
         FROM audit_events a LEFT JOIN organizations o ON o.id = a.org_id LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.at DESC, a.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    );
    return { items: rows.map(({ total: _t, id, ...r }) => ({ id: Number(id), ...r })), total: Number(rows[0]?.total ?? 0) };
  }
}
