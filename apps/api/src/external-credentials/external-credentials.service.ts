import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { queryRows } from '../common/sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';

/** The national lookup for vocational skill certificates, where anyone can check a number. */
export const NATIONAL_LOOKUP_URL = 'http://zscx.osta.org.cn/';

export type QualificationStatus = 'pending' | 'verified' | 'rejected';

export interface ExternalCredentialInput {
  certificateNumber: string;
  occupation: string;
  level?: string;
  issuingBody: string;
  issuedOn: string;
  expiresOn?: string;
}

const COLUMNS = `x.id, x.learner_id AS "learnerId", x.certificate_number AS "certificateNumber", x.occupation, x.level,
  x.issuing_body AS "issuingBody", to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
  x.status, x.rejection_reason AS "rejectionReason", x.course_id AS "courseId",
  x.checked_at AS "checkedAt", x.checked_by AS "checkedBy", x.created_at AS "createdAt"`;

/** The number as lists show it: enough to tell two apart, not enough to copy (full number on her own page and the register). */
export function maskNumber(number: string): string {
  if (number.length <= 6) return `${number.slice(0, 1)}${'*'.repeat(number.length - 2)}${number.slice(-1)}`;
  return `${number.slice(0, 3)}${'*'.repeat(number.length - 6)}${number.slice(-3)}`;
}

