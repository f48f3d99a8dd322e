import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { queryRows } from '../common/sql.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { ScopeService } from '../access/scope.service.js';
import { AuditService } from '../audit/audit.service.js';
import { EnrollmentsService } from '../enrollments/enrollments.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CLASS_SELECT, EFFECTIVE_STATUS, type ClassRow } from './class-queries.js';
import type { CreateClassDto, ListClassesQuery, UpdateClassDto } from '@hearth/contracts/inputs';

const STAFF = new Set(['admin', 'coordinator', 'instructor']);
/** Class dates are calendar dates in China. */
const chinaDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

@Injectable()
export class ClassesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
    private readonly enrollments: EnrollmentsService,
    private readonly notifications: NotificationsService,
  ) {}

  toDto(row: ClassRow, lang: Locale) {
    const { orgPath: _orgPath, titleZh, titleEn, ...rest } = row;
    return { ...rest, title: pick(lang, titleZh, titleEn), titleZh, titleEn, seatsLeft: Math.max(0, row.capacity - row.enrolledCount) };
  }

  async create(caller: AuthUser, input: CreateClassDto, requestId: string, lang: Locale) {
    const problems: string[] = [];
    if (input.endsOn < input.startsOn) problems.push('endsOn must not be before startsOn');
    input.sessions.forEach((s, i) => {
      if (new Date(s.endsAt) <= new Date(s.startsAt)) problems.push(`sessions[${i}].endsAt must be after its startsAt`);
      const day = chinaDate(s.startsAt);
      if (day < input.startsOn || day > input.endsOn || chinaDate(s.endsAt) > input.endsOn) problems.push(`sessions[${i}] must fall between startsOn and endsOn`);
    });
    if (problems.length > 0) throw badRequest(problems);
    const org = await this.scope.requireOrg(caller, input.orgId);
    if (org.kind !== 'club' && org.kind !== 'station') throw new AppError(422, 'VALIDATION_FAILED', 'orgId must be a club or a station: classes are held there');
    const course = await this.db.query(`SELECT id FROM courses WHERE id = $1`, [input.courseId]);
    if (course.length === 0) throw new AppError(422, 'VALIDATION_FAILED', 'courseId does not name a course in the catalogue');
    await this.requireInstructor(caller, input.instructorId, org.path);
    const id = await this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO classes (course_id, org_id, instructor_id, starts_on, ends_on, capacity, location, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [input.courseId, org.id, input.instructorId, input.startsOn, input.endsOn, input.capacity, input.location ?? '', caller.id],
      );
      const classId: string = rows[0].id;
      if (input.sessions.length > 0) {
        await tx.query(
          `INSERT INTO class_sessions (class_id, starts_at, ends_at, location)
           SELECT $1, s, e, l FROM unnest($2::timestamptz[], $3::timestamptz[], $4::text[]) AS x(s, e, l)`,
          [classId, input.sessions.map((s) => s.startsAt), input.sessions.map((s) => s.endsAt), input.sessions.map((s) => s.location ?? input.location ?? '')],
        );
      }
      await this.audit.record({ actor: caller, action: 'class.create', entityType: 'class', entityId: classId, orgId: org.id, requestId }, tx);
      return classId;
    });
    return this.get(caller, id, lang);
  }

  /** The instructor must be an active instructor on the same branch of the tree as the class. */
  private async requireInstructor(caller: AuthUser, instructorId: string, classOrgPath: string, manager: EntityManager = this.db.manager) {
    const rows: { path: string }[] = await manager.query(
      `SELECT o.path FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND u.role = 'instructor' AND u.status = 'active'`,
      [instructorId],
    );
    const path = rows[0]?.path;
    if (!path || !this.scope.pathInScope(caller, path) || !(classOrgPath.startsWith(path) || path.startsWith(classOrgPath))) {
      throw new AppError(422, 'VALIDATION_FAILED', 'instructorId must be an instructor of this club or station');
    }
  }

  async list(caller: AuthUser, query: ListClassesQuery, lang: Locale) {
    const params: unknown[] = [];
    const where: string[] = [];
    if (STAFF.has(caller.role)) {
      params.push(this.scope.subtreePattern(caller));
      where.push(`o.path LIKE $${params.length}`);
    } else {
      // Learners (and employers) see published classes anywhere; self-enrollment is not limited to her org.
      where.push('c.published');
    }
    if (query.courseId) { params.push(query.courseId); where.push(`k.course_id = $${params.length}`); }
    if (query.orgId) {
      const org = STAFF.has(caller.role) ? await this.scope.requireOrg(caller, query.orgId) : await this.scope.findOrg(query.orgId);
      if (!org) throw notFound('Organization');
      params.push(`${org.path}%`);
      where.push(`o.path LIKE $${params.length}`);
    }
    if (query.open === true) where.push(`(${EFFECTIVE_STATUS}) IN ('scheduled','running')`);
    if (query.open === false) where.push(`(${EFFECTIVE_STATUS}) IN ('finished','cancelled')`);
    const { limit, offset } = pageOf(query);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, count] = await Promise.all([
      this.db.query(`${CLASS_SELECT} ${whereSql} ORDER BY k.starts_on, k.id LIMIT ${limit} OFFSET ${offset}`, params) as Promise<ClassRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM classes k JOIN courses c ON c.id = k.course_id JOIN organizations o ON o.id = k.org_id ${whereSql}`, params),
    ]);
    let items = rows.map((r) => this.toDto(r, lang));
    if (caller.role === 'learner' && caller.orgPath) {
      // Nearest first: classes sharing more of her branch of the tree (same station, club, county…).
      const mine = caller.orgPath.split('/');
      const nearness = (path: string) => {
        const parts = path.split('/');
        const firstDifference = parts.findIndex((part, i) => part !== mine[i]);
        return firstDifference === -1 ? parts.length : firstDifference;
      };
      const paths = new Map(rows.map((r) => [r.id, r.orgPath]));
      items = items.map((item, i) => ({ item, i })).sort((a, b) => nearness(paths.get(b.item.id)!) - nearness(paths.get(a.item.id)!) || a.i - b.i).map((x) => x.item);
    }
    return { items, total: count[0].total };
  }

  async findRow(id: string, manager?: EntityManager): Promise<ClassRow | null> {
    const rows: ClassRow[] = await (manager ?? this.db.manager).query(`${CLASS_SELECT} WHERE k.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Staff see classes of their subtree; learners and employers see published classes. */
  async get(caller: AuthUser, id: string, lang: Locale) {
    const row = await this.findRow(id);
    if (!row || (STAFF.has(caller.role) && !this.scope.pathInScope(caller, row.orgPath))) throw notFound('Class');
    return this.toDto(row, lang);
  }

  async update(caller: AuthUser, id: string, input: UpdateClassDto, requestId: string, lang: Locale) {
    await this.db.transaction(async (tx) => {
      const rows: { capacity: number; enrolled_count: number; path: string; org_id: string; instructor_id: string | null }[] = await tx.query(
        `SELECT k.capacity, k.enrolled_count, o.path, k.org_id, k.instructor_id FROM classes k JOIN organizations o ON o.id = k.org_id WHERE k.id = $1 FOR UPDATE OF k`,
        [id],
      );
      const current = rows[0];
      if (!current || !this.scope.pathInScope(caller, current.path)) throw notFound('Class');
      if (input.capacity !== undefined && input.capacity < current.enrolled_count) {
        throw new AppError(422, 'CAPACITY_BELOW_ENROLLED', `capacity cannot go below the ${current.enrolled_count} learners already enrolled; withdraw some first`, { enrolledCount: current.enrolled_count });
      }
      if (input.instructorId) await this.requireInstructor(caller, input.instructorId, current.path, tx);
      const set: [string, unknown][] = ([['status', input.status], ['capacity', input.capacity], ['location', input.location], ['instructor_id', input.instructorId]] as [string, unknown][]).filter(([, v]) => v !== undefined);
      if (set.length > 0) {
        await queryRows(tx, `UPDATE classes SET ${set.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...set.map(([, v]) => v)]);
      }
      if (input.capacity !== undefined && input.capacity > current.capacity) await this.enrollments.promoteWaitlisted(tx, id);
      if (input.instructorId && input.instructorId !== current.instructor_id) {
        // Both instructors learn that the class's sessions changed hands.
        for (const userId of [input.instructorId, current.instructor_id].filter((x): x is string => !!x)) {
          await this.notifications.queue(tx, userId, 'session.changed', { classId: id, change: 'instructor', instructorId: input.instructorId });
        }
      }
      await this.audit.record(
        { actor: caller, action: 'class.update', entityType: 'class', entityId: id, orgId: current.org_id, requestId, details: { fields: Object.keys(input), ...input } },
        tx,
      );
    });
    return this.get(caller, id, lang);
  }
}
