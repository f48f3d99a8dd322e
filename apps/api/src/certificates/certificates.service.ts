import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { evaluateCompletion, type Locale, type MissingRequirement, type RevocationReason } from '@hearth/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { preparedRows, queryRows } from '../common/sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JOBS } from '../queue/jobs.js';
import { formatCode, maskName, newCertificateCode, normalizeCode } from './certificate-code.js';
import { CredentialsService } from './credentials.service.js';
import { VERIFY_BY_CODE_SQL, VERIFY_BY_CODES_SQL } from './certificate-queries.js';


interface EnrollmentContext {
  enrollment_id: string;
  learner_id: string;
  learner_name: string | null;
  class_id: string;
  course_id: string;
  course_code: string;
  title_zh: string;
  title_en: string;
  description_zh: string;
  required_hours: string;
  min_attendance_pct: number;
  validity_months: number | null;
  org_id: string;
  org_name: string;
  path: string;
  instructor_id: string | null;
  status: string;
}

interface CertificateRow {
  id: string;
  code: string;
  status: 'valid' | 'revoked';
  learner_id: string;
  holder_name: string | null;
  course_code: string;
  title_zh: string;
  title_en: string;
  org_name: string;
  org_path: string;
  /** The issuing club or station: its admins and coordinators see this certificate's audit events. */
  org_id: string;
  issued_at: Date;
  expires_at: Date | null;
  revocation_reason: string | null;
  hours: string;
  enrollment_id: string | null;
  class_id: string | null;
  credential_jwt: string | null;
}

const CERT_SELECT = `
  SELECT z.id, z.code, z.status, z.learner_id, u.name AS holder_name, c.code AS course_code, c.title_zh, c.title_en,
         o.name AS org_name, o.path AS org_path, z.issued_at, z.expires_at, z.revocation_reason, z.hours,
         z.enrollment_id, z.class_id, z.org_id, z.credential_jwt
    FROM certificates z JOIN users u ON u.id = z.learner_id JOIN courses c ON c.id = z.course_id JOIN organizations o ON o.id = z.org_id`;

type PublicCertificateRow = Pick<CertificateRow, 'code' | 'status' | 'holder_name' | 'course_code' | 'title_zh' | 'title_en' | 'org_name' | 'issued_at' | 'expires_at' | 'revocation_reason' | 'hours'> & {
  renewed_code: string | null;
  renewed_expires_at: Date | string | null;
};

