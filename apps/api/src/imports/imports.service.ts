import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { toErrorBody } from '../common/http-exception.filter.js';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CsvFormatError, readLearnerCsv, type Rejected } from './csv-rows.js';
import type { ImportLearnersDto } from '@hearth/contracts/inputs';
import { KNOWN_PHONES_SQL } from './import-queries.js';

export interface ImportResult {
  id: string;
  total: number;
  created: number;
  existing: number;
  enrolled: number;
  waitlisted: number;
  alreadyEnrolled: number;
  header: string[];
  rejected: Rejected[];
}

/**
 * CSV import of learners, optionally straight into a class. Every row is checked first; the valid
 * ones go in with set-based statements in ONE transaction (all or nothing). Phone is the key, so
 * importing the same file twice creates nobody twice. Progress is written to import_jobs from
 * outside the transaction, so the web can show it while the import runs.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  private progress(id: string, processed: number) {
    return this.db.query(`UPDATE import_jobs SET processed_rows = $2 WHERE id = $1`, [id, processed]);
  }

  async importLearners(caller: AuthUser, input: ImportLearnersDto, requestId: string): Promise<ImportResult> {
    const org = await this.scope.requireOrg(caller, input.orgId ?? caller.orgId!);
    if (input.classId) {
      const k = await this.db.query(`SELECT o.path FROM classes k JOIN organizations o ON o.id = k.org_id WHERE k.id = $1`, [input.classId]);
      if (k.length === 0 || !this.scope.pathInScope(caller, k[0].path)) throw notFound('Class');
    }
    let parsed;
    try {
      parsed = readLearnerCsv(input.csv);
    } catch (error) {
      if (error instanceof CsvFormatError) throw badRequest(error.message);
      throw error;
    }
    const id = input.importId ?? randomUUID();
    const created = await this.db.query(
      `INSERT INTO import_jobs (id, created_by, org_id, class_id, status, total_rows) VALUES ($1, $2, $3, $4, 'running', $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, caller.id, org.id, input.classId ?? null, parsed.total],
    );
    if (created.length === 0) throw new AppError(409, 'CONFLICT', 'An import with this importId already ran');
    try {
      const result = await this.run(caller, id, org.id, input.classId, parsed, requestId);
      await this.db.query(`UPDATE import_jobs SET status = 'done', processed_rows = total_rows, result = $2, finished_at = now() WHERE id = $1`, [id, result]);
      return result;
    } catch (error) {
      // What the caller was told, not the raw error: a database message must not reach the client.
      const { body } = toErrorBody(error);
      await this.db.query(`UPDATE import_jobs SET status = 'failed', finished_at = now(), result = $2 WHERE id = $1`, [id, { error: body.message, code: body.code }]);
      throw error;
    }
  }

  private async run(caller: AuthUser, id: string, orgId: string, classId: string | undefined, parsed: ReturnType<typeof readLearnerCsv>, requestId: string): Promise<ImportResult> {
    const { rows } = parsed;
    const rejected = [...parsed.rejected];
    const pattern = this.scope.subtreePattern(caller);
    await this.progress(id, Math.floor(parsed.total * 0.1));
    return this.db.transaction(async (tx) => {
      // Phones already registered: reuse learners of the caller's subtree, refuse anyone else's.
      const known: { id: string; phone: string; usable: boolean }[] = await tx.query(
        KNOWN_PHONES_SQL,
        [rows.map((r) => r.phone), pattern],
      );
      const byPhone = new Map(known.map((k) => [k.phone, k]));
      const fresh = rows.filter((r) => !byPhone.has(r.phone));
      for (const r of rows) {
        const k = byPhone.get(r.phone);
        if (k && !k.usable) rejected.push({ line: r.line, phone: r.phone, name: r.name, cells: r.cells, code: 'PHONE_OTHER_ACCOUNT', reason: 'this phone number belongs to an account outside your organisation; enrol her by hand' });
      }
      const inserted: { id: string }[] = fresh.length
        ? await tx.query(
            `INSERT INTO users (phone, name, role, org_id, learner_type)
             SELECT p, n, 'learner', $4, t FROM unnest($1::text[], $2::text[], $3::text[]) AS x(p, n, t)
             ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id`,
            [fresh.map((r) => r.phone), fresh.map((r) => r.name), fresh.map((r) => r.learnerType), orgId],
          )
        : [];
      // No progress write here: it would need a second pool connection while this transaction holds one.
      const learnerIds = [...known.filter((k) => k.usable).map((k) => k.id), ...inserted.map((r) => r.id)];
      // Remembered for the activation-code sheet of this import.
      await tx.query(`UPDATE import_jobs SET learner_ids = $2 WHERE id = $1`, [id, learnerIds]);
      let enrolled = 0;
      let waitlisted = 0;
      let alreadyEnrolled = 0;
      if (classId && learnerIds.length > 0) {
        const [k] = await tx.query(`SELECT capacity, enrolled_count, waitlist_count FROM classes WHERE id = $1 FOR UPDATE`, [classId]);
        const already: { learner_id: string }[] = await tx.query(
          `SELECT learner_id FROM enrollments WHERE class_id = $1 AND learner_id = ANY($2) AND status <> 'withdrawn'`,
          [classId, learnerIds],
        );
        const skip = new Set(already.map((a) => a.learner_id));
        alreadyEnrolled = skip.size;
        const toEnrol = learnerIds.filter((l) => !skip.has(l));
        const seats = Math.max(0, k.capacity - k.enrolled_count);
        enrolled = Math.min(seats, toEnrol.length);
        waitlisted = toEnrol.length - enrolled;
        if (toEnrol.length > 0) {
          await tx.query(
            `INSERT INTO enrollments (class_id, learner_id, status, waitlist_position, enrolled_by)
             SELECT $1, l, CASE WHEN ord <= $3 THEN 'enrolled' ELSE 'waitlisted' END,
                    CASE WHEN ord <= $3 THEN NULL ELSE $4 + ord - $3 END, $5
               FROM unnest($2::uuid[]) WITH ORDINALITY AS x(l, ord)`,
            [classId, toEnrol, enrolled, k.waitlist_count, caller.id],
          );
          await tx.query(`UPDATE classes SET enrolled_count = enrolled_count + $2, waitlist_count = waitlist_count + $3, updated_at = now() WHERE id = $1`, [classId, enrolled, waitlisted]);
        }
      }
      const result: ImportResult = {
        id,
        total: parsed.total,
        created: inserted.length,
        existing: known.filter((k) => k.usable).length,
        enrolled,
        waitlisted,
        alreadyEnrolled,
        header: parsed.header,
        rejected: rejected.sort((a, b) => a.line - b.line),
      };
      await this.audit.record(
        { actor: caller, action: 'learners.import', entityType: 'import', entityId: id, orgId, requestId, details: { total: result.total, created: result.created, rejected: result.rejected.length, classId: classId ?? null } },
        tx,
      );
      return result;
    });
  }

  async status(caller: AuthUser, id: string) {
    const rows = await this.db.query(
      `SELECT j.id, j.status, j.total_rows AS "totalRows", j.processed_rows AS "processedRows", j.result, j.created_by, o.path
         FROM import_jobs j JOIN organizations o ON o.id = j.org_id WHERE j.id = $1`,
      [id],
    );
    const job = rows[0];
    if (!job || !(job.created_by === caller.id || this.scope.pathInScope(caller, job.path))) throw notFound('Import');
    const { created_by: _c, path: _p, ...rest } = job;
    return rest;
  }
}
