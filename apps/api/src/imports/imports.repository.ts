import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Scope } from '../access/access-policy.js';
import { Example, SqlExample, SqlRepository } from '../database/sql-repository.js';

/** Accounts already holding phones $1, and whether the scope lets her reuse each (an active learner it reaches). */
export const knownPhonesSql = (
  reuse: Scope,
  params: unknown[],
) => `SELECT u.id, u.phone, (u.role = 'learner' AND u.status = 'active' AND coalesce(${reuse.where({ orgPath: 'o.path' }, params)}, false)) AS usable
           FROM users u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.phone = ANY($1)`;

export interface ImportJobRow {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  result: unknown;
  createdBy: string;
  path: string;
  learnerIds: string[];
}

export interface ClassSeats {
  capacity: number;
  enrolled_count: number;
  waitlist_count: number;
}

@SqlRepository('imports')
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @SqlExample(() => [Example.ID])
  async classPath(classId: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT o.path FROM classes k JOIN organizations o ON o.id = k.org_id WHERE k.id = $1`, [classId]);
    return rows[0]?.path ?? null;
  }

  /** False if an import with this id exists already. */
  @SqlExample(() => [{ id: Example.ID, createdBy: Example.ID2, orgId: Example.ID, classId: null, totalRows: 10 }])
  async start(job: { id: string; createdBy: string; orgId: string; classId: string | null; totalRows: number }): Promise<boolean> {
    const created = await this.db.query(
      `INSERT INTO import_jobs (id, created_by, org_id, class_id, status, total_rows) VALUES ($1, $2, $3, $4, 'running', $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [job.id, job.createdBy, job.orgId, job.classId, job.totalRows],
    );
    return created.length > 0;
  }

  @SqlExample(() => [Example.ID, 5])
  async progress(id: string, processed: number): Promise<void> {
    await this.db.query(`UPDATE import_jobs SET processed_rows = $2 WHERE id = $1`, [id, processed]);
  }

  @SqlExample(() => [Example.ID, { total: 1 }])
  async finish(id: string, result: unknown): Promise<void> {
    await this.db.query(`UPDATE import_jobs SET status = 'done', processed_rows = total_rows, result = $2, finished_at = now() WHERE id = $1`, [id, result]);
  }

  @SqlExample(() => [Example.ID, { error: 'x', code: 'INTERNAL' }])
  async fail(id: string, result: unknown): Promise<void> {
    await this.db.query(`UPDATE import_jobs SET status = 'failed', finished_at = now(), result = $2 WHERE id = $1`, [id, result]);
  }

  @SqlExample(() => [[Example.PHONE], Example.scope('coordinator', 'import.create'), undefined])
  knownPhones(phones: string[], reuse: Scope, tx: EntityManager = this.db.manager): Promise<{ id: string; phone: string; usable: boolean }[]> {
    const params: unknown[] = [phones];
    return tx.query(knownPhonesSql(reuse, params), params);
  }

  /** New learners of the org; a phone taken meanwhile is skipped. */
  @SqlExample(() => [[{ phone: Example.PHONE, name: '王芳', learnerType: 'migrant_worker' }], Example.ID, undefined])
  async insertLearners(rows: { phone: string; name: string; learnerType: string }[], orgId: string, tx: EntityManager = this.db.manager): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO users (phone, name, role, org_id, learner_type)
       SELECT p, n, 'learner', $4, t FROM unnest($1::text[], $2::text[], $3::text[]) AS x(p, n, t)
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id`,
      [rows.map((r) => r.phone), rows.map((r) => r.name), rows.map((r) => r.learnerType), orgId],
    );
    return inserted.map((r) => r.id);
  }

  /** Remembered for the activation-code sheet of this import. */
  @SqlExample(() => [Example.ID, [Example.ID2], undefined])
  async rememberLearners(id: string, learnerIds: string[], tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`UPDATE import_jobs SET learner_ids = $2 WHERE id = $1`, [id, learnerIds]);
  }

  @SqlExample(() => [Example.ID, undefined])
  async lockClass(classId: string, tx: EntityManager = this.db.manager): Promise<ClassSeats> {
    const [k] = await tx.query(`SELECT capacity, enrolled_count, waitlist_count FROM classes WHERE id = $1 FOR UPDATE`, [classId]);
    return k;
  }

  /** Of these learners, those with an enrollment in the class that is not withdrawn. */
  @SqlExample(() => [Example.ID, [Example.ID2], undefined])
  async alreadyEnrolled(classId: string, learnerIds: string[], tx: EntityManager = this.db.manager): Promise<string[]> {
    const rows: { learner_id: string }[] = await tx.query(
      `SELECT learner_id FROM enrollments WHERE class_id = $1 AND learner_id = ANY($2) AND status <> 'withdrawn'`,
      [classId, learnerIds],
    );
    return rows.map((r) => r.learner_id);
  }

  /** The first `enrolled` of them are enrolled, the rest join the end of the waitlist. */
  @SqlExample(() => [{ classId: Example.ID, learnerIds: [Example.ID2], enrolled: 1, waitlistCount: 0, enrolledBy: Example.ID }, undefined])
  async enrol(
    e: { classId: string; learnerIds: string[]; enrolled: number; waitlistCount: number; enrolledBy: string },
    tx: EntityManager = this.db.manager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO enrollments (class_id, learner_id, status, waitlist_position, enrolled_by)
       SELECT $1, l, CASE WHEN ord <= $3 THEN 'enrolled' ELSE 'waitlisted' END,
              CASE WHEN ord <= $3 THEN NULL ELSE $4 + ord - $3 END, $5
         FROM unnest($2::uuid[]) WITH ORDINALITY AS x(l, ord)`,
      [e.classId, e.learnerIds, e.enrolled, e.waitlistCount, e.enrolledBy],
    );
    const waitlisted = e.learnerIds.length - e.enrolled;
    await tx.query(`UPDATE classes SET enrolled_count = enrolled_count + $2, waitlist_count = waitlist_count + $3, updated_at = now() WHERE id = $1`, [
      e.classId,
      e.enrolled,
      waitlisted,
    ]);
  }

  @SqlExample(() => [Example.ID])
  async find(id: string): Promise<ImportJobRow | null> {
    const rows: ImportJobRow[] = await this.db.query(
      `SELECT j.id, j.status, j.total_rows AS "totalRows", j.processed_rows AS "processedRows", j.result, j.created_by AS "createdBy", o.path, j.learner_ids AS "learnerIds"
         FROM import_jobs j JOIN organizations o ON o.id = j.org_id WHERE j.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
