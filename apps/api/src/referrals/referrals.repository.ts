import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReferralStatus } from '@hearth/contracts';
import type { Scope } from '../access/access-policy.js';
import type { FactColumns } from '../access/define.js';
import { CHINA_TODAY_SQL } from '../common/china-time.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export interface ReferralRow {
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

export interface CandidateCertificate {
  learnerId: string;
  code: string;
  title_zh: string;
  title_en: string;
  issuedAt: Date;
  expiresAt: Date | null;
  hours: string;
}

export interface HistoryView {
  /** Show only notes written by staff of this employer (an employer reads no coordinator's note). */
  notesOfEmployer: string | null;
  showActors: boolean;
}

const REFERRAL_SELECT = `
  SELECT f.id, f.learner_id, f.job_id, f.employer_id, f.org_id, f.status, f.note, f.created_at, f.updated_at, f.hired_at, o.path,
         j.title AS job_title, e.name AS employer_name, u.name AS learner_name, u.phone AS learner_phone,
         (SELECT action FROM consent_events ce WHERE ce.learner_id = f.learner_id AND ce.scope = 'referrals' ORDER BY ce.at DESC, ce.id DESC LIMIT 1) AS consent
    FROM referrals f JOIN organizations o ON o.id = f.org_id JOIN job_openings j ON j.id = f.job_id
    JOIN employers e ON e.id = f.employer_id JOIN users u ON u.id = f.learner_id`;

/** Where a referral's facts are in the queries below. */
export const REFERRAL_COLUMNS: FactColumns = { orgPath: 'o.path', subjectId: 'f.learner_id', employerId: 'f.employer_id' };

const LATEST_CONSENT = `(SELECT action FROM consent_events ce WHERE ce.learner_id = f.learner_id AND ce.scope = 'referrals' ORDER BY ce.at DESC, ce.id DESC LIMIT 1)`;

