import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PasswordService } from '../auth/password.service.js';
import { DEMO_CLASSES, DEMO_EMPLOYERS, DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';

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
      await tx.query(
        `INSERT INTO users (phone, name, password_hash, role, org_id) VALUES ($1, '系统管理员', $2, 'admin', $3) ON CONFLICT DO NOTHING`,
        [phone, hash, root],
      );
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
        const rows = await tx.query(
          `INSERT INTO employers (org_id, name, industry, contact_name, contact_phone) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [orgIds.get(e.org), e.name, e.industry, e.contactName, e.contactPhone],
        );
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
    });
    this.logger.log(`demo data seeded: ${DEMO_ORGS.length} orgs, ${DEMO_USERS.length} users (password ${DEMO_PASSWORD})`);
  }

  /** A class with two 2-hour sessions a week (Tuesday-style evenings in China time), and its demo learners. */
  private async seedClass(tx: EntityManager, k: (typeof DEMO_CLASSES)[number], orgIds: Map<string, string>) {
    const [{ id }] = await tx.query(
      `INSERT INTO classes (course_id, org_id, instructor_id, starts_on, ends_on, capacity, location)
       SELECT c.id, $2, u.id, (now() AT TIME ZONE 'Asia/Shanghai')::date + $4::int, (now() AT TIME ZONE 'Asia/Shanghai')::date + $4::int + $5::int * 7, $6, $7
         FROM courses c, users u WHERE c.code = $1 AND u.phone = $3 RETURNING id`,
      [k.course, orgIds.get(k.org), k.instructor, k.startInDays, k.weeks, k.capacity, k.location],
    );
    await tx.query(
      `INSERT INTO class_sessions (class_id, starts_at, ends_at, location)
       SELECT $1, (d + interval '14 hours') AT TIME ZONE 'Asia/Shanghai', (d + interval '16 hours') AT TIME ZONE 'Asia/Shanghai', $4
         FROM generate_series(0, $3::int * 2 - 1) AS n,
              LATERAL (SELECT ((now() AT TIME ZONE 'Asia/Shanghai')::date + $2::int + (n / 2) * 7 + (n % 2) * 3)::timestamp AS d) x`,
      [id, k.startInDays, k.weeks, k.location],
    );
    for (const phone of k.learners) {
      await tx.query(`INSERT INTO enrollments (class_id, learner_id, status) SELECT $1, id, 'enrolled' FROM users WHERE phone = $2`, [id, phone]);
    }
    await tx.query(`UPDATE classes SET enrolled_count = $2 WHERE id = $1`, [id, k.learners.length]);
    await this.seedMarks(tx, id);
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
    const found = await tx.query(
      `SELECT id FROM organizations WHERE parent_id IS NOT DISTINCT FROM $1 AND name = $2`,
      [parentId, name],
    );
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
