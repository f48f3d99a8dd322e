import { CHINA_TODAY_SQL, CHINA_TZ } from '../common/china-time.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PasswordService } from '../auth/password.service.js';
import { newCertificateCode } from '../certificates/certificate-code.js';
import { REFERRAL_NOTICE_VERSION } from '../consents/consents.service.js';
import { DEMO_CLASSES, DEMO_EMPLOYERS, DEMO_JOB, DEMO_ORGS, DEMO_PASSWORD, DEMO_REFERRAL, DEMO_USERS } from './demo-data.js';

/** Start-up data: the root admin (ADMIN_PHONE) and, with SEED_DEMO, the demo orgs and users. Both run once. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
  ) {}

  async run(): Promise<void> {
    if (this.config.adminPhone && this.config.adminPassword) await this.ensureRootAdmin(this.config.adminPhone, this.config.adminPassword);
    if (this.config.seedDemo) await this.seedDemo();
  }

  async ensureRootAdmin(phone: string, password: string): Promise<void> {
    const existing = await this.db.query(`SELECT 1 FROM users WHERE phone = $1`, [phone]);
    if (existing.length > 0) return;
    const hash = await this.passwords.hash(password);
    await this.db.transaction(async (tx) => {
      const root = await this.ensureOrg(tx, null, 'national', '全国妇联');
      await tx.query(`INSERT INTO users (phone, name, password_hash, role, org_id) VALUES ($1, '系统管理员', $2, 'admin', $3) ON CONFLICT DO NOTHING`, [
        phone,
        hash,
        root,
      ]);
    });
    this.logger.log(`root federation admin created for ADMIN_PHONE`);
  }

  async seedDemo(): Promise<void> {
    const done = await this.db.query(`SELECT 1 FROM seed_runs WHERE name = 'demo-v1'`);
    if (done.length > 0) return;
    const hash = await this.passwords.hash(DEMO_PASSWORD);
    await this.db.transaction(async (tx) => {
      const claimed = await tx.query(`INSERT INTO seed_runs (name) VALUES ('demo-v1') ON CONFLICT DO NOTHING RETURNING name`);
      if (claimed.length === 0) return;
      const orgIds = new Map<string, string>();
      for (const org of DEMO_ORGS) {
        orgIds.set(org.key, await this.ensureOrg(tx, org.parent ? orgIds.get(org.parent)! : null, org.kind, org.name));
      }
      const employerIds = new Map<string, string>();
      for (const e of DEMO_EMPLOYERS) {
        const rows = await tx.query(`INSERT INTO employers (org_id, name, industry, contact_name, contact_phone) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
          orgIds.get(e.org),
          e.name,
          e.industry,
          e.contactName,
          e.contactPhone,
        ]);
        employerIds.set(e.key, rows[0].id);
      }
      for (const u of DEMO_USERS) {
        await tx.query(
          `INSERT INTO users (phone, name, password_hash, role, org_id, learner_type, employer_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [u.phone, u.name, hash, u.role, orgIds.get(u.org), u.learnerType ?? null, u.employer ? employerIds.get(u.employer) : null],
        );
      }
      for (const k of DEMO_CLASSES) await this.seedClass(tx, k, orgIds);
      await this.seedReferral(tx, employerIds);
    });
    this.logger.log(`demo data seeded: ${DEMO_ORGS.length} orgs, ${DEMO_USERS.length} users (password ${DEMO_PASSWORD})`);
  }

  /** A class with two 2-hour sessions a week (Tuesday-style evenings in China time), and its demo learners. */
  private async seedClass(tx: EntityManager, k: (typeof DEMO_CLASSES)[number], orgIds: Map<string, string>) {
    const [{ id }] = await tx.query(
      `INSERT INTO classes (course_id, org_id, instructor_id, starts_on, ends_on, capacity, location)
       SELECT c.id, $2, u.id, ${CHINA_TODAY_SQL} + $4::int, ${CHINA_TODAY_SQL} + $4::int + $5::int * 7, $6, $7
         FROM courses c, users u WHERE c.code = $1 AND u.phone = $3 RETURNING id`,
      [k.course, orgIds.get(k.org), k.instructor, k.startInDays, k.weeks, k.capacity, k.location],
    );
    await tx.query(
      `INSERT INTO class_sessions (class_id, starts_at, ends_at, location)
       SELECT $1, (d + interval '14 hours') AT TIME ZONE '${CHINA_TZ}', (d + interval '16 hours') AT TIME ZONE '${CHINA_TZ}', $4
         FROM generate_series(0, $3::int * 2 - 1) AS n,
              LATERAL (SELECT (${CHINA_TODAY_SQL} + $2::int + (n / 2) * 7 + (n % 2) * 3)::timestamp AS d) x`,
      [id, k.startInDays, k.weeks, k.location],
    );
    for (const phone of k.learners) {
      await tx.query(`INSERT INTO enrollments (class_id, learner_id, status) SELECT $1, id, 'enrolled' FROM users WHERE phone = $2`, [id, phone]);
    }
    await tx.query(`UPDATE classes SET enrolled_count = $2 WHERE id = $1`, [id, k.learners.length]);
    await this.seedMarks(tx, id);
    if (k.graduated) await this.seedCertificates(tx, id);
  }

  /**
   * A finished class's learners hold its certificate, as the rules would have issued it. The signed
   * credential and its status-list entry are made on first download, as for any certificate that
   * predates the current credential format.
   */
  private async seedCertificates(tx: EntityManager, classId: string) {
    const enrolled: { id: string; learner_id: string; course_id: string; org_id: string; validity_months: number | null; ends_at: Date; hours: string }[] =
      await tx.query(
        `SELECT e.id, e.learner_id, k.course_id, k.org_id, c.validity_months,
              (SELECT max(ends_at) FROM class_sessions WHERE class_id = k.id) AS ends_at,
              (SELECT coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at) / 3600), 0) FROM class_sessions s
                 JOIN attendance_marks m ON m.session_id = s.id AND m.learner_id = e.learner_id AND m.status IN ('present','late')
                WHERE s.class_id = k.id) AS hours
         FROM enrollments e JOIN classes k ON k.id = e.class_id JOIN courses c ON c.id = k.course_id
        WHERE e.class_id = $1 AND e.status = 'enrolled'`,
        [classId],
      );
    for (const e of enrolled) {
      await tx.query(`UPDATE enrollments SET status = 'completed', updated_at = now() WHERE id = $1`, [e.id]);
      await tx.query(
        `INSERT INTO certificates (code, enrollment_id, learner_id, course_id, class_id, org_id, issued_at, expires_at, hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::int IS NULL THEN NULL ELSE $7::timestamptz + make_interval(months => $8::int) END, $9)`,
        [newCertificateCode(), e.id, e.learner_id, e.course_id, classId, e.org_id, e.ends_at, e.validity_months, Number(e.hours)],
      );
    }
  }

  /** The graduates agreed to be referred; the coordinator referred one to the partner employer's opening, which has moved to an interview. */
  private async seedReferral(tx: EntityManager, employerIds: Map<string, string>) {
    const [job] = await tx.query(
      `INSERT INTO job_openings (employer_id, title, description, location, positions, wage_min, wage_max, created_by)
       SELECT $1, $2, $3, $4, $5, $6, $7, u.id FROM users u WHERE u.phone = $8 RETURNING id, created_by`,
      [
        employerIds.get(DEMO_JOB.employer),
        DEMO_JOB.title,
        DEMO_JOB.description,
        DEMO_JOB.location,
        DEMO_JOB.positions,
        DEMO_JOB.wageMin,
        DEMO_JOB.wageMax,
        DEMO_JOB.createdBy,
      ],
    );
    await tx.query(`INSERT INTO job_required_courses (job_id, course_id) SELECT $1, id FROM courses WHERE code = $2`, [job.id, DEMO_JOB.requiredCourse]);
    await tx.query(
      `INSERT INTO consent_events (learner_id, scope, action, notice_version, at)
       SELECT id, 'referrals', 'grant', $2, now() - interval '10 days' FROM users WHERE phone = ANY($1)`,
      [DEMO_REFERRAL.consenting, REFERRAL_NOTICE_VERSION],
    );
    const [referral] = await tx.query(
      `INSERT INTO referrals (learner_id, job_id, employer_id, org_id, referred_by, status, created_at, updated_at)
       SELECT u.id, $2, $3, u.org_id, $4, $5, now() - interval '7 days', now() - interval '2 days' FROM users u WHERE u.phone = $1 RETURNING id`,
      [DEMO_REFERRAL.learner, job.id, employerIds.get(DEMO_JOB.employer), job.created_by, DEMO_REFERRAL.steps[DEMO_REFERRAL.steps.length - 1]],
    );
    for (const [i, step] of DEMO_REFERRAL.steps.entries()) {
      await tx.query(
        `INSERT INTO referral_events (referral_id, from_status, to_status, actor_id, at)
         SELECT $1, $2, $3, CASE WHEN $4 THEN $5::uuid ELSE (SELECT id FROM users WHERE phone = '13900000007') END, now() - make_interval(days => 7 - $6::int * 2)`,
        [referral.id, i === 0 ? null : DEMO_REFERRAL.steps[i - 1], step, i === 0, job.created_by, i],
      );
    }
  }

  /**
   * A class already running has had its roll taken: its demo learners are marked for the sessions
   * already started (present, now and then late), as the instructor would have, history included.
   * Otherwise a demo learner reads that she can no longer pass.
   */
  private async seedMarks(tx: EntityManager, classId: string) {
    await tx.query(
      `WITH past AS (
         SELECT s.id AS session_id, s.starts_at, row_number() OVER (ORDER BY s.starts_at) AS n
           FROM class_sessions s WHERE s.class_id = $1 AND s.starts_at < now()
       ), marks AS (
         INSERT INTO attendance_marks (session_id, learner_id, enrollment_id, status, source, marked_by, marked_at)
         SELECT p.session_id, e.learner_id, e.id, CASE WHEN p.n % 4 = 2 THEN 'late' ELSE 'present' END, 'roster', k.instructor_id, least(now(), p.starts_at + interval '10 minutes')
           FROM past p CROSS JOIN enrollments e JOIN classes k ON k.id = e.class_id
          WHERE e.class_id = $1 AND e.status = 'enrolled' AND k.instructor_id IS NOT NULL
         RETURNING session_id, learner_id, status, marked_by, marked_at
       )
       INSERT INTO attendance_history (session_id, learner_id, old_status, new_status, source, changed_by, changed_at)
       SELECT session_id, learner_id, NULL, status, 'roster', marked_by, marked_at FROM marks`,
      [classId],
    );
  }

  /** Finds an org by parent and name, or creates it with its materialized path. */
  private async ensureOrg(tx: EntityManager, parentId: string | null, kind: string, name: string): Promise<string> {
    const found = await tx.query(`SELECT id FROM organizations WHERE parent_id IS NOT DISTINCT FROM $1 AND name = $2`, [parentId, name]);
    if (found.length > 0) return found[0].id;
    const rows = await tx.query(
      `WITH parent AS (SELECT path, depth FROM organizations WHERE id = $1), new_id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO organizations (id, parent_id, kind, name, path, depth)
       SELECT new_id.id, $1, $2, $3, coalesce((SELECT path FROM parent), '/') || new_id.id::text || '/', coalesce((SELECT depth + 1 FROM parent), 0)
         FROM new_id RETURNING id`,
      [parentId, kind, name],
    );
    return rows[0].id;
  }
}
