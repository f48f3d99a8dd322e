import 'reflect-metadata';
import { Scope, type Caller } from '../access/access-policy.js';
import type { Action } from '../access/rules/index.js';

/**
 * Repositories hold a module's SQL: services call their methods and never write SQL themselves.
 * `@SqlRepository('referrals')` registers the class; `@SqlExample(...)` on a method gives the example
 * arguments the SQL snapshot test calls it with (apps/api/test/sql-snapshots.spec.ts), which writes
 * every statement a repository sends to apps/api/src/queries/<name>.sql for review, like a schema dump.
 */
export interface RegisteredRepository {
  name: string;
  type: abstract new (...args: never[]) => object;
  examples: { method: string; args: () => unknown[] }[];
}

export const SQL_REPOSITORIES: RegisteredRepository[] = [];
const EXAMPLES = Symbol('sql examples');

export function SqlRepository(name: string): ClassDecorator {
  return (target) => {
    const examples = (Reflect.getMetadata(EXAMPLES, target.prototype) as RegisteredRepository['examples'] | undefined) ?? [];
    SQL_REPOSITORIES.push({ name, type: target as unknown as RegisteredRepository['type'], examples });
  };
}

/** Example arguments, as a function so each run gets fresh values (e.g. a new Scope). */
export function SqlExample(args: () => unknown[]): MethodDecorator {
  return (target, method) => {
    const examples = (Reflect.getMetadata(EXAMPLES, target) as RegisteredRepository['examples'] | undefined) ?? [];
    Reflect.defineMetadata(EXAMPLES, [...examples, { method: String(method), args }], target);
  };
}

/** Fixed values for examples, so snapshots do not change from run to run. */
export const Example = {
  ID: '00000000-0000-4000-8000-000000000001',
  ID2: '00000000-0000-4000-8000-000000000002',
  PHONE: '13800000000',
  DATE: new Date('2026-01-01T00:00:00Z'),
  DAY: '2026-01-01',
  /** A caller of each role, in a two-level org tree, for scopes. */
  caller(role: Caller['role']): Caller {
    return { id: Example.ID, role, orgPath: `/${Example.ID}/${Example.ID2}/`, employerId: role === 'employer' ? Example.ID2 : null };
  },
  /** The scope of `action` for an example caller of `role`. */
  scope(role: Caller['role'], action: Action): Scope {
    return new Scope(Example.caller(role), action);
  },
};
