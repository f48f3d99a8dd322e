import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Scope } from '../access/access-policy.js';
import { queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

export type QualificationStatus = 'pending' | 'verified' | 'rejected';

export interface ExternalCredentialInput {
  certificateNumber: string;
  occupation: string;
  level?: string;
  issuingBody: string;
  issuedOn: string;
  expiresOn?: string;
}

export interface ReviewRow extends Record<string, unknown> {
  number: string;
  course_id: string | null;
  course_code: string;
  title_zh: string;
  title_en: string;
  matched: boolean;
}

const COLUMNS = `x.id, x.learner_id AS "learnerId", x.certificate_number AS "certificateNumber", x.occupation, x.level,
  x.issuing_body AS "issuingBody", to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
  x.status, x.rejection_reason AS "rejectionReason", x.course_id AS "courseId",
  x.checked_at AS "checkedAt", x.checked_by AS "checkedBy", x.created_at AS "createdAt"`;

const INPUT: ExternalCredentialInput = {
  certificateNumber: 'S000000000000001',
  occupation: '育婴员',
  level: '四级',
  issuingBody: '人社厅',
  issuedOn: Example.DAY,
};

@SqlRepository('external-credentials')
@Injectable()
export class ExternalCredentialsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An active learner's org path (null: no org); undefined if there is no such learner. */
  @SqlExample(() => [Example.ID])
  async learnerOrgPath(learnerId: string): Promise<string | null | undefined> {
    const rows: { path: string | null }[] = await this.db.query(
      `SELECT o.path FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'learner' AND u.status = 'active'`,
      [learnerId],
    );
    return rows[0] ? rows[0].path : undefined;
  }

  @SqlExample(() => [Example.ID])
  async one(id: string): Promise<Record<string, unknown>> {
    const [item] = await this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.id = $1`, [id]);
    return item;
  }

  @SqlExample(() => [Example.ID])
  async ofLearner(learnerId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM external_credentials x WHERE x.learner_id = $1 ORDER BY x.issued_on DESC`, [learnerId]);
  }

  @SqlExample(() => [Example.ID, Example.ID2, Example.ID])
  async exists(id: string, learnerId: string): Promise<boolean> {
    const rows = await queryRows(this.db, `SELECT id FROM external_credentials WHERE id = $1 AND learner_id = $2`, [id, learnerId]);
    return rows.length > 0;
  }

  /** The new (or corrected, after a rejection) qualification's id; null if the number is already recorded for her. */
  @SqlExample(() => [Example.ID, INPUT, Example.ID2])
  async record(learnerId: string, input: ExternalCredentialInput, recordedBy: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO external_credentials (learner_id, certificate_number, occupation, level, issuing_body, issued_on, expires_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (learner_id, certificate_number) DO UPDATE
         SET occupation = EXCLUDED.occupation, level = EXCLUDED.level, issuing_body = EXCLUDED.issuing_body, issued_on = EXCLUDED.issued_on,
             expires_on = EXCLUDED.expires_on, recorded_by = EXCLUDED.recorded_by, status = 'pending', rejection_reason = NULL,
             course_id = NULL, checked_by = NULL, checked_at = NULL, created_at = now()
         WHERE external_credentials.status = 'rejected'
       RETURNING id`,
      [learnerId, input.certificateNumber, input.occupation, input.level ?? '', input.issuingBody, input.issuedOn, input.expiresOn ?? null, recordedBy],
    );
    return rows[0]?.id ?? null;
  }

  /** Qualifications in `status` of active learners the scope reaches, oldest first, with the course each matches (or the one last matched to its occupation). */
  @SqlExample(() => [Example.scope('coordinator', 'qualification.decide'), 'pending', 20, 0])
  async review(scope: Scope, status: QualificationStatus, limit: number, offset: number): Promise<{ rows: ReviewRow[]; total: number }> {
    const params: unknown[] = [status];
    const where = `FROM external_credentials x JOIN users u ON u.id = x.learner_id JOIN organizations o ON o.id = u.org_id
                   WHERE x.status = $1 AND ${scope.where({ orgPath: 'o.path', subjectId: 'x.learner_id' }, params)} AND u.status = 'active'`;
    const [rows, count] = await Promise.all([
      this.db.query(
        `SELECT x.id, x.learner_id AS "learnerId", u.name AS "learnerName", o.name AS "orgName", x.certificate_number AS number, x.occupation, x.level,
                x.issuing_body AS "issuingBody", to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(x.expires_on, 'YYYY-MM-DD') AS "expiresOn",
                x.status, x.rejection_reason AS "rejectionReason", x.created_at AS "createdAt",
                m.id AS course_id, m.code AS course_code, m.title_zh, m.title_en, (x.course_id IS NOT NULL) AS matched
           ${where.replace(
             'WHERE',
             `LEFT JOIN LATERAL (
               SELECT c.id, c.code, c.title_zh, c.title_en FROM courses c
                WHERE c.id = coalesce(x.course_id, (SELECT y.course_id FROM external_credentials y
                                                      WHERE y.occupation = x.occupation AND y.status = 'verified' AND y.course_id IS NOT NULL
                                                      ORDER BY y.checked_at DESC LIMIT 1))) m ON true
            WHERE`,
           )}
          ORDER BY x.created_at, x.id LIMIT ${limit} OFFSET ${offset}`,
        params,
      ) as Promise<ReviewRow[]>,
      this.db.query(`SELECT count(*)::int AS n ${where}`, params) as Promise<{ n: number }[]>,
    ]);
    return { rows, total: count[0].n };
  }

  @SqlExample(() => [Example.ID])
  async courseExists(courseId: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM courses WHERE id = $1`, [courseId])).length > 0;
  }

  @SqlExample(() => [Example.ID])
  async lock(id: string, manager?: EntityManager): Promise<{ status: QualificationStatus; learner_id: string; org_id: string | null }> {
    const [row] = await (manager ?? this.db.manager).query(
      `SELECT x.status, x.learner_id, u.org_id FROM external_credentials x JOIN users u ON u.id = x.learner_id WHERE x.id = $1 FOR UPDATE OF x`,
      [id],
    );
    return row;
  }

  @SqlExample(() => [Example.ID, { status: 'verified', courseId: Example.ID2 }, Example.ID])
  async decide(
    id: string,
    d: { status: 'verified' | 'rejected'; courseId?: string; reason?: string },
    checkedBy: string,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.db.manager).query(
      `UPDATE external_credentials SET status = $2, course_id = CASE WHEN $2 = 'verified' THEN coalesce($3::uuid, course_id) END,
              rejection_reason = $4, checked_by = $5, checked_at = now() WHERE id = $1`,
      [id, d.status, d.courseId ?? null, d.reason ?? null, checkedBy],
    );
  }
}
