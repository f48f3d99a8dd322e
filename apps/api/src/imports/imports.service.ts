import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { toErrorBody } from '../common/http-exception.filter.js';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgsService } from '../orgs/orgs.service.js';
import { CsvFormatError, readLearnerCsv, type Rejected } from './csv-rows.js';
import type { ImportLearnersDto } from '@hearth/contracts/inputs';
import { ImportsRepository } from './imports.repository.js';

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
    private readonly imports: ImportsRepository,
    private readonly orgs: OrgsService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  async importLearners(caller: AuthUser, input: ImportLearnersDto, requestId: string): Promise<ImportResult> {
    const org = await this.orgs.require(caller, 'org.manage', input.orgId ?? caller.orgId!);
    if (input.classId) {
      const path = await this.imports.classPath(input.classId);
      if (!path || !this.policy.can(caller, 'import.create', { orgPath: path })) throw notFound('Class');
    }
    let parsed;
    try {
      parsed = readLearnerCsv(input.csv);
    } catch (error) {
      if (error instanceof CsvFormatError) throw badRequest(error.message);
      throw error;
    }
    const id = input.importId ?? randomUUID();
    if (!(await this.imports.start({ id, createdBy: caller.id, orgId: org.id, classId: input.classId ?? null, totalRows: parsed.total })))
      throw new AppError(409, 'CONFLICT', 'An import with this importId already ran');
    try {
      const result = await this.run(caller, id, org.id, input.classId, parsed, requestId);
      await this.imports.finish(id, result);
      return result;
    } catch (error) {
      // What the caller was told, not the raw error: a database message must not reach the client.
      const { body } = toErrorBody(error);
      await this.imports.fail(id, { error: body.message, code: body.code });
      throw error;
    }
  }

  private async run(
    caller: AuthUser,
    id: string,
    orgId: string,
    classId: string | undefined,
    parsed: ReturnType<typeof readLearnerCsv>,
    requestId: string,
  ): Promise<ImportResult> {
    const { rows } = parsed;
    const rejected = [...parsed.rejected];
    await this.imports.progress(id, Math.floor(parsed.total * 0.1));
    return this.db.transaction(async (tx) => {
      // Phones already registered: reuse learners of the caller's subtree, refuse anyone else's.
      const known = await this.imports.knownPhones(
        rows.map((r) => r.phone),
        this.policy.scope(caller, 'import.create'),
        tx,
      );
      const byPhone = new Map(known.map((k) => [k.phone, k]));
      const fresh = rows.filter((r) => !byPhone.has(r.phone));
      for (const r of rows) {
        const k = byPhone.get(r.phone);
        if (k && !k.usable)
          rejected.push({
            line: r.line,
            phone: r.phone,
            name: r.name,
            cells: r.cells,
            code: 'PHONE_OTHER_ACCOUNT',
            reason: 'this phone number belongs to an account outside your organisation; enrol her by hand',
          });
      }
      const inserted = await this.imports.insertLearners(fresh, orgId, tx);
      // No progress write here: it would need a second pool connection while this transaction holds one.
      const learnerIds = [...known.filter((k) => k.usable).map((k) => k.id), ...inserted];
      await this.imports.rememberLearners(id, learnerIds, tx);
      let enrolled = 0;
      let waitlisted = 0;
      let alreadyEnrolled = 0;
      if (classId && learnerIds.length > 0) {
        const k = await this.imports.lockClass(classId, tx);
        const skip = new Set(await this.imports.alreadyEnrolled(classId, learnerIds, tx));
        alreadyEnrolled = skip.size;
        const toEnrol = learnerIds.filter((l) => !skip.has(l));
        const seats = Math.max(0, k.capacity - k.enrolled_count);
        enrolled = Math.min(seats, toEnrol.length);
        waitlisted = toEnrol.length - enrolled;
        if (toEnrol.length > 0)
          await this.imports.enrol({ classId, learnerIds: toEnrol, enrolled, waitlistCount: k.waitlist_count, enrolledBy: caller.id }, tx);
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
        {
          actor: caller,
          action: 'learners.import',
          entityType: 'import',
          entityId: id,
          orgId,
          requestId,
          details: { total: result.total, created: result.created, rejected: result.rejected.length, classId: classId ?? null },
        },
        tx,
      );
      return result;
    });
  }

  async status(caller: AuthUser, id: string) {
    const job = await this.imports.find(id);
    this.policy.assert(caller, 'import.read', job && { orgPath: job.path, createdBy: job.createdBy });
    const { createdBy: _c, path: _p, learnerIds: _l, ...rest } = job!;
    return rest;
  }
}
