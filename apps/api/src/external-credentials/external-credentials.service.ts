import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import type { Facts } from '../access/define.js';
import { AuditService } from '../audit/audit.service.js';
import { ExternalCredentialsRepository, type ExternalCredentialInput, type QualificationStatus } from './external-credentials.repository.js';

export type { ExternalCredentialInput, QualificationStatus } from './external-credentials.repository.js';

/** The national lookup for vocational skill certificates, where anyone can check a number. */
export const NATIONAL_LOOKUP_URL = 'http://zscx.osta.org.cn/';

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
    private readonly qualifications: ExternalCredentialsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** Her qualifications' facts (her org's path and her id), if the caller may `action` them; 404 otherwise, as for an unknown learner. */
  private async requireLearner(
    caller: AuthUser,
    learnerId: string,
    action: 'qualification.read' | 'qualification.record' = 'qualification.read',
  ): Promise<Facts> {
    const path = await this.qualifications.learnerOrgPath(learnerId);
    const facts = { orgPath: path, subjectId: learnerId };
    if (path === undefined || !this.policy.can(caller, action, facts)) throw notFound('Learner');
    return facts;
  }

  private async one(id: string) {
    return { ...(await this.qualifications.one(id)), lookupUrl: NATIONAL_LOOKUP_URL };
  }

  async list(caller: AuthUser, learnerId: string) {
    await this.requireLearner(caller, learnerId);
    const items = await this.qualifications.ofLearner(learnerId);
    return { items: items.map((i) => ({ ...i, lookupUrl: NATIONAL_LOOKUP_URL })), total: items.length };
  }

  /** A number she recorded before and a coordinator rejected may be recorded again (corrected): it is pending once more. */
  async record(caller: AuthUser, learnerId: string, input: ExternalCredentialInput, requestId: string) {
    await this.requireLearner(caller, learnerId, 'qualification.record');
    if (input.expiresOn && input.expiresOn < input.issuedOn) throw badRequest('expiresOn must not be before issuedOn');
    const id = await this.qualifications.record(learnerId, input, caller.id);
    if (!id) throw conflict('CONFLICT', 'This certificate number is already recorded for her');
    await this.audit.record({
      actor: caller,
      action: 'external_credential.record',
      entityType: 'external_credential',
      entityId: id,
      requestId,
      details: { learnerId },
    });
    return this.one(id);
  }

  /** A coordinator confirms she looked the number up in the national register (a verification without a course match). */
  async markChecked(caller: AuthUser, learnerId: string, id: string, requestId: string) {
    const facts = await this.requireLearner(caller, learnerId);
    if (!this.policy.can(caller, 'qualification.decide', facts)) throw forbidden();
    if (!(await this.qualifications.exists(id, learnerId))) throw notFound('External credential');
    return this.decide(caller, id, { status: 'verified' }, requestId);
  }

  /** Qualifications of learners in the caller's subtree, oldest first, with the course each matches (or the one last matched to its occupation). */
  async review(caller: AuthUser, status: QualificationStatus, limit: number, offset: number, lang: Locale) {
    const { rows, total } = await this.qualifications.review(this.policy.scope(caller, 'qualification.decide'), status, limit, offset);
    return {
      items: rows.map((r) => {
        const { number, course_id, course_code, title_zh, title_en, matched, ...rest } = r;
        return {
          ...rest,
          certificateNumberMasked: maskNumber(number),
          course: course_id ? { id: course_id, code: course_code, title: pick(lang, title_zh, title_en), suggested: !matched } : null,
        };
      }),
      total,
    };
  }

  async verify(caller: AuthUser, id: string, courseId: string | undefined, requestId: string) {
    await this.policy.require(caller, 'qualification.decide', id);
    if (courseId && !(await this.qualifications.courseExists(courseId))) throw badRequest('courseId names a course that does not exist');
    return this.decide(caller, id, { status: 'verified', courseId }, requestId, true);
  }

  async reject(caller: AuthUser, id: string, reason: string, requestId: string) {
    await this.policy.require(caller, 'qualification.decide', id);
    return this.decide(caller, id, { status: 'rejected', reason }, requestId, true);
  }

  /** One decision, audited in the same transaction; a decided qualification is not decided again (she records it anew after a rejection). */
  private async decide(
    caller: AuthUser,
    id: string,
    d: { status: 'verified' | 'rejected'; courseId?: string; reason?: string },
    requestId: string,
    pendingOnly = false,
  ) {
    await this.db.transaction(async (tx) => {
      const row = await this.qualifications.lock(id, tx);
      if (pendingOnly && row.status !== 'pending') throw new AppError(409, 'INVALID_TRANSITION', `This qualification is already ${row.status}`);
      await this.qualifications.decide(id, d, caller.id, tx);
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