/** Government vocational qualifications a learner already holds: recorded by her or a coordinator, verified or rejected by a coordinator. */
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

  private async one(id: string) {
    const [item] = await this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.id = $1`, [id]);
    return { ...item, lookupUrl: NATIONAL_LOOKUP_URL };
  }

  async list(caller: AuthUser, learnerId: string) {
    await this.requireLearner(caller, learnerId);
    const items = await this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.learner_id = $1 ORDER BY x.issued_on DESC`, [learnerId]);
    return { items: items.map((i: object) => ({ ...i, lookupUrl: NATIONAL_LOOKUP_URL })), total: items.length };
  }

  /** A number she recorded before and a coordinator rejected may be recorded again (corrected): it is pending once more. */
  async record(caller: AuthUser, learnerId: string, input: ExternalCredentialInput, requestId: string) {
    await this.requireLearner(caller, learnerId);
    if (input.expiresOn && input.expiresOn < input.issuedOn) throw badRequest('expiresOn must not be before issuedOn');
    const rows = await this.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, level, issuing_body, issued_on, expires_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (learner_id, certificate_number) DO UPDATE
         SET occupation = EXCLUDED.occupation, level = EXCLUDED.level, issuing_body = EXCLUDED.issuing_body, issued_on = EXCLUDED.issued_on,
             expires_on = EXCLUDED.expires_on, recorded_by = EXCLUDED.recorded_by, status = 'pending', rejection_reason = NULL,
             course_id = NULL, checked_by = NULL, checked_at = NULL, created_at = now()
         WHERE external_credentials.status = 'rejected'
       RETURNING id`,
      [learnerId, input.certificateNumber, input.occupation, input.level ?? '', input.issuingBody, input.issuedOn, input.expiresOn ?? null, caller.id],
    );
    if (rows.length === 0) throw conflict('CONFLICT', 'This certificate number is already recorded for her');
    await this.audit.record({ actor: caller, action: 'external_credential.record', entityType: 'external_credential', entityId: rows[0].id, requestId, details: { learnerId } });
    return this.one(rows[0].id);
  }

  /** A coordinator confirms she looked the number up in the national register (a verification without a course match). */
  async markChecked(caller: AuthUser, learnerId: string, id: string, requestId: string) {
    if (caller.role === 'learner') throw forbidden();
    await this.requireLearner(caller, learnerId);
    const rows = await queryRows(this.db, `SELECT id FROM external_credentials WHERE id = $1 AND learner_id = $2`, [id, learnerId]);
    if (rows.length === 0) throw notFound('External credential');
    return this.decide(caller, id, { status: 'verified' }, requestId);
  }

  /** Qualifications of learners in the caller's subtree, oldest first, with the course each matches (or the one last matched to its occupation). */
  async review(caller: AuthUser, status: QualificationStatus, limit: number, offset: number, lang: Locale) {
    const pattern = this.scope.subtreePattern(caller);
    const where = `FROM external_credentials x JOIN users u ON u.id = x.learner_id JOIN organizations o ON o.id = u.org_id
                   WHERE x.status = $1 AND o.path LIKE $2 AND u.status = 'active'`;
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT x.id, x.learner_id AS "learnerId", u.name AS "learnerName", o.name AS "orgName", x.certificate_number AS number, x.occupation, x.level,
                x.issuing_body AS "issuingBody", to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
                x.status, x.rejection_reason AS "rejectionReason", x.created_at AS "createdAt",
                m.id AS course_id, m.code AS course_code, m.title_zh, m.title_en, (x.course_id IS NOT NULL) AS matched
           ${where.replace('WHERE', `LEFT JOIN LATERAL (
               SELECT c.id, c.code, c.title_zh, c.title_en FROM courses c
                WHERE c.id = coalesce(x.course_id, (SELECT y.course_id FROM external_credentials y
                                                      WHERE y.occupation = x.occupation AND y.status = 'verified' AND y.course_id IS NOT NULL
                                                      ORDER BY y.checked_at DESC LIMIT 1))) m ON true
            WHERE`)}
          ORDER BY x.created_at, x.id LIMIT ${limit} OFFSET ${offset}`,
        [status, pattern],
      ),
      this.db.query(`SELECT count(*)::int AS n ${where}`, [status, pattern]),
    ]);
    return {
      items: rows.map((r: Record<string, unknown> & { number: string; course_id: string | null; course_code: string; title_zh: string; title_en: string; matched: boolean }) => {
        const { number, course_id, course_code, title_zh, title_en, matched, ...rest } = r;
        return {
          ...rest,
          certificateNumberMasked: maskNumber(number),
          course: course_id ? { id: course_id, code: course_code, title: pick(lang, title_zh, title_en), suggested: !matched } : null,
        };
      }),
      total: count[0].n,
    };
  }

  private async requireInScope(caller: AuthUser, id: string) {
    const rows: { path: string | null }[] = await this.db.query(
      `SELECT o.path FROM external_credentials x JOIN users u ON u.id = x.learner_id LEFT JOIN organizations o ON o.id = u.org_id WHERE x.id = $1 AND u.status = 'active'`,
      [id],
    );
    if (!rows[0] || !this.scope.pathInScope(caller, rows[0].path)) throw notFound('External credential');
  }

  async verify(caller: AuthUser, id: string, courseId: string | undefined, requestId: string) {
    await this.requireInScope(caller, id);
    if (courseId && (await this.db.query(`SELECT 1 FROM courses WHERE id = $1`, [courseId])).length === 0) throw badRequest('courseId names a course that does not exist');
    return this.decide(caller, id, { status: 'verified', courseId }, requestId, true);
  }

  async reject(caller: AuthUser, id: string, reason: string, requestId: string) {
    await this.requireInScope(caller, id);
    return this.decide(caller, id, { status: 'rejected', reason }, requestId, true);
  }

  /** One decision, audited in the same transaction; a decided qualification is not decided again (she records it anew after a rejection). */
  private async decide(caller: AuthUser, id: string, d: { status: 'verified' | 'rejected'; courseId?: string; reason?: string }, requestId: string, pendingOnly = false) {
    await this.db.transaction(async (tx) => {
      const [row]: { status: QualificationStatus; learner_id: string; org_id: string | null }[] = await tx.query(
        `SELECT x.status, x.learner_id, u.org_id FROM external_credentials x JOIN users u ON u.id = x.learner_id WHERE x.id = $1 FOR UPDATE OF x`,
        [id],
      );
      if (pendingOnly && row.status !== 'pending') throw new AppError(409, 'INVALID_TRANSITION', `This qualification is already ${row.status}`);
      await tx.query(
        `UPDATE external_credentials SET status = $2, course_id = CASE WHEN $2 = 'verified' THEN coalesce($3::uuid, course_id) END,
                rejection_reason = $4, checked_by = $5, checked_at = now() WHERE id = $1`,
        [id, d.status, d.courseId ?? null, d.reason ?? null, caller.id],
      );
      await this.audit.record(
        {
          actor: caller,
          action: d.status === 'verified' ? 'external_credential.verify' : 'external_credential.reject',
          entityType: 'external_credential',
          entityId: id,
          orgId: row.org_id ?? undefined,
          requestId,
          details: { learnerId: row.learner_id, ...(d.courseId ? { courseId: d.courseId } : {}), ...(d.reason ? { reason: d.reason } : {}) },
        },
        tx,
      );
    });
    return this.one(id);
  }
}
