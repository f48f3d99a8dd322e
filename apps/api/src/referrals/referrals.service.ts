import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { canMoveReferral, type Locale, type ReferralStatus } from '@hearth/contracts';
import { AppError, conflict, forbidden, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { queryRows } from '../common/sql.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ConsentsService, SHARED_FIELDS } from '../consents/consents.service.js';
import { HOLDS_ACCEPTED_QUALIFICATION_SQL, MISSING_COURSES_SQL } from '../employers/jobs.service.js';
import type { ListReferralsQuery, RecordFollowUpDto } from '@hearth/contracts/inputs';

interface ReferralRow {
  id: string;
  learner_id: string;
  job_id: string;
  employer_id: string;
  org_id: string;
  status: ReferralStatus;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  hired_at: Date | null;
  path: string;
  job_title: string;
  employer_name: string;
  learner_name: string | null;
  learner_phone: string | null;
  consent: string | null;
}

const REFERRAL_SELECT = `
  SELECT f.id, f.learner_id, f.job_id, f.employer_id, f.org_id, f.status, f.note, f.created_at, f.updated_at, f.hired_at, o.path,
         j.title AS job_title, e.name AS employer_name, u.name AS learner_name, u.phone AS learner_phone,
         (SELECT action FROM consent_events ce WHERE ce.learner_id = f.learner_id AND ce.scope = 'referrals' ORDER BY ce.at DESC, ce.id DESC LIMIT 1) AS consent
    FROM referrals f JOIN organizations o ON o.id = f.org_id JOIN job_openings j ON j.id = f.job_id
    JOIN employers e ON e.id = f.employer_id JOIN users u ON u.id = f.learner_id`;

const FOLLOW_UP_DAYS = [30, 90, 180] as const;

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly consents: ConsentsService,
  ) {}

  async create(caller: AuthUser, learnerId: string, jobId: string, note: string | undefined, requestId: string, lang: Locale) {
    const pattern = this.scope.subtreePattern(caller);
    const learner = (await this.db.query(
      `SELECT u.id, u.org_id FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active' AND o.path LIKE $2`,
      [learnerId, pattern],
    ))[0];
    if (!learner) throw notFound('Learner');
    const job = (await this.db.query(
      `SELECT j.id, j.employer_id, j.status, j.title FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id WHERE j.id = $1 AND o.path LIKE $2`,
      [jobId, pattern],
    ))[0];
    if (!job) throw notFound('Job opening');
    if (job.status !== 'open') throw new AppError(422, 'INVALID_TRANSITION', 'This opening is closed');
    return this.db.transaction(async (tx) => {
      // Lock the learner's consent trail so a withdrawal cannot slip in between the check and the referral.
      await tx.query(`SELECT id FROM users WHERE id = $1 FOR SHARE`, [learnerId]);
      if (!(await this.consents.hasConsent(learnerId, tx))) throw new AppError(422, 'CONSENT_REQUIRED', 'She has not agreed to be referred to employers (or withdrew her consent)');
      const missing = await tx.query(MISSING_COURSES_SQL, [jobId, learnerId]);
      if (missing.length > 0 && (await tx.query(HOLDS_ACCEPTED_QUALIFICATION_SQL, [jobId, learnerId])).length === 0) {
        throw new AppError(422, 'REQUIREMENTS_NOT_MET', 'She lacks a valid certificate this opening requires', {
          missing: missing.map((m: { id: string; code: string; title_zh: string; title_en: string }) => ({ courseId: m.id, code: m.code, title: pick(lang, m.title_zh, m.title_en) })),
        });
      }
      const rows = await tx.query(
        `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, note) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (learner_id, job_id) DO NOTHING RETURNING id`,
        [learnerId, jobId, job.employer_id, learner.org_id, caller.id, note ?? null],
      );
      if (rows.length === 0) throw conflict('CONFLICT', 'She is already referred to this opening');
      const id = rows[0].id;
      await tx.query(`INSERT INTO referral_events (referral_id, from_status, to_status, note, actor_id) VALUES ($1, NULL, 'referred', $2, $3)`, [id, note ?? null, caller.id]);
      await this.audit.record(
        { actor: caller, action: 'referral.disclose', entityType: 'referral', entityId: id, orgId: learner.org_id, requestId, details: { learnerId, employerId: job.employer_id, fields: SHARED_FIELDS } },
        tx,
      );
      await this.notifications.queue(tx, learnerId, 'referral.created', { job: job.title, referralId: id });
      return this.view(caller, (await this.find(id, tx))!, lang, true, tx);
    });
  }

  private async find(id: string, manager = this.db.manager): Promise<ReferralRow | null> {
    const rows: ReferralRow[] = await manager.query(`${REFERRAL_SELECT} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  private canSee(caller: AuthUser, r: ReferralRow) {
    if (caller.role === 'employer') return caller.employerId === r.employer_id;
    if (caller.role === 'learner') return caller.id === r.learner_id;
    if (caller.role === 'instructor') return false;
    return this.scope.pathInScope(caller, r.path);
  }

  /** What each role may see. Employers see only the consented fields, and nothing personal once she withdrew. */
  private async view(caller: AuthUser, r: ReferralRow, lang: Locale, withHistory = false, manager: EntityManager = this.db.manager) {
    const base = { id: r.id, jobId: r.job_id, jobTitle: r.job_title, employerId: r.employer_id, employerName: r.employer_name, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at, hiredAt: r.hired_at };
    const history = withHistory
      ? await manager.query(
          // Employers read only notes their own staff wrote: a coordinator's note may say more than she agreed to share.
          `SELECT ev.from_status AS "from", ev.to_status AS "to",
                  CASE WHEN $2::text = 'employer' THEN (SELECT ev.note FROM users a WHERE a.id = ev.actor_id AND a.employer_id = $3) ELSE ev.note END AS note,
                  ev.at, CASE WHEN $2::text IN ('employer','learner') THEN NULL ELSE ev.actor_id END AS "actorId"
             FROM referral_events ev WHERE ev.referral_id = $1 ORDER BY ev.at, ev.id`,
          [r.id, caller.role, caller.employerId],
        )
      : undefined;
    if (caller.role === 'employer') {
      if (r.consent !== 'grant') return { ...base, consentWithdrawn: true, candidate: null, history };
      return { ...base, consentWithdrawn: false, candidate: await this.candidateProfile(r.learner_id, lang, manager), history };
    }
    if (caller.role === 'learner') return { ...base, history };
    return { ...base, learnerId: r.learner_id, learnerName: r.learner_name, note: r.note, consentWithdrawn: r.consent !== 'grant', history };
  }

  /** Exactly the fields named on the consent page: name, phone, certificates, class hours. */
  private async candidateProfile(learnerId: string, lang: Locale, manager: EntityManager = this.db.manager) {
    const [person] = await manager.query(`SELECT name, phone FROM users WHERE id = $1`, [learnerId]);
    const certificates = await manager.query(
      `SELECT z.code, c.title_zh, c.title_en, z.issued_at AS "issuedAt", z.expires_at AS "expiresAt", z.hours
         FROM certificates z JOIN courses c ON c.id = z.course_id
        WHERE z.learner_id = $1 AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now()) ORDER BY z.issued_at DESC`,
      [learnerId],
    );
    return {
      name: person?.name ?? null,
      phone: person?.phone ?? null,
      certificates: certificates.map((c: { code: string; title_zh: string; title_en: string; issuedAt: Date; expiresAt: Date | null }) => ({ code: c.code, course: pick(lang, c.title_zh, c.title_en), issuedAt: c.issuedAt, expiresAt: c.expiresAt })),
      classHours: certificates.reduce((sum: number, c: { hours: string }) => sum + Number(c.hours), 0),
    };
  }

  async get(caller: AuthUser, id: string, requestId: string, lang: Locale) {
    const r = await this.find(id);
    if (!r || !this.canSee(caller, r)) throw notFound('Referral');
    const view = await this.view(caller, r, lang, true);
    if (caller.role === 'employer' && r.consent === 'grant') {
      await this.audit.record({ actor: caller, action: 'referral.profile_viewed', entityType: 'referral', entityId: r.id, orgId: r.org_id, requestId, details: { learnerId: r.learner_id, employerId: r.employer_id, fields: SHARED_FIELDS } });
    }
    return view;
  }

  async list(caller: AuthUser, query: ListReferralsQuery, requestId: string, lang: Locale) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (caller.role === 'employer') { params.push(caller.employerId); where.push(`f.employer_id = $${params.length}`); }
    else if (caller.role === 'learner') { params.push(caller.id); where.push(`f.learner_id = $${params.length}`); }
    else { params.push(this.scope.subtreePattern(caller)); where.push(`o.path LIKE $${params.length}`); }
    if (query.status) { params.push(query.status); where.push(`f.status = $${params.length}`); }
    if (query.jobId) { params.push(query.jobId); where.push(`f.job_id = $${params.length}`); }
    const { limit, offset } = pageOf(query);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [rows, count] = await Promise.all([
      this.db.query(`${REFERRAL_SELECT} ${whereSql} ORDER BY f.updated_at DESC, f.id LIMIT ${limit} OFFSET ${offset}`, params) as Promise<ReferralRow[]>,
      this.db.query(`SELECT count(*)::int AS n FROM referrals f JOIN organizations o ON o.id = f.org_id ${whereSql}`, params),
    ]);
    const items = [];
    for (const r of rows) items.push(await this.view(caller, r, lang));
    if (caller.role === 'employer' && rows.length > 0) {
      await this.audit.record({ actor: caller, action: 'referral.list_viewed', entityType: 'employer', entityId: caller.employerId, requestId, details: { referralIds: rows.filter((r) => r.consent === 'grant').map((r) => r.id), fields: SHARED_FIELDS } });
    }
    return { items, total: count[0].n };
  }

  /** Moves along the pipeline; a race between two moves lets only the first through. */
  async move(caller: AuthUser, id: string, to: ReferralStatus, note: string | undefined, requestId: string, lang: Locale) {
    const r = await this.find(id);
    if (!r || !this.canSee(caller, r) || caller.role === 'learner') throw r && caller.role === 'learner' && r.learner_id === caller.id ? forbidden() : notFound('Referral');
    if (!canMoveReferral(r.status, to)) throw new AppError(422, 'INVALID_TRANSITION', `A referral cannot go from ${r.status} to ${to}`, { from: r.status, to });
    await this.db.transaction(async (tx) => {
      const moved = await queryRows(
        tx,
        `UPDATE referrals SET status = $3, updated_at = now(), hired_at = CASE WHEN $3 = 'hired' THEN now() ELSE hired_at END WHERE id = $1 AND status = $2 RETURNING id`,
        [id, r.status, to],
      );
      if (moved.length === 0) throw new AppError(422, 'INVALID_TRANSITION', 'Someone else changed this referral a moment ago; reload and try again');
      await tx.query(`INSERT INTO referral_events (referral_id, from_status, to_status, note, actor_id) VALUES ($1, $2, $3, $4, $5)`, [id, r.status, to, note ?? null, caller.id]);
      if (to === 'hired') {
        await tx.query(
          `INSERT INTO placement_followups (referral_id, day_mark, due_on) SELECT $1, d, ${CHINA_TODAY_SQL} + d FROM unnest($2::int[]) AS d`,
          [id, FOLLOW_UP_DAYS],
        );
      }
      await this.audit.record({ actor: caller, action: 'referral.move', entityType: 'referral', entityId: id, orgId: r.org_id, requestId, details: { from: r.status, to } }, tx);
      await this.notifications.queue(tx, r.learner_id, 'referral.status', { job: r.job_title, status: to, referralId: id, role: 'learner' });
      if (caller.role === 'employer') {
        // The coordinator who referred her learns the employer's outcome.
        const [referrer] = await tx.query(`SELECT u.id FROM referrals f JOIN users u ON u.id = f.referred_by WHERE f.id = $1 AND u.status = 'active' AND u.role IN ('coordinator','admin')`, [id]);
        if (referrer) await this.notifications.queue(tx, referrer.id, 'referral.status', { job: r.job_title, status: to, referralId: id, role: 'coordinator' });
      }
    });
    return this.view(caller, (await this.find(id))!, lang, true);
  }

  /** Follow-ups not yet recorded, due within the next week (or overdue). */
  async dueFollowUps(caller: AuthUser) {
    const params: unknown[] = [];
    let scope: string;
    if (caller.role === 'employer') { params.push(caller.employerId); scope = `f.employer_id = $1`; }
    else { params.push(this.scope.subtreePattern(caller)); scope = `o.path LIKE $1`; }
    const items = await this.db.query(
      `SELECT p.id, p.referral_id AS "referralId", p.day_mark AS "dayMark", to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn",
              -- Employers see her name only while she consents to being shared with them.
              CASE WHEN $2::text <> 'employer' OR (SELECT action FROM consent_events ce WHERE ce.learner_id = f.learner_id AND ce.scope = 'referrals' ORDER BY ce.at DESC, ce.id DESC LIMIT 1) = 'grant'
                   THEN u.name END AS "learnerName",
              j.title AS "jobTitle", e.name AS "employerName", (p.due_on < ${CHINA_TODAY_SQL}) AS overdue
         FROM placement_followups p JOIN referrals f ON f.id = p.referral_id JOIN organizations o ON o.id = f.org_id
         JOIN users u ON u.id = f.learner_id JOIN job_openings j ON j.id = f.job_id JOIN employers e ON e.id = f.employer_id
        WHERE p.recorded_at IS NULL AND p.due_on <= ${CHINA_TODAY_SQL} + 7 AND ${scope}
        ORDER BY p.due_on, p.id`,
      [...params, caller.role],
    );
    return { items, total: items.length };
  }

  async recordFollowUp(caller: AuthUser, id: string, input: RecordFollowUpDto, requestId: string) {
    const rows = await this.db.query(
      `SELECT p.id, f.employer_id, f.org_id, o.path FROM placement_followups p JOIN referrals f ON f.id = p.referral_id JOIN organizations o ON o.id = f.org_id WHERE p.id = $1`,
      [id],
    );
    const p = rows[0];
    const ok = p && (caller.role === 'employer' ? caller.employerId === p.employer_id : this.scope.pathInScope(caller, p.path));
    if (!ok) throw notFound('Follow-up');
    const updated = await queryRows(
      this.db,
      `UPDATE placement_followups SET still_employed = $2, wage_band = $3, note = $4, recorded_by = $5, recorded_at = now() WHERE id = $1
       RETURNING id, day_mark AS "dayMark", still_employed AS "stillEmployed", wage_band AS "wageBand", recorded_at AS "recordedAt"`,
      [id, input.stillEmployed, input.wageBand ?? null, input.note ?? null, caller.id],
    );
    await this.audit.record({ actor: caller, action: 'followup.record', entityType: 'placement_followup', entityId: id, orgId: p.org_id, requestId, details: { stillEmployed: input.stillEmployed } });
    return updated[0];
  }
}
