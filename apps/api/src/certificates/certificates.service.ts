import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { evaluateCompletion, type Locale, type MissingRequirement, type RevocationReason } from '@hearth/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import type { Facts } from '../access/define.js';
import { AuditService } from '../audit/audit.service.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JOBS } from '../queue/jobs.js';
import { formatCode, maskName, newCertificateCode, normalizeCode } from './certificate-code.js';
import { CredentialsService } from './credentials.service.js';
import { CertificatesRepository, type CertificateRow, type EnrollmentContext, type PublicCertificateRow } from './certificates.repository.js';

/** What the enrollment's access rules read. */
const factsOf = (ctx: EnrollmentContext): Facts => ({ orgPath: ctx.path, subjectId: ctx.learner_id, instructorId: ctx.instructor_id });

@Injectable()
export class CertificatesService implements OnModuleInit {
  private readonly logger = new Logger('Certificates');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly certificates: CertificatesRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly attendance: AttendanceService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
    private readonly credentials: CredentialsService,
  ) {}

  private enrollmentContext(enrollmentId: string, manager?: EntityManager): Promise<EnrollmentContext | null> {
    return this.certificates.enrollmentContext(enrollmentId, manager);
  }

  /** What the course rules still need from this enrollment (empty = complete). */
  async missingRequirements(ctx: EnrollmentContext, lang: Locale = 'zh-CN', manager?: EntityManager): Promise<MissingRequirement[]> {
    const [summary, assessments] = await Promise.all([
      this.attendance.enrollmentSummary(ctx.enrollment_id, manager),
      this.certificates.bestScores(ctx.course_id, ctx.enrollment_id, manager),
    ]);
    const bestScores: Record<string, number> = {};
    for (const a of assessments) if (a.best !== null) bestScores[a.id] = a.best;
    return evaluateCompletion(
      {
        minAttendancePct: ctx.min_attendance_pct,
        requiredHours: Number(ctx.required_hours),
        assessments: assessments.map((a) => ({ id: a.id, title: pick(lang, a.title_zh, a.title_en), passMark: a.pass_mark })),
      },
      { sessionsHeld: summary?.sessions ?? 0, sessionsAttended: summary?.attended ?? 0, hoursAttended: summary?.hours ?? 0, bestScores },
    ).missing;
  }

  async requirementStatus(caller: AuthUser, enrollmentId: string, lang: Locale) {
    const ctx = await this.enrollmentContext(enrollmentId);
    if (!ctx || !this.policy.can(caller, 'enrollment.read', factsOf(ctx))) throw notFound('Enrollment');
    const code = await this.certificates.codeOfEnrollment(enrollmentId);
    const missing = await this.missingRequirements(ctx, lang);
    return { enrollmentId, complete: missing.length === 0, missing, certificateCode: code };
  }

  /**
   * Issues exactly once per enrollment: the unique enrollment_id makes every concurrent caller but
   * one insert nothing, and they all get the same certificate back.
   */
  async issue(
    caller: AuthUser | null,
    enrollmentId: string,
    requestId: string | null,
    lang: Locale = 'zh-CN',
  ): Promise<{ created: boolean; certificate: ReturnType<CertificatesService['toDto']> }> {
    const ctx = await this.enrollmentContext(enrollmentId);
    // Staff of the class's subtree, or its instructor, may issue; others see nothing. No caller: issued automatically.
    if (!ctx || (caller && !this.policy.can(caller, 'enrollment.certify', factsOf(ctx)))) throw notFound('Enrollment');
    const existing = await this.findByEnrollment(enrollmentId);
    if (existing) return { created: false, certificate: this.toDto(existing, lang) };
    if (ctx.status === 'withdrawn' || ctx.status === 'waitlisted')
      throw new AppError(422, 'REQUIREMENTS_NOT_MET', 'Only an enrolled learner can receive a certificate', { missing: [] });
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
        const inserted = await this.certificates.insert(
          {
            id,
            code,
            enrollmentId,
            learnerId: ctx.learner_id,
            courseId: ctx.course_id,
            classId: ctx.class_id,
            orgId: ctx.org_id,
            issuedAt,
            expiresAt,
            hours: summary?.hours ?? 0,
            issuedBy: caller?.id ?? null,
          },
          tx,
        );
        if (inserted) {
          // Its status list entry and the signed Open Badges credential, in the same transaction.
          await this.credentials.signAndStore(tx, id);
          await this.certificates.markEnrollmentCompleted(enrollmentId, tx);
          await this.audit.record(
            {
              actor: caller,
              action: 'certificate.issue',
              entityType: 'certificate',
              entityId: id,
              orgId: ctx.org_id,
              requestId,
              details: { code, enrollmentId, automatic: caller === null },
            },
            tx,
          );
          await this.notifications.queue(tx, ctx.learner_id, 'certificate.issued', { code, course: ctx.title_zh });
          return true;
        }
        // Either another request issued this enrollment's certificate first, or (rarely) the code was taken.
        if ((await this.certificates.codeOfEnrollment(enrollmentId, tx)) !== null) return false;
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
    return this.certificates.findByEnrollment(enrollmentId);
  }

  private findByCode(code: string): Promise<CertificateRow | null> {
    return this.certificates.findByCode(code);
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
        ? {
            code: row.renewed_code,
            displayCode: formatCode(row.renewed_code),
            expiresAt: row.renewed_expires_at ? new Date(row.renewed_expires_at).toISOString() : null,
          }
        : null,
    };
  }

  async verify(rawCode: string, lang: Locale) {
    const code = normalizeCode(rawCode);
    const row = code ? await this.certificates.verifyByCode(code) : null;
    if (!row) throw notFound('Certificate');
    return this.publicView(row, lang);
  }

  async verifyMany(codes: string[], lang: Locale) {
    const normalized = codes.map((c) => normalizeCode(c));
    const rows = await this.certificates.verifyByCodes(normalized.filter((c): c is string => !!c));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const items = codes.map((input, i) => {
      const row = normalized[i] ? byCode.get(normalized[i]!) : undefined;
      return row ? { input, found: true, ...this.publicView(row, lang) } : { input, found: false, status: 'unknown' as const };
    });
    return { items, total: items.length };
  }

  /** The certificate if the caller may `action` it (the holder reads her own; staff of the issuing org's subtree); 404 otherwise, 403 if she may only read it. */
  async forHolderOrStaff(caller: AuthUser, rawCode: string, action: 'certificate.read' | 'certificate.revoke' = 'certificate.read'): Promise<CertificateRow> {
    const code = normalizeCode(rawCode);
    const row = code ? await this.findByCode(code) : null;
    this.policy.assert(caller, action, row && { orgPath: row.org_path, subjectId: row.learner_id });
    return row!;
  }

  async revoke(caller: AuthUser, rawCode: string, reason: RevocationReason, note: string | undefined, requestId: string, lang: Locale) {
    const row = await this.forHolderOrStaff(caller, rawCode, 'certificate.revoke');
    await this.db.transaction(async (tx) => {
      if (!(await this.certificates.revoke(row.id, reason, tx))) throw new AppError(409, 'INVALID_TRANSITION', 'This certificate is already revoked');
      await this.audit.record(
        {
          actor: caller,
          action: 'certificate.revoke',
          entityType: 'certificate',
          entityId: row.id,
          orgId: row.org_id,
          requestId,
          details: { code: row.code, reason, note: note ?? null },
        },
        tx,
      );
      await this.notifications.queue(tx, row.learner_id, 'certificate.revoked', { code: row.code, reason });
    });
    // This instance answers with the new bit at once; others within the list's ttl.
    this.credentials.forget();
    return this.toDto((await this.findByCode(row.code))!, lang);
  }

  async mine(caller: AuthUser, lang: Locale) {
    const rows = await this.certificates.ofLearner(caller.id);
    const items = rows.map((r) => this.toDto(r, lang));
    return { items, total: items.length };
  }

  /** Queues a renewal reminder once, 30 days before a certificate expires. Runs on every instance; SKIP LOCKED shares the work. */
  async queueExpiryReminders(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const due = await this.certificates.lockDueReminders(tx);
      for (const d of due) {
        await this.notifications.queue(tx, d.learner_id, 'certificate.expiring', {
          code: d.code,
          course: d.title_zh,
          expiresAt: new Date(d.expires_at).toISOString(),
        });
        await this.certificates.markReminded(d.id, tx);
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
