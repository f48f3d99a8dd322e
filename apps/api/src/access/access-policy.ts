import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@hearth/contracts';
import { forbidden, notFound } from '../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { FactColumns, Facts, Grant, Relation } from './define.js';
import { GRANTS, RECORD_KINDS, type Action, type RecordKindName } from './rules/index.js';

/** Who is asking, as far as access is concerned. */
export type Caller = Pick<AuthUser, 'id' | 'role' | 'orgPath' | 'employerId'>;

const relationsOf = (grant: Grant, role: Role): readonly Relation[] => {
  const r = grant[role];
  return r === undefined ? [] : typeof r === 'string' ? [r] : r;
};

const kindOf = (action: Action) => action.slice(0, action.indexOf('.')) as RecordKindName;

function holds(caller: Caller, relation: Relation, facts: Facts): boolean {
  switch (relation) {
    case 'subtree':
      return !!caller.orgPath && !!facts.orgPath && facts.orgPath.startsWith(caller.orgPath);
    case 'self':
      return !!facts.subjectId && facts.subjectId === caller.id;
    case 'employer':
      return !!caller.employerId && facts.employerId === caller.employerId;
    case 'teaches':
      return !!facts.instructorId && facts.instructorId === caller.id;
    case 'creator':
      return !!facts.createdBy && facts.createdBy === caller.id;
    case 'published':
      return facts.published === true;
    case 'always':
      return true;
  }
}

/** A relation as SQL over the query's columns; pushes its parameter, if any, onto `params`. */
function holdsSql(caller: Caller, relation: Relation, columns: FactColumns, params: unknown[]): string {
  const column = (fact: keyof Facts) => {
    const c = columns[fact];
    if (!c) throw new Error(`The query gives no column for "${fact}", which the "${relation}" relation needs`);
    return c;
  };
  const param = (value: unknown) => `$${params.push(value)}`;
  switch (relation) {
    case 'subtree':
      return caller.orgPath ? `${column('orgPath')} LIKE ${param(`${caller.orgPath}%`)}` : 'false';
    case 'self':
      return `${column('subjectId')} = ${param(caller.id)}`;
    case 'employer':
      return caller.employerId ? `${column('employerId')} = ${param(caller.employerId)}` : 'false';
    case 'teaches':
      return `${column('instructorId')} = ${param(caller.id)}`;
    case 'creator':
      return `${column('createdBy')} = ${param(caller.id)}`;
    case 'published':
      return `(${column('published')})`;
    case 'always':
      return 'true';
  }
}

/** A caller's permission for one action, ready to be rendered into a repository's SQL. */
export class Scope {
  constructor(
    readonly caller: Caller,
    readonly action: Action,
  ) {}

  /** Whether the caller may act at all (on some record); false means every list is empty for her. */
  get any(): boolean {
    return relationsOf(GRANTS[this.action], this.caller.role).length > 0;
  }

  /** The relations she holds on some records, e.g. to choose which columns a list shows. */
  get relations(): readonly Relation[] {
    return relationsOf(GRANTS[this.action], this.caller.role);
  }

  /** `(... OR ...)`: true for exactly the rows `AccessPolicy.can` would allow. */
  where(columns: FactColumns, params: unknown[]): string {
    const parts = this.relations.map((r) => holdsSql(this.caller, r, columns, params));
    return parts.length === 0 ? 'false' : `(${parts.join(' OR ')})`;
  }
}

/**
 * Access to records, in one place. Routes say which roles may call them (AccessGuard); this says
 * which records each caller may act on, for every action of every record kind (rules/*.ts). A record
 * outside her reach is reported as not found, never as forbidden, so its existence does not leak; one
 * she may read but not act on is forbidden.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  can(caller: Caller, action: Action, facts: Facts): boolean {
    return relationsOf(GRANTS[action], caller.role).some((r) => holds(caller, r, facts));
  }

  /** Whether the role may do this at all, to some record (e.g. to show or hide a whole part of an answer). */
  roleMay(role: Role, action: Action): boolean {
    return relationsOf(GRANTS[action], role).length > 0;
  }

  /** Throws 404 (or 403 when she may read the record) unless the caller may act on a record with these facts. */
  assert(caller: Caller, action: Action, facts: Facts | null | undefined): void {
    if (facts && this.can(caller, action, facts)) return;
    const kind = kindOf(action);
    const read = `${kind}.read` as Action;
    if (facts && read !== action && read in GRANTS && this.can(caller, read, facts)) throw forbidden();
    throw notFound(RECORD_KINDS[kind]?.label);
  }

  /** Loads the record's facts by id and asserts the action on them; returns the facts. */
  async require(caller: Caller, action: Action, id: string, manager?: EntityManager): Promise<Facts> {
    const kind = RECORD_KINDS[kindOf(action)];
    if (!kind) throw new Error(`No record kind for ${action}`);
    const rows: Facts[] = await (manager ?? this.db.manager).query(kind.facts, [id]);
    this.assert(caller, action, rows[0]);
    return rows[0];
  }

  scope(caller: Caller, action: Action): Scope {
    return new Scope(caller, action);
  }
}
