import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@hearth/contracts';
import { AppError, badRequest, notFound } from '../common/app-error.js';
import { pick } from '../common/lang.js';
import { pageOf } from '@hearth/contracts/inputs';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessPolicy } from '../access/access-policy.js';
import { AuditService } from '../audit/audit.service.js';
import { EnrollmentsService } from '../enrollments/enrollments.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClassesRepository, type ClassRow } from './classes.repository.js';
import type { CreateClassDto, ListClassesQuery, UpdateClassDto } from '@hearth/contracts/inputs';

/** Class dates are calendar dates in China. */
const chinaDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

@Injectable()
export class ClassesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly classes: ClassesRepository,
    private readonly policy: AccessPolicy,
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
      if (day < input.startsOn || day > input.endsOn || chinaDate(s.endsAt) > input.endsOn)
        problems.push(`sessions[${i}] must fall between startsOn and endsOn`);
    });
    if (problems.length > 0) throw badRequest(problems);
    const org = await this.classes.findOrg(input.orgId);
    if (!org || !this.policy.can(caller, 'class.create', { orgPath: org.path })) throw notFound('Organization');
    if (org.kind !== 'club' && org.kind !== 'station')
      throw new AppError(422, 'VALIDATION_FAILED', 'orgId must be a club or a station: classes are held there');
    if (!(await this.classes.courseExists(input.courseId))) throw new AppError(422, 'VALIDATION_FAILED', 'courseId does not name a course in the catalogue');
    await this.requireInstructor(caller, input.instructorId, org.path);
    const id = await this.db.transaction(async (tx) => {
      const classId = await this.classes.insert(
        {
          courseId: input.courseId,
          orgId: org.id,
          instructorId: input.instructorId,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          capacity: input.capacity,
          location: input.location ?? '',
          createdBy: caller.id,
          sessions: input.sessions.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, location: s.location ?? input.location ?? '' })),
        },
        tx,
      );
      await this.audit.record({ actor: caller, action: 'class.create', entityType: 'class', entityId: classId, orgId: org.id, requestId }, tx);
      return classId;
    });
    return this.get(caller, id, lang);
  }

  /** The instructor must be an active instructor on the same branch of the tree as the class. */
  private async requireInstructor(caller: AuthUser, instructorId: string, classOrgPath: string, manager?: EntityManager) {
    const path = await this.classes.instructorOrgPath(instructorId, manager);
    if (
      !path ||
      !this.policy.can(caller, 'class.assign-instructor', { orgPath: path, instructorId }) ||
      !(classOrgPath.startsWith(path) || path.startsWith(classOrgPath))
    ) {
      throw new AppError(422, 'VALIDATION_FAILED', 'instructorId must be an instructor of this club or station');
    }
  }

  async list(caller: AuthUser, query: ListClassesQuery, lang: Locale) {
    let orgPath: string | undefined;
    if (query.orgId) {
      const org = await this.classes.findOrg(query.orgId);
      if (!org || !this.policy.can(caller, 'class.list-in-org', { orgPath: org.path })) throw notFound('Organization');
      orgPath = org.path;
    }
    const { rows, total } = await this.classes.list(
      this.policy.scope(caller, 'class.list'),
      { courseId: query.courseId, orgPath, open: query.open },
      pageOf(query),
    );
    let items = rows.map((r) => this.toDto(r, lang));
    if (caller.orgPath && this.policy.can(caller, 'class.list-nearest-first', {})) {
      // Nearest first: classes sharing more of her branch of the tree (same station, club, county…).
      const mine = caller.orgPath.split('/');
      const nearness = (path: string) => {
        const parts = path.split('/');
        const firstDifference = parts.findIndex((part, i) => part !== mine[i]);
        return firstDifference === -1 ? parts.length : firstDifference;
      };
      const paths = new Map(rows.map((r) => [r.id, r.orgPath]));
      items = items
        .map((item, i) => ({ item, i }))
        .sort((a, b) => nearness(paths.get(b.item.id)!) - nearness(paths.get(a.item.id)!) || a.i - b.i)
        .map((x) => x.item);
    }
    return { items, total };
  }

  /** Staff see classes of their subtree; learners and employers see any class. */
  async get(caller: AuthUser, id: string, lang: Locale) {
    const row = await this.classes.findRow(id);
    this.policy.assert(caller, 'class.read', row && { orgPath: row.orgPath, instructorId: row.instructorId });
    return this.toDto(row!, lang);
  }

  async update(caller: AuthUser, id: string, input: UpdateClassDto, requestId: string, lang: Locale) {
    await this.db.transaction(async (tx) => {
      const current = await this.classes.lockForUpdate(id, tx);
      if (!current || !this.policy.can(caller, 'class.manage', { orgPath: current.path, instructorId: current.instructor_id })) throw notFound('Class');
      if (input.capacity !== undefined && input.capacity < current.enrolled_count) {
        throw new AppError(
          422,
          'CAPACITY_BELOW_ENROLLED',
          `capacity cannot go below the ${current.enrolled_count} learners already enrolled; withdraw some first`,
          { enrolledCount: current.enrolled_count },
        );
      }
      if (input.instructorId) await this.requireInstructor(caller, input.instructorId, current.path, tx);
      await this.classes.update(id, { status: input.status, capacity: input.capacity, location: input.location, instructor_id: input.instructorId }, tx);
      if (input.capacity !== undefined && input.capacity > current.capacity) await this.enrollments.promoteWaitlisted(tx, id);
      if (input.instructorId && input.instructorId !== current.instructor_id) {
        // Both instructors learn that the class's sessions changed hands.
        for (const userId of [input.instructorId, current.instructor_id].filter((x): x is string => !!x)) {
          await this.notifications.queue(tx, userId, 'session.changed', { classId: id, change: 'instructor', instructorId: input.instructorId });
        }
      }
      await this.audit.record(
        {
          actor: caller,
          action: 'class.update',
          entityType: 'class',
          entityId: id,
          orgId: current.org_id,
          requestId,
          details: { fields: Object.keys(input), ...input },
        },
        tx,
      );
    });
    return this.get(caller, id, lang);
  }
}