@Injectable()
export class CertificatesService implements OnModuleInit {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly attendance: AttendanceService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly credentials: CredentialsService,
  ) {}

  private async enrollmentContext(enrollmentId: string, manager: EntityManager = this.db.manager): Promise<EnrollmentContext | null> {
    const rows: EnrollmentContext[] = await manager.query(
      `SELECT e.id AS enrollment_id, e.learner_id, u.name AS learner_name, e.class_id, k.course_id, c.code AS course_code, c.title_zh, c.title_en,
              c.description_zh, c.required_hours, c.min_attendance_pct, c.validity_months, k.org_id, o.name AS org_name, o.path, k.instructor_id, e.status
         FROM enrollments e JOIN users u ON u.id = e.learner_id JOIN classes k ON k.id = e.class_id
         JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE e.id = $1`,
      [enrollmentId],
    );
    return rows[0] ?? null;
  }

  /** What the course rules still need from this enrollment (empty = complete). */
  async missingRequirements(ctx: EnrollmentContext, lang: Locale = 'zh-CN', manager: EntityManager = this.db.manager): Promise<MissingRequirement[]> {
    const [summary, assessments] = await Promise.all([
      this.attendance.enrollmentSummary(ctx.enrollment_id, manager),
      manager.query(
        `SELECT a.id, a.title_zh, a.title_en, a.pass_mark,
                greatest((SELECT max(score) FROM assessment_attempts t WHERE t.assessment_id = a.id AND t.enrollment_id = $2),
                         (SELECT score FROM assessment_results r WHERE r.assessment_id = a.id AND r.enrollment_id = $2)) AS best
           FROM assessments a WHERE a.course_id = $1 ORDER BY a.position`,
        [ctx.course_id, ctx.enrollment_id],
      ),
    ]);
    const bestScores: Record<string, number> = {};
    for (const a of assessments) if (a.best !== null) bestScores[a.id] = a.best;
    return evaluateCompletion(
      {
        minAttendancePct: ctx.min_attendance_pct,
        requiredHours: Number(ctx.required_hours),
        assessments: assessments.map((a: { id: string; title_zh: string; title_en: string; pass_mark: number }) => ({ id: a.id, title: pick(lang, a.title_zh, a.title_en), passMark: a.pass_mark })),
      },
      { sessionsHeld: summary?.sessions ?? 0, sessionsAttended: summary?.attended ?? 0, hoursAttended: summary?.hours ?? 0, bestScores },
    ).missing;
  }

  /** Staff of the class's subtree, or its instructor, may issue; others see nothing. */
  private canIssue(caller: AuthUser, ctx: EnrollmentContext) {
    return caller.role === 'instructor' ? ctx.instructor_id === caller.id : this.scope.pathInScope(caller, ctx.path);
  }

  async requirementStatus(caller: AuthUser, enrollmentId: string, lang: Locale) {
    const ctx = await this.enrollmentContext(enrollmentId);
    const allowed = ctx && (caller.role === 'learner' ? ctx.learner_id === caller.id : this.canIssue(caller, ctx));
    if (!allowed) throw notFound('Enrollment');
    const existing = await this.db.query(`SELECT code FROM certificates WHERE enrollment_id = $1`, [enrollmentId]);
    const missing = await this.missingRequirements(ctx, lang);
    return { enrollmentId, complete: missing.length === 0, missing, certificateCode: existing[0]?.code ?? null };
  }

  /**
   * Issues exactly once per enrollment: the unique enrollment_id makes every concurrent caller but
   * one insert nothing, and they all get the same certificate back.
   */
  async issue(caller: AuthUser | null, enrollmentId: string, requestId: string | null, lang: Locale = 'zh-CN'): Promise<{ created: boolean; certificate: ReturnType<CertificatesService['toDto']> }> {
    const ctx = await this.enrollmentContext(enrollmentId);
    if (!ctx || (caller && !this.canIssue(caller, ctx))) throw notFound('Enrollment');
    const existing = await this.findByEnrollment(enrollmentId);
    if (existing) return { created: false, certificate: this.toDto(existing, lang) };
    if (ctx.status === 'withdrawn' || ctx.status === 'waitlisted') throw new AppError(422, 'REQUIREMENTS_NOT_MET', 'Only an enrolled learner can receive a certificate', { missing: [] });
    const missing = await this.missingRequirements(ctx, lang);
    if (missing.length > 0) throw new AppError(422, 'REQUIREMENTS_NOT_MET', 'The course requirements are not met yet', { missing });

    const summary = await this.attendance.enrollmentSummary(enrollmentId);
    const id = randomUUID();
    const issuedAt = new Date();
    const expiresAt = ctx.validity_months ? addMonths(issuedAt, ctx.validity_months) : null;
    await this.credentials.ready();
    const created = await this.db.transaction(async (tx) => {
      for (let tries = 0; tries < 5; tries++) {
        const code = newCertificateCode();
        const inserted = await tx.query(
          `INSERT INTO certificates (id, code, enrollment_id, learner_id, course_id, class_id, org_id, issued_at, expires_at, hours, issued_by, credential_jwt, supersedes_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL,
                   (SELECT id FROM certificates WHERE learner_id = $4 AND course_id = $5 AND status = 'valid' ORDER BY issued_at DESC LIMIT 1))
           ON CONFLICT DO NOTHING RETURNING id`,
          [id, code, enrollmentId, ctx.learner_id, ctx.course_id, ctx.class_id, ctx.org_id, issuedAt, expiresAt, summary?.hours ?? 0, caller?.id ?? null],
        );
        if (inserted.length === 1) {
          // Its status list entry and the signed Open Badges credential, in the same transaction.
          await this.credentials.signAndStore(tx, id);
          await tx.query(`UPDATE enrollments SET status = 'completed', updated_at = now() WHERE id = $1 AND status = 'enrolled'`, [enrollmentId]);
          await this.audit.record({ actor: caller, action: 'certificate.issue', entityType: 'certificate', entityId: id, orgId: ctx.org_id, requestId, details: { code, enrollmentId, automatic: caller === null } }, tx);
          await this.notifications.queue(tx, ctx.learner_id, 'certificate.issued', { code, course: ctx.title_zh });
          return true;
        }
        // Either another request issued this enrollment's certificate first, or (rarely) the code was taken.
        if (await tx.query(`SELECT 1 FROM certificates WHERE enrollment_id = $1`, [enrollmentId]).then((r) => r.length > 0)) return false;
      }
      throw new Error('could not find a free certificate code');
    });
    const row = (await this.findByEnrollment(enrollmentId))!;
    return { created, certificate: this.toDto(row, lang) };
  }

  /** Issues when the last requirement has just been met; silent otherwise. */
  async tryAutoIssue(enrollmentId: string): Promise<boolean> {
    try {
      const ctx = await this.enrollmentContext(enrollmentId);
      if (!ctx || ctx.status !== 'enrolled') return false;
      if ((await this.missingRequirements(ctx)).length > 0) return false;
      return (await this.issue(null, enrollmentId, null)).created;
    } catch (error) {
      this.logger.warn(`automatic issue skipped for ${enrollmentId}: ${(error as Error).message}`);
      return false;
    }
  }

  private findByEnrollment(enrollmentId: string): Promise<CertificateRow | null> {
    return this.db.query(`${CERT_SELECT} WHERE z.enrollment_id = $1`, [enrollmentId]).then((r: CertificateRow[]) => r[0] ?? null);
  }

  private findByCode(code: string): Promise<CertificateRow | null> {
    return this.db.query(`${CERT_SELECT} WHERE z.code = $1`, [code]).then((r: CertificateRow[]) => r[0] ?? null);
  }

  effectiveStatus(row: Pick<CertificateRow, 'status' | 'expires_at'>): 'valid' | 'revoked' | 'expired' {
    if (row.status === 'revoked') return 'revoked';
    if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) return 'expired';
    return 'valid';
  }

  toDto(row: CertificateRow, lang: Locale = 'zh-CN') {
    return {
      id: row.id,
      code: row.code,
      displayCode: formatCode(row.code),
      status: this.effectiveStatus(row),
      revocationReason: row.revocation_reason,
      learnerId: row.learner_id,
      holderName: row.holder_name,
      course: { code: row.course_code, title: pick(lang, row.title_zh, row.title_en) },
      issuer: row.org_name,
      issuedAt: new Date(row.issued_at).toISOString(),
      expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
      hours: Number(row.hours),
      enrollmentId: row.enrollment_id,
      classId: row.class_id,
      verifyUrl: `${this.config.publicWebUrl.replace(/\/$/, '')}/verify/${row.code}`,
    };
  }

  /** What anyone may see: no phone, no full name, no ids. */
  publicView(row: PublicCertificateRow, lang: Locale) {
    const status = this.effectiveStatus(row);
    return {
      code: row.code,
      displayCode: formatCode(row.code),
      status,
      revocationReason: status === 'revoked' ? row.revocation_reason : null,
      holderName: maskName(row.holder_name),
      course: { code: row.course_code, title: pick(lang, row.title_zh, row.title_en) },
      issuer: row.org_name,
      issuedAt: new Date(row.issued_at).toISOString(),
      expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
      hours: Number(row.hours),
      renewedBy: row.renewed_code
        ? { code: row.renewed_code, displayCode: formatCode(row.renewed_code), expiresAt: row.renewed_expires_at ? new Date(row.renewed_expires_at).toISOString() : null }
        : null,
    };
  }

  async verify(rawCode: string, lang: Locale) {
    const code = normalizeCode(rawCode);
    const rows = code ? await preparedRows<PublicCertificateRow>(this.db, 'certificate-verify', VERIFY_BY_CODE_SQL, [code]) : [];
    if (!rows[0]) throw notFound('Certificate');
    return this.publicView(rows[0], lang);
  }

  async verifyMany(codes: string[], lang: Locale) {
    const normalized = codes.map((c) => normalizeCode(c));
    const rows: PublicCertificateRow[] = await this.db.query(VERIFY_BY_CODES_SQL, [normalized.filter(Boolean)]);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const items = codes.map((input, i) => {
      const row = normalized[i] ? byCode.get(normalized[i]!) : undefined;
      return row ? { input, found: true, ...this.publicView(row, lang) } : { input, found: false, status: 'unknown' as const };
    });
    return { items, total: items.length };
  }

  /** The holder, or staff of the issuing org's subtree. */
  async forHolderOrStaff(caller: AuthUser, rawCode: string): Promise<CertificateRow> {
    const code = normalizeCode(rawCode);
    const row = code ? await this.findByCode(code) : null;
    const allowed = row && (caller.role === 'learner' ? row.learner_id === caller.id : this.scope.pathInScope(caller, row.org_path));
    if (!allowed) throw notFound('Certificate');
    return row;
  }

  async revoke(caller: AuthUser, rawCode: string, reason: RevocationReason, note: string | undefined, requestId: string, lang: Locale) {
    const row = await this.forHolderOrStaff(caller, rawCode);
    if (caller.role === 'learner') throw forbidden();
    await this.db.transaction(async (tx) => {
      const updated = await queryRows(tx, `UPDATE certificates SET status = 'revoked', revoked_at = now(), revocation_reason = $2 WHERE id = $1 AND status = 'valid' RETURNING id`, [row.id, reason]);
      if (updated.length === 0) throw new AppError(409, 'INVALID_TRANSITION', 'This certificate is already revoked');
      await this.audit.record({ actor: caller, action: 'certificate.revoke', entityType: 'certificate', entityId: row.id, orgId: row.org_id, requestId, details: { code: row.code, reason, note: note ?? null } }, tx);
      await this.notifications.queue(tx, row.learner_id, 'certificate.revoked', { code: row.code, reason });
    });
    // This instance answers with the new bit at once; others within the list's ttl.
    this.credentials.forget();
    return this.toDto((await this.findByCode(row.code))!, lang);
  }

  async mine(caller: AuthUser, lang: Locale) {
    const rows: CertificateRow[] = await this.db.query(`${CERT_SELECT} WHERE z.learner_id = $1 ORDER BY z.issued_at DESC`, [caller.id]);
    const items = rows.map((r) => this.toDto(r, lang));
    return { items, total: items.length };
  }

  /** Queues a renewal reminder once, 30 days before a certificate expires. Runs on every instance; SKIP LOCKED shares the work. */
  async queueExpiryReminders(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await tx.query(
        `SELECT z.id, z.learner_id, z.code, z.expires_at, c.title_zh FROM certificates z JOIN courses c ON c.id = z.course_id
          WHERE z.status = 'valid' AND z.reminder_queued_at IS NULL AND z.expires_at BETWEEN now() AND now() + interval '30 days'
          ORDER BY z.expires_at LIMIT 500 FOR UPDATE OF z SKIP LOCKED`,
      );
      for (const d of due) {
        await this.notifications.queue(tx, d.learner_id, 'certificate.expiring', { code: d.code, course: d.title_zh, expiresAt: new Date(d.expires_at).toISOString() });
        await tx.query(`UPDATE certificates SET reminder_queued_at = now() WHERE id = $1`, [d.id]);
      }
      return due.length;
    });
  }

  onModuleInit() {
    this.jobs.register(JOBS.certificateExpiry, () => this.queueExpiryReminders());
    // Every minute: cheap (a partial index holds only the valid certificates not yet reminded).
    this.jobs.schedule(JOBS.certificateExpiry, '* * * * *');
  }
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
