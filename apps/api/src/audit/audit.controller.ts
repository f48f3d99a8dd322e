import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Authenticated, CurrentUser } from '../auth/access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Responds } from '../common/openapi.js';
import { AuditQuery, pageOf } from '@hearth/contracts/inputs';
import { AuditPage } from './audit.schemas.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Events of the admin's subtree; a national admin also sees events tied to no org (e.g. failed logins of unknown phones). */
  @Get()
  @Authenticated({ roles: ['admin'] })
  @Responds(200, AuditPage)
  async list(@CurrentUser() user: AuthUser, @Query() q: AuditQuery) {
    const params: unknown[] = [`${user.orgPath}%`, user.orgKind === 'national'];
    const where = [`(o.path LIKE $1 OR (a.org_id IS NULL AND $2))`];
    for (const [column, value] of [['a.entity_type', q.entityType], ['a.entity_id', q.entityId], ['a.actor_id', q.actorId], ['a.action', q.action]] as const) {
      if (value) {
        params.push(value);
        where.push(`${column} = $${params.length}`);
      }
    }
    const { limit, offset } = pageOf(q);
    const rows = await this.db.query(
      `SELECT a.id, a.at, a.actor_id AS "actorId", a.actor_role AS "actorRole", u.name AS "actorName", a.action, a.entity_type AS "entityType",
              a.entity_id AS "entityId", a.org_id AS "orgId", a.request_id AS "requestId", a.details, count(*) OVER () AS total
         FROM audit_events a LEFT JOIN organizations o ON o.id = a.org_id LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    return { items: rows.map(({ total: _t, id, ...r }: { total: string; id: string }) => ({ id: Number(id), ...r })), total: Number(rows[0]?.total ?? 0) };
  }
}
