import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/**
 * Every table that holds rows about a person, and how to read hers. Erasure and the export test walk this list; privacy.schemas.ts must publish a section for each (it does not compile otherwise).
 * Whatever erasure deletes or blanks is hers, so it is read here too: every free-text note erase() sets to NULL has its column in a section.
 */
export const PERSONAL_DATA_SOURCES = {
  enrollments: `SELECT e.id, e.class_id AS "classId", c.code AS "courseCode", e.status, e.waitlist_position AS "waitlistPosition", e.created_at AS "createdAt", e.withdrawn_at AS "withdrawnAt"
                  FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id WHERE e.learner_id = $1 ORDER BY e.created_at`,
  attendance: `SELECT m.session_id AS "sessionId", s.starts_at AS "sessionStartsAt", m.status, m.note, m.source, m.marked_at AS "markedAt"
                 FROM attendance_marks m JOIN class_sessions s ON s.id = m.session_id WHERE m.learner_id = $1 ORDER BY s.starts_at`,
  attendanceHistory: `SELECT session_id AS "sessionId", old_status AS "from", new_status AS "to", old_note AS "fromNote", new_note AS "toNote", changed_at AS "changedAt" FROM attendance_history WHERE learner_id = $1 ORDER BY changed_at`,
  quizAttempts: `SELECT assessment_id AS "assessmentId", attempt_no AS "attemptNo", score, passed, answers, created_at AS "createdAt", client_started_at AS "phoneStartedAt", client_submitted_at AS "phoneSubmittedAt" FROM assessment_attempts WHERE learner_id = $1 ORDER BY created_at`,
  practicalResults: `SELECT assessment_id AS "assessmentId", score, passed, note, graded_at AS "gradedAt" FROM assessment_results WHERE learner_id = $1`,
  certificates: `SELECT z.code, c.code AS "courseCode", z.status, z.issued_at AS "issuedAt", z.expires_at AS "expiresAt", z.hours::float AS hours FROM certificates z JOIN courses c ON c.id = z.course_id WHERE z.learner_id = $1`,
  externalCredentials: `SELECT certificate_number AS "certificateNumber", occupation, level, issuing_body AS "issuingBody", to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn", checked_at AS "checkedAt" FROM external_credentials WHERE learner_id = $1`,
  consents: `SELECT scope, action, notice_version AS "noticeVersion", at FROM consent_events WHERE learner_id = $1 ORDER BY at`,
  referrals: `SELECT f.id, j.title AS "job", e.name AS "employer", f.status, f.note, f.created_at AS "createdAt", f.hired_at AS "hiredAt",
                     coalesce((SELECT json_agg(json_build_object('from', ev.from_status, 'to', ev.to_status, 'note', ev.note, 'at', ev.at) ORDER BY ev.at, ev.id) FROM referral_events ev WHERE ev.referral_id = f.id), '[]') AS history
                FROM referrals f JOIN job_openings j ON j.id = f.job_id JOIN employers e ON e.id = f.employer_id WHERE f.learner_id = $1`,
  followUps: `SELECT p.day_mark AS "dayMark", to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn", p.still_employed AS "stillEmployed", p.wage_band AS "wageBand", p.note FROM placement_followups p JOIN referrals f ON f.id = p.referral_id WHERE f.learner_id = $1 ORDER BY f.created_at, p.day_mark`,
  notifications: `SELECT kind, payload, created_at AS "createdAt", sent_at AS "sentAt", read_at AS "readAt" FROM notifications WHERE user_id = $1 ORDER BY created_at`,
  notificationPreferences: `SELECT sms_kinds AS "smsKinds", sms_opted_out_at AS "smsOptedOutAt", updated_at AS "updatedAt" FROM notification_preferences WHERE user_id = $1`,
  smsMessages: `SELECT kind, status, created_at AS "createdAt" FROM sms_messages WHERE user_id = $1 ORDER BY created_at`,
  sessions: `SELECT created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt" FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`,
  auditTrail: `SELECT at, action, entity_type AS "entityType", entity_id AS "entityId" FROM audit_events WHERE actor_id = $1 OR entity_id = $1::text ORDER BY at`,
} satisfies Record<string, string>;

@SqlRepository('privacy')
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async profile(userId: string): Promise<Record<string, unknown> | undefined> {
    const [profile] = await this.db.query(
      `SELECT u.id, u.phone, u.name, u.role, u.learner_type AS "learnerType", u.locale, u.created_at AS "createdAt", o.name AS "orgName", e.name AS "employerName"
         FROM users u LEFT JOIN organizations o ON o.id = u.org_id LEFT JOIN employers e ON e.id = u.employer_id WHERE u.id = $1`,
      [userId],
    );
    return profile;
  }

  /** Her rows of every source, by section. */
  @SqlExample(() => [Example.ID])
  async sources(userId: string): Promise<Record<keyof typeof PERSONAL_DATA_SOURCES, unknown[]>> {
    const data: Record<string, unknown[]> = {};
    for (const [key, sql] of Object.entries(PERSONAL_DATA_SOURCES)) data[key] = await this.db.query(sql, [userId]);
    return data as Record<keyof typeof PERSONAL_DATA_SOURCES, unknown[]>;
  }

  /** Blanks her account and deletes or strips what identifies her; the counted facts stay. */
  @SqlExample(() => [Example.ID, undefined])
  async erase(userId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`UPDATE users SET phone = NULL, name = NULL, password_hash = NULL, status = 'erased', erased_at = now(), updated_at = now() WHERE id = $1`, [
      userId,
    ]);
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await tx.query(`DELETE FROM consent_events WHERE learner_id = $1`, [userId]);
    await tx.query(`DELETE FROM external_credentials WHERE learner_id = $1`, [userId]);
    await tx.query(`DELETE FROM notifications WHERE user_id = $1`, [userId]);
    await tx.query(`DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    // Free text written about her may identify her; the counted facts stay.
    await tx.query(`UPDATE attendance_marks SET note = NULL WHERE learner_id = $1`, [userId]);
    await tx.query(`UPDATE attendance_history SET old_note = NULL, new_note = NULL WHERE learner_id = $1`, [userId]);
    await tx.query(`UPDATE assessment_results SET note = NULL WHERE learner_id = $1`, [userId]);
    await tx.query(`UPDATE referrals SET note = NULL WHERE learner_id = $1`, [userId]);
    await tx.query(`UPDATE referral_events SET note = NULL WHERE referral_id IN (SELECT id FROM referrals WHERE learner_id = $1)`, [userId]);
    await tx.query(`UPDATE placement_followups SET note = NULL WHERE referral_id IN (SELECT id FROM referrals WHERE learner_id = $1)`, [userId]);
    await tx.query(`UPDATE assessment_attempts SET answers = '{}'::jsonb WHERE learner_id = $1`, [userId]);
  }
}
