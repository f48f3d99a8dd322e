import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedRows, queryRows } from '../common/sql.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/**
 * Public verification reads only what it shows (not the signed credential, the row's largest column).
 * Exported as plain text too, so the benchmark's anchor (tests/bench/lib/sql.mjs) replays exactly what the API sends.
 */
const PUBLIC_SELECT = `
  SELECT z.code, z.status, u.name AS holder_name, c.code AS course_code, c.title_zh, c.title_en,
         o.name AS org_name, z.issued_at, z.expires_at, z.revocation_reason, z.hours,
         r.code AS renewed_code, r.expires_at AS renewed_expires_at
    FROM certificates z JOIN users u ON u.id = z.learner_id JOIN courses c ON c.id = z.course_id JOIN organizations o ON o.id = z.org_id
    LEFT JOIN LATERAL (
      -- The holder's newest certificate for the same course issued later, while it is in force: an
      -- employer holding an old or expired code learns that she has renewed it.
      SELECT n.code, n.expires_at FROM certificates n
       WHERE n.learner_id = z.learner_id AND n.course_id = z.course_id AND n.issued_at > z.issued_at
         AND n.status = 'valid' AND (n.expires_at IS NULL OR n.expires_at > now())
       ORDER BY n.issued_at DESC LIMIT 1) r ON true`;

/** One code ($1); sent as a named prepared statement. */
export const VERIFY_BY_CODE_SQL = `${PUBLIC_SELECT} WHERE z.code = $1`;

/** Many codes at once ($1 text[]). */
export const VERIFY_BY_CODES_SQL = `${PUBLIC_SELECT} WHERE z.code = ANY($1)`;

export interface EnrollmentContext {
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

export interface CertificateRow {
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

export type PublicCertificateRow = Pick<
  CertificateRow,
  'code' | 'status' | 'holder_name' | 'course_code' | 'title_zh' | 'title_en' | 'org_name' | 'issued_at' | 'expires_at' | 'revocation_reason' | 'hours'
> & {
  renewed_code: string | null;
  renewed_expires_at: Date | string | null;
};

export interface NewCertificate {
  id: string;
  code: string;
  enrollmentId: string;
  learnerId: string;
  courseId: string;
  classId: string;
  orgId: string;
  issuedAt: Date;
  expiresAt: Date | null;
  hours: number;
  issuedBy: string | null;
}

const CERT_SELECT = `
  SELECT z.id, z.code, z.status, z.learner_id, u.name AS holder_name, c.code AS course_code, c.title_zh, c.title_en,
         o.name AS org_name, o.path AS org_path, z.issued_at, z.expires_at, z.revocation_reason, z.hours,
         z.enrollment_id, z.class_id, z.org_id, z.credential_jwt
    FROM certificates z JOIN users u ON u.id = z.learner_id JOIN courses c ON c.id = z.course_id JOIN organizations o ON o.id = z.org_id`;

@SqlRepository('certificates')
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async enrollmentContext(enrollmentId: string, manager?: EntityManager): Promise<EnrollmentContext | null> {
    const rows: EnrollmentContext[] = await (manager ?? this.db.manager).query(
      `SELECT e.id AS enrollment_id, e.learner_id, u.name AS learner_name, e.class_id, k.course_id, c.code AS course_code, c.title_zh, c.title_en,
              c.description_zh, c.required_hours, c.min_attendance_pct, c.validity_months, k.org_id, o.name AS org_name, o.path, k.instructor_id, e.status
         FROM enrollments e JOIN users u ON u.id = e.learner_id JOIN classes k ON k.id = e.class_id
         JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id
        WHERE e.id = $1`,
      [enrollmentId],
    );
    return rows[0] ?? null;
  }

  /** The course's assessments with her best score in each (an attempt or a recorded result). */
  @SqlExample(() => [Example.ID, Example.ID2])
  async bestScores(
    courseId: string,
    enrollmentId: string,
    manager?: EntityManager,
  ): Promise<{ id: string; title_zh: string; title_en: string; pass_mark: number; best: number | null }[]> {
    return (manager ?? this.db.manager).query(
      `SELECT a.id, a.title_zh, a.title_en, a.pass_mark,
              greatest((SELECT max(score) FROM assessment_attempts t WHERE t.assessment_id = a.id AND t.enrollment_id = $2),
                       (SELECT score FROM assessment_results r WHERE r.assessment_id = a.id AND r.enrollment_id = $2)) AS best
         FROM assessments a WHERE a.course_id = $1 ORDER BY a.position`,
      [courseId, enrollmentId],
    );
  }

  @SqlExample(() => [Example.ID])
  async codeOfEnrollment(enrollmentId: string, manager?: EntityManager): Promise<string | null> {
    const rows: { code: string }[] = await (manager ?? this.db.manager).query(`SELECT code FROM certificates WHERE enrollment_id = $1`, [enrollmentId]);
    return rows[0]?.code ?? null;
  }

  /** Inserts unless the enrollment (or, rarely, the code) has one already; true if it did. It supersedes her valid certificate of the course. */
  @SqlExample(() => [
    {
      id: Example.ID,
      code: 'ABCDEFGHJK',
      enrollmentId: Example.ID2,
      learnerId: Example.ID,
      courseId: Example.ID2,
      classId: Example.ID,
      orgId: Example.ID2,
      issuedAt: Example.DATE,
      expiresAt: null,
      hours: 8,
      issuedBy: null,
    },
  ])
  async insert(z: NewCertificate, manager?: EntityManager): Promise<boolean> {
    const inserted: unknown[] = await (manager ?? this.db.manager).query(
      `INSERT INTO certificates (id, code, enrollment_id, learner_id, course_id, class_id, org_id, issued_at, expires_at, hours, issued_by, credential_jwt, supersedes_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL,
               (SELECT id FROM certificates WHERE learner_id = $4 AND course_id = $5 AND status = 'valid' ORDER BY issued_at DESC LIMIT 1))
       ON CONFLICT DO NOTHING RETURNING id`,
      [z.id, z.code, z.enrollmentId, z.learnerId, z.courseId, z.classId, z.orgId, z.issuedAt, z.expiresAt, z.hours, z.issuedBy],
    );
    return inserted.length === 1;
  }

  @SqlExample(() => [Example.ID])
  async markEnrollmentCompleted(enrollmentId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE enrollments SET status = 'completed', updated_at = now() WHERE id = $1 AND status = 'enrolled'`, [
      enrollmentId,
    ]);
  }

  @SqlExample(() => [Example.ID])
  async findByEnrollment(enrollmentId: string): Promise<CertificateRow | null> {
    const rows: CertificateRow[] = await this.db.query(`${CERT_SELECT} WHERE z.enrollment_id = $1`, [enrollmentId]);
    return rows[0] ?? null;
  }

  @SqlExample(() => ['ABCDEFGHJK'])
  async findByCode(code: string): Promise<CertificateRow | null> {
    const rows: CertificateRow[] = await this.db.query(`${CERT_SELECT} WHERE z.code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** Sent as a named prepared statement on the pool (the hottest public read), so the snapshot test does not see it: the statement is VERIFY_BY_CODE_SQL. */
  @SqlExample(() => ['ABCDEFGHJK'])
  async verifyByCode(code: string): Promise<PublicCertificateRow | null> {
    const rows = await preparedRows<PublicCertificateRow>(this.db, 'certificate-verify', VERIFY_BY_CODE_SQL, [code]);
    return rows[0] ?? null;
  }

  @SqlExample(() => [['ABCDEFGHJK']])
  async verifyByCodes(codes: string[]): Promise<PublicCertificateRow[]> {
    return this.db.query(VERIFY_BY_CODES_SQL, [codes]);
  }

  /** True if it was valid and is now revoked. */
  @SqlExample(() => [Example.ID, 'issued_in_error'])
  async revoke(id: string, reason: string, manager?: EntityManager): Promise<boolean> {
    const updated = await queryRows(
      manager ?? this.db.manager,
      `UPDATE certificates SET status = 'revoked', revoked_at = now(), revocation_reason = $2 WHERE id = $1 AND status = 'valid' RETURNING id`,
      [id, reason],
    );
    return updated.length > 0;
  }

  @SqlExample(() => [Example.ID])
  async ofLearner(learnerId: string): Promise<CertificateRow[]> {
    return this.db.query(`${CERT_SELECT} WHERE z.learner_id = $1 ORDER BY z.issued_at DESC`, [learnerId]);
  }

  /** Valid certificates expiring within 30 days not yet reminded, locked (SKIP LOCKED shares the work between instances). */
  @SqlExample(() => [])
  async lockDueReminders(manager?: EntityManager): Promise<{ id: string; learner_id: string; code: string; expires_at: Date; title_zh: string }[]> {
    return (manager ?? this.db.manager).query(
      `SELECT z.id, z.learner_id, z.code, z.expires_at, c.title_zh FROM certificates z JOIN courses c ON c.id = z.course_id
        WHERE z.status = 'valid' AND z.reminder_queued_at IS NULL AND z.expires_at BETWEEN now() AND now() + interval '30 days'
        ORDER BY z.expires_at LIMIT 500 FOR UPDATE OF z SKIP LOCKED`,
    );
  }

  @SqlExample(() => [Example.ID])
  async markReminded(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(`UPDATE certificates SET reminder_queued_at = now() WHERE id = $1`, [id]);
  }
}
