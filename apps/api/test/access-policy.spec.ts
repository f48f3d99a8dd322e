import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ROLES } from '@hearth/contracts';
import { AccessPolicy, Scope, type Caller } from '../src/access/access-policy.js';
import type { Facts } from '../src/access/define.js';
import { GRANTS, RECORD_KINDS, type Action } from '../src/access/rules/index.js';
import { createTestApp, type TestApp } from './harness.js';

/** The policy's two forms, the check on a record in memory and the SQL filter on a list, must agree on every grant. */
describe('access policy', () => {
  let t: TestApp;
  let policy: AccessPolicy;
  beforeAll(async () => {
    t = await createTestApp();
    policy = t.app.get(AccessPolicy);
  });
  afterAll(() => t.close());

  const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
  const paths = ['/a/', '/a/b/', '/a/b/c/', '/a/d/', '/e/'];
  const id = fc.constantFrom(...ids);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const caller: fc.Arbitrary<Caller> = fc.record({ id, role: fc.constantFrom(...ROLES), orgPath: maybe(fc.constantFrom(...paths)), employerId: maybe(id) });
  const facts: fc.Arbitrary<Facts> = fc.record({
    orgPath: maybe(fc.constantFrom(...paths)),
    subjectId: maybe(id),
    employerId: maybe(id),
    instructorId: maybe(id),
    createdBy: maybe(id),
    published: maybe(fc.boolean()),
  });
  const columns = {
    orgPath: 'r.org_path',
    subjectId: 'r.subject_id',
    employerId: 'r.employer_id',
    instructorId: 'r.instructor_id',
    createdBy: 'r.created_by',
    published: 'r.published',
  };

  it('every action names a known record kind', () => {
    const kinds = new Set(Object.keys(RECORD_KINDS));
    expect(Object.keys(GRANTS).filter((a) => !kinds.has(a.split('.')[0]))).toEqual([]);
  });

  it('can() and the SQL scope agree for every action, caller and record', async () => {
    const actions = Object.keys(GRANTS) as Action[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), caller, facts, async (action, who, f) => {
        const params: unknown[] = [];
        const clause = new Scope(who, action).where(columns, params);
        const row = `SELECT $${params.push(f.orgPath)}::text AS org_path, $${params.push(f.subjectId)}::uuid AS subject_id, $${params.push(f.employerId)}::uuid AS employer_id,
                            $${params.push(f.instructorId)}::uuid AS instructor_id, $${params.push(f.createdBy)}::uuid AS created_by, $${params.push(f.published)}::boolean AS published`;
        const [{ ok }] = await t.db.query(`SELECT coalesce(${clause}, false) AS ok FROM (${row}) r`, params);
        expect(ok).toBe(policy.can(who, action, f));
      }),
      { numRuns: 300 },
    );
  });

  it('a record outside her reach is not found; one she may read but not change is forbidden', () => {
    const coordinator: Caller = { id: ids[0], role: 'coordinator', orgPath: '/a/b/', employerId: null };
    expect(() => policy.assert(coordinator, 'org.manage', { orgPath: '/a/d/' })).toThrow(expect.objectContaining({ status: 404 }) as never);
    const instructor: Caller = { id: ids[1], role: 'instructor', orgPath: '/a/b/', employerId: null };
    expect(() => policy.assert(instructor, 'org.manage', { orgPath: '/a/b/c/' })).toThrow(expect.objectContaining({ status: 403 }) as never);
    expect(() => policy.assert(coordinator, 'org.manage', { orgPath: '/a/b/c/' })).not.toThrow();
  });
});
