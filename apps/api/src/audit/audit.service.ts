import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { maskPhones } from '../common/logger.js';

export interface AuditEntry {
  actor: Pick<AuthUser, 'id' | 'role'> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The org the record belongs to, so admins see events of their subtree. */
  orgId?: string | null;
  requestId?: string | null;
  /** Never passwords or tokens; phone numbers are masked on the way in. */
  details?: Record<string, unknown>;
}

/** Append-only audit trail (the table refuses UPDATE and DELETE). Write inside the caller's transaction when there is one. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const details = entry.details ? JSON.parse(maskPhones(JSON.stringify(entry.details))) : {};
    await (manager ?? this.db.manager).query(
      `INSERT INTO audit_events (actor_id, actor_role, org_id, action, entity_type, entity_id, request_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.actor?.id ?? null, entry.actor?.role ?? null, entry.orgId ?? null, entry.action, entry.entityType, entry.entityId ?? null, entry.requestId ?? null, details],
    );
  }
}
