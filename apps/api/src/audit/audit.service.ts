import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { maskPhones } from '../common/logger.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

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
  constructor(
    private readonly events: AuditRepository,
    private readonly policy: AccessPolicy,
  ) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const details = entry.details ? JSON.parse(maskPhones(JSON.stringify(entry.details))) : {};
    await this.events.insert(
      {
        actorId: entry.actor?.id ?? null,
        actorRole: entry.actor?.role ?? null,
        orgId: entry.orgId ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        requestId: entry.requestId ?? null,
        details,
      },
      manager,
    );
  }

  /** Events of the caller's subtree, newest first. */
  list(caller: AuthUser, filter: AuditFilter, page: { limit: number; offset: number }) {
    return this.events.list(this.policy.scope(caller, 'audit.read'), filter, page);
  }
}
