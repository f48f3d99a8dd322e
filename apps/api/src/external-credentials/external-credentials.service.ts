import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { conflict, forbidden, notFound } from '../common/app-error.js';
import { queryRows } from '../common/sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';

/** The national lookup for vocational skill certificates, where anyone can check a number. */
export const NATIONAL_LOOKUP_URL = 'http://zscx.osta.org.cn/';

export interface ExternalCredentialInput {
  certificateNumber: string;
  occupation: string;
  level?: string;
  issuingBody: string;
  issuedOn: string;
}

const COLUMNS = `x.id, x.learner_id AS "learnerId", x.certificate_number AS "certificateNumber", x.occupation, x.level,
  x.issuing_body AS "issuingBody", to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn", x.checked_at AS "checkedAt", x.checked_by AS "checkedBy", x.created_at AS "createdAt"`;

/** Government vocational qualifications a learner already holds: recorded by her or a coordinator, checked by a coordinator. */
@Injectable()
export class ExternalCredentialsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  private async requireLearner(caller: AuthUser, learnerId: string) {
    const rows: { path: string | null }[] = await this.db.query(
      `SELECT o.path FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active'`,
      [learnerId],
    );
    const ok = rows[0] && (caller.role === 'learner' ? caller.id === learnerId : this.scope.pathInScope(caller, rows[0].path));
    if (!ok) throw notFound('Learner');
  }

  async list(caller: AuthUser, learnerId: string) {
    await this.requireLearner(caller, learnerId);
    const items = await this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.learner_id = $1 ORDER BY x.issued_on DESC`, [learnerId]);
    return { items: items.map((i: object) => ({ ...i, lookupUrl: NATIONAL_LOOKUP_URL })), total: items.length };
  }

  async record(caller: AuthUser, learnerId: string, input: ExternalCredentialInput, requestId: string) {
    await this.requireLearner(caller, learnerId);
    const rows = await this.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, level, issuing_body, issued_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (learner_id, certificate_number) DO NOTHING
       RETURNING id`,
      [learnerId, input.certificateNumber, input.occupation, input.level ?? '', input.issuingBody, input.issuedOn, caller.id],
    );
    if (rows.length === 0) throw conflict('CONFLICT', 'This certificate number is already recorded for her');
    await this.audit.record({ actor: caller, action: 'external_credential.record', entityType: 'external_credential', entityId: rows[0].id, requestId, details: { learnerId } });
    const [item] = await this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.id = $1`, [rows[0].id]);
    return { ...item, lookupUrl: NATIONAL_LOOKUP_URL };
  }

  /** A coordinator confirms she looked the number up in the national register. */
  async markChecked(caller: AuthUser, learnerId: string, id: string, requestId: string) {
    if (caller.role === 'learner') throw forbidden();
    await this.requireLearner(caller, learnerId);
    const rows = await queryRows(this.db, `UPDATE external_credentials SET checked_by = $3, checked_at = now() WHERE id = $1 AND learner_id = $2 RETURNING id`, [id, learnerId, caller.id]);
    if (rows.length === 0) throw notFound('External credential');
    await this.audit.record({ actor: caller, action: 'external_credential.check', entityType: 'external_credential', entityId: id, requestId, details: { learnerId } });
    const [item] = await this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.id = $1`, [id]);
    return { ...item, lookupUrl: NATIONAL_LOOKUP_URL };
  }
}
