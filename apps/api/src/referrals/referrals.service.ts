import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { canMoveReferral, type Locale, type ReferralStatus } from '@hearth/contracts';
import { AppError, conflict, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import type { Facts } from '../access/define.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ConsentsService, SHARED_FIELDS } from '../consents/consents.service.js';
import { JobsRepository } from '../employers/jobs.repository.js';
import type { ListReferralsQuery, RecordFollowUpDto } from '@hearth/contracts/inputs';
import { ReferralsRepository, type ReferralRow } from './referrals.repository.js';

const FOLLOW_UP_DAYS = [30, 90, 180] as const;

const factsOf = (r: ReferralRow): Facts => ({ orgPath: r.path, subjectId: r.learner_id, employerId: r.employer_id });

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly referrals: ReferralsRepository,
    private readonly jobs: JobsRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly consents: ConsentsService,
  ) {}

  async create(caller: AuthUser, learnerId: string, jobId: string, note: string | undefined, requestId: string, lang: Locale) {
    const reach = this.policy.scope(caller, 'referral.create');
    const learner = await this.referrals.findLearner(learnerId, reach);
    if (!learner) throw notFound('Learner');
    const job = await this.referrals.findJob(jobId, reach);
    if (!job) throw notFound('Job opening');
    if (job.status !== 'open') throw new AppError(422, 'INVALID_TRANSITION', 'This opening is closed');
    return this.db.transaction(async (tx) => {
      await this.referrals.lockLearner(learnerId, tx);
      if (!(await this.consents.hasConsent(learnerId, tx)))
        throw new AppError(422, 'CONSENT_REQUIRED', 'She has not agreed to be referred to employers (or withdrew her consent)');
      const missing = await this.jobs.unmetRequirements(jobId, learnerId, tx);
      if (missing.length > 0) {
        throw new AppError(422, 'REQUIREMENTS_NOT_MET', 'She lacks a valid certificate this opening requires', {
          missing: missing.map((m) => ({ courseId: m.id, code: m.code, title: pick(lang, m.title_zh, m.title_en) })),
        });
      }
      const id = await this.referrals.insert(
        { learnerId, jobId, employerId: job.employer_id, orgId: learner.org_id, referredBy: caller.id, note: note ?? null },
        tx,
      );
      if (!id) throw conflict('CONFLICT', 'She is already referred to this opening');
      await this.referrals.insertEvent(id, null, 'referred', note ?? null, caller.id, tx);
      await this.audit.record(
        {
          actor: caller,
          action: 'referral.disclose',
          entityType: 'referral',
          entityId: id,
          orgId: learner.org_id,
          requestId,
          details: { learnerId, employerId: job.employer_id, fields: SHARED_FIELDS },
        },
        tx,
      );
      await this.notifications.queue(tx, learnerId, 'referral.created', { job: job.title, referralId: id });
      return (await this.views(caller, [(await this.referrals.find(id, tx))!], lang, true, tx))[0];
    });
  }

  /**
   * What each caller may see of each referral: the club's side sees who she is; the employer sees only
   * the consented fields, and nothing personal once she withdrew; the learner sees the referral itself.
   * Candidate profiles of a whole page are loaded in two statements.
   */
  private async views(caller: AuthUser, rows: ReferralRow[], lang: Locale, withHistory = false, manager?: EntityManager) {
    const candidateOf = rows.filter((r) => r.consent === 'grant' && this.policy.can(caller, 'referral.candidate.read', factsOf(r))).map((r) => r.learner_id);
    const profiles = await this.candidateProfiles(candidateOf, lang, manager);
    const out = [];
    for (const r of rows) {
      const facts = factsOf(r);
      const club = this.policy.can(caller, 'referral.learner.read', facts);
      const candidate = this.policy.can(caller, 'referral.candidate.read', facts);
      const base = {
        id: r.id,
        jobId: r.job_id,
        jobTitle: r.job_title,
        employerId: r.employer_id,
        employerName: r.employer_name,
        status: r.status,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        hiredAt: r.hired_at,
      };
      const history = withHistory
        ? await this.referrals.history(r.id, { notesOfEmployer: candidate ? r.employer_id : null, showActors: club }, manager)
        : undefined;
      if (candidate) {
        if (r.consent !== 'grant') out.push({ ...base, consentWithdrawn: true, candidate: null, history });
        else out.push({ ...base, consentWithdrawn: false, candidate: profiles.get(r.learner_id)!, history });
      } else if (club) {
        out.push({ ...base, learnerId: r.learner_id, learnerName: r.learner_name, note: r.note, consentWithdrawn: r.consent !== 'grant', history });
      } else {
        out.push({ ...base, history });
      }
    }
    return out;
  }

  /** Exactly the fields named on the consent page: name, phone, certificates, class hours. */
  private async candidateProfiles(learnerIds: string[], lang: Locale, manager?: EntityManager) {
    const ids = [...new Set(learnerIds)];
    if (ids.length === 0) return new Map();
    const [people, certificates] = await Promise.all([this.referrals.people(ids, manager), this.referrals.validCertificates(ids, manager)]);
    return new Map(
      ids.map((id) => {
        const person = people.find((p) => p.id === id);
        const own = certificates.filter((c) => c.learnerId === id);
        return [
          id,
          {
            name: person?.name ?? null,
            phone: person?.phone ?? null,
            certificates: own.map((c) => ({ code: c.code, course: pick(lang, c.title_zh, c.title_en), issuedAt: c.issuedAt, expiresAt: c.expiresAt })),
            classHours: own.reduce((sum, c) => sum + Number(c.hours), 0),
          },
        ];
      }),
    );
  }

  async get(caller: AuthUser, id: string, requestId: string, lang: Locale) {
    const r = await this.referrals.find(id);
    this.policy.assert(caller, 'referral.read', r && factsOf(r));
    const [view] = await this.views(caller, [r!], lang, true);
    if (r!.consent === 'grant' && this.policy.can(caller, 'referral.candidate.read', factsOf(r!))) {
      await this.audit.record({
        actor: caller,
        action: 'referral.profile_viewed',
        entityType: 'referral',
        entityId: r!.id,
        orgId: r!.org_id,
        requestId,
        details: { learnerId: r!.learner_id, employerId: r!.employer_id, fields: SHARED_FIELDS },
      });
    }
    return view;
  }

  async list(caller: AuthUser, query: ListReferralsQuery, requestId: string, lang: Locale) {
    const { rows, total } = await this.referrals.list(this.policy.scope(caller, 'referral.read'), { status: query.status, jobId: query.jobId }, pageOf(query));
    const items = await this.views(caller, rows, lang);
    const shown = rows.filter((r) => this.policy.can(caller, 'referral.candidate.read', factsOf(r)));
    if (shown.length > 0) {
      await this.audit.record({
        actor: caller,
        action: 'referral.list_viewed',
        entityType: 'employer',
        entityId: caller.employerId,
        requestId,
        details: { referralIds: shown.filter((r) => r.consent === 'grant').map((r) => r.id), fields: SHARED_FIELDS },
      });
    }
    return { items, total };
  }

  /** Moves along the pipeline; a race between two moves lets only the first through. */
  async move(caller: AuthUser, id: string, to: ReferralStatus, note: string | undefined, requestId: string, lang: Locale) {
    const r = await this.referrals.find(id);
    this.policy.assert(caller, 'referral.move', r && factsOf(r));
    const from = r!.status;
    if (!canMoveReferral(from, to)) throw new AppError(422, 'INVALID_TRANSITION', `A referral cannot go from ${from} to ${to}`, { from, to });
    await this.db.transaction(async (tx) => {
      if (!(await this.referrals.move(id, from, to, tx)))
        throw new AppError(422, 'INVALID_TRANSITION', 'Someone else changed this referral a moment ago; reload and try again');
      await this.referrals.insertEvent(id, from, to, note ?? null, caller.id, tx);
      if (to === 'hired') await this.referrals.scheduleFollowUps(id, FOLLOW_UP_DAYS, tx);
      await this.audit.record(
        { actor: caller, action: 'referral.move', entityType: 'referral', entityId: id, orgId: r!.org_id, requestId, details: { from, to } },
        tx,
      );
      await this.notifications.queue(tx, r!.learner_id, 'referral.status', { job: r!.job_title, status: to, referralId: id, role: 'learner' });
      if (this.policy.can(caller, 'referral.outcome.report', factsOf(r!))) {
        // The coordinator who referred her learns the employer's outcome.
        const referrer = await this.referrals.activeReferrer(id, tx);
        if (referrer) await this.notifications.queue(tx, referrer, 'referral.status', { job: r!.job_title, status: to, referralId: id, role: 'coordinator' });
      }
    });
    return (await this.views(caller, [(await this.referrals.find(id))!], lang, true))[0];
  }

  /** Follow-ups not yet recorded, due within the next week (or overdue). */
  async dueFollowUps(caller: AuthUser) {
    const items = await this.referrals.dueFollowUps(this.policy.scope(caller, 'followup.read'), this.policy.scope(caller, 'referral.learner.read'));
    return { items, total: items.length };
  }

  async recordFollowUp(caller: AuthUser, id: string, input: RecordFollowUpDto, requestId: string) {
    const p = await this.referrals.findFollowUp(id);
    this.policy.assert(caller, 'followup.record', p && { orgPath: p.path, employerId: p.employer_id });
    const updated = await this.referrals.recordFollowUp(
      id,
      { stillEmployed: input.stillEmployed, wageBand: input.wageBand ?? null, note: input.note ?? null },
      caller.id,
    );
    await this.audit.record({
      actor: caller,
      action: 'followup.record',
      entityType: 'placement_followup',
      entityId: id,
      orgId: p!.org_id,
      requestId,
      details: { stillEmployed: input.stillEmployed },
    });
    return updated;
  }
}