@SqlRepository('referrals')
@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active learner the scope reaches. */
  @SqlExample(() => [Example.ID, Example.scope('coordinator', 'referral.create')])
  async findLearner(learnerId: string, scope: Scope): Promise<{ id: string; org_id: string } | null> {
    const params: unknown[] = [learnerId];
    const rows = await this.db.query(
      `SELECT u.id, u.org_id FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active' AND ${scope.where({ orgPath: 'o.path' }, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** A job opening of an employer the scope reaches. */
  @SqlExample(() => [Example.ID, Example.scope('coordinator', 'referral.create')])
  async findJob(jobId: string, scope: Scope): Promise<{ id: string; employer_id: string; status: string; title: string } | null> {
    const params: unknown[] = [jobId];
    const rows = await this.db.query(
      `SELECT j.id, j.employer_id, j.status, j.title FROM job_openings j JOIN employers e ON e.id = j.employer_id JOIN organizations o ON o.id = e.org_id WHERE j.id = $1 AND ${scope.where({ orgPath: 'o.path' }, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Locks her consent trail so a withdrawal cannot slip in between the check and the referral. */
  @SqlExample(() => [Example.ID, undefined])
  async lockLearner(learnerId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`SELECT id FROM users WHERE id = $1 FOR SHARE`, [learnerId]);
  }

  /** The new referral's id, or null if she is already referred to this opening. */
  @SqlExample(() => [{ learnerId: Example.ID, jobId: Example.ID2, employerId: Example.ID, orgId: Example.ID2, referredBy: Example.ID, note: null }, undefined])
  async insert(
    r: { learnerId: string; jobId: string; employerId: string; orgId: string; referredBy: string; note: string | null },
    tx: EntityManager = this.db.manager,
  ): Promise<string | null> {
    const rows = await tx.query(
      `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (learner_id, job_id) DO NOTHING RETURNING id`,
      [r.learnerId, r.jobId, r.employerId, r.orgId, r.referredBy, r.note],
    );
    return rows[0]?.id ?? null;
  }

  @SqlExample(() => [Example.ID, 'referred', 'contacted', null, Example.ID2, undefined])
  async insertEvent(
    referralId: string,
    from: ReferralStatus | null,
    to: ReferralStatus,
    note: string | null,
    actorId: string,
    tx: EntityManager = this.db.manager,
  ): Promise<void> {
    await tx.query(`INSERT INTO referral_events (referral_id, from_status, to_status, note, actor_id) VALUES ($1, $2, $3, $4, $5)`, [
      referralId,
      from,
      to,
      note,
      actorId,
    ]);
  }

  @SqlExample(() => [Example.ID, undefined])
  async find(id: string, manager: EntityManager = this.db.manager): Promise<ReferralRow | null> {
    const rows: ReferralRow[] = await manager.query(`${REFERRAL_SELECT} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID, { notesOfEmployer: Example.ID2, showActors: false }, undefined])
  history(id: string, view: HistoryView, manager: EntityManager = this.db.manager) {
    return manager.query(
      `SELECT ev.from_status AS "from", ev.to_status AS "to",
              CASE WHEN $2::uuid IS NOT NULL THEN (SELECT ev.note FROM users a WHERE a.id = ev.actor_id AND a.employer_id = $2) ELSE ev.note END AS note,
              ev.at, CASE WHEN $3::boolean THEN ev.actor_id END AS "actorId"
         FROM referral_events ev WHERE ev.referral_id = $1 ORDER BY ev.at, ev.id`,
      [id, view.notesOfEmployer, view.showActors],
    );
  }

  /** Name and phone of each learner. */
  @SqlExample(() => [[Example.ID, Example.ID2], undefined])
  people(learnerIds: string[], manager: EntityManager = this.db.manager): Promise<{ id: string; name: string | null; phone: string | null }[]> {
    return manager.query(`SELECT id, name, phone FROM users WHERE id = ANY($1::uuid[])`, [learnerIds]);
  }

  /** The valid, unexpired certificates of each learner, newest first. */
  @SqlExample(() => [[Example.ID, Example.ID2], undefined])
  validCertificates(learnerIds: string[], manager: EntityManager = this.db.manager): Promise<CandidateCertificate[]> {
    return manager.query(
      `SELECT z.learner_id AS "learnerId", z.code, c.title_zh, c.title_en, z.issued_at AS "issuedAt", z.expires_at AS "expiresAt", z.hours
         FROM certificates z JOIN courses c ON c.id = z.course_id
        WHERE z.learner_id = ANY($1::uuid[]) AND z.status = 'valid' AND (z.expires_at IS NULL OR z.expires_at > now()) ORDER BY z.issued_at DESC`,
      [learnerIds],
    );
  }

  @SqlExample(() => [Example.scope('employer', 'referral.read'), { status: 'referred', jobId: Example.ID }, { limit: 20, offset: 0 }])
  async list(scope: Scope, filter: { status?: ReferralStatus; jobId?: string }, page: { limit: number; offset: number }) {
    const params: unknown[] = [];
    const where = [scope.where(REFERRAL_COLUMNS, params)];
    if (filter.status) where.push(`f.status = $${params.push(filter.status)}`);
    if (filter.jobId) where.push(`f.job_id = $${params.push(filter.jobId)}`);
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [rows, count] = await Promise.all([
      this.db.query(`${REFERRAL_SELECT} ${whereSql} ORDER BY f.updated_at DESC, f.id LIMIT ${page.limit} OFFSET ${page.offset}`, params) as Promise<
        ReferralRow[]
      >,
      this.db.query(`SELECT count(*)::int AS n FROM referrals f JOIN organizations o ON o.id = f.org_id ${whereSql}`, params) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  /** Moves it from `from` to `to`; false if someone else moved it first. */
  @SqlExample(() => [Example.ID, 'referred', 'contacted', undefined])
  async move(id: string, from: ReferralStatus, to: ReferralStatus, tx: EntityManager = this.db.manager): Promise<boolean> {
    const moved = await queryRows(
      tx,
      `UPDATE referrals SET status = $3, updated_at = now(), hired_at = CASE WHEN $3 = 'hired' THEN now() ELSE hired_at END WHERE id = $1 AND status = $2 RETURNING id`,
      [id, from, to],
    );
    return moved.length > 0;
  }

  @SqlExample(() => [Example.ID, [30, 90, 180], undefined])
  async scheduleFollowUps(referralId: string, days: readonly number[], tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`INSERT INTO placement_followups (referral_id, day_mark, due_on) SELECT $1, d, ${CHINA_TODAY_SQL} + d FROM unnest($2::int[]) AS d`, [
      referralId,
      days,
    ]);
  }

  /** The coordinator or admin who referred her, if still active. */
  @SqlExample(() => [Example.ID, undefined])
  async activeReferrer(referralId: string, tx: EntityManager = this.db.manager): Promise<string | null> {
    const [referrer] = await tx.query(
      `SELECT u.id FROM referrals f JOIN users u ON u.id = f.referred_by WHERE f.id = $1 AND u.status = 'active' AND u.role IN ('coordinator','admin')`,
      [referralId],
    );
    return referrer?.id ?? null;
  }

  /**
   * Follow-ups not yet recorded, due within the next week (or overdue), of the referrals `scope` reaches;
   * her name only where `names` reaches the referral or she consents to being shared.
   */
  @SqlExample(() => [Example.scope('employer', 'followup.read'), Example.scope('employer', 'referral.learner.read')])
  dueFollowUps(scope: Scope, names: Scope) {
    const params: unknown[] = [];
    const where = scope.where(REFERRAL_COLUMNS, params);
    return this.db.query(
      `SELECT p.id, p.referral_id AS "referralId", p.day_mark AS "dayMark", to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn",
              CASE WHEN ${names.where(REFERRAL_COLUMNS, params)} OR ${LATEST_CONSENT} = 'grant' THEN u.name END AS "learnerName",
              j.title AS "jobTitle", e.name AS "employerName", (p.due_on < ${CHINA_TODAY_SQL}) AS overdue
         FROM placement_followups p JOIN referrals f ON f.id = p.referral_id JOIN organizations o ON o.id = f.org_id
         JOIN users u ON u.id = f.learner_id JOIN job_openings j ON j.id = f.job_id JOIN employers e ON e.id = f.employer_id
        WHERE p.recorded_at IS NULL AND p.due_on <= ${CHINA_TODAY_SQL} + 7 AND ${where}
        ORDER BY p.due_on, p.id`,
      params,
    );
  }

  @SqlExample(() => [Example.ID])
  async findFollowUp(id: string): Promise<{ id: string; employer_id: string; org_id: string; path: string } | null> {
    const rows = await this.db.query(
      `SELECT p.id, f.employer_id, f.org_id, o.path FROM placement_followups p JOIN referrals f ON f.id = p.referral_id JOIN organizations o ON o.id = f.org_id WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  @SqlExample(() => [Example.ID, { stillEmployed: true, wageBand: '3000_4999', note: null }, Example.ID2])
  async recordFollowUp(id: string, input: { stillEmployed: boolean; wageBand: string | null; note: string | null }, recordedBy: string) {
    const updated = await queryRows(
      this.db,
      `UPDATE placement_followups SET still_employed = $2, wage_band = $3, note = $4, recorded_by = $5, recorded_at = now() WHERE id = $1
       RETURNING id, day_mark AS "dayMark", still_employed AS "stillEmployed", wage_band AS "wageBand", recorded_at AS "recordedAt"`,
      [id, input.stillEmployed, input.wageBand, input.note, recordedBy],
    );
    return updated[0];
  }
}
