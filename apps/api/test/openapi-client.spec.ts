import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CLIENT_ROUTES } from '@hearth/contracts';
import { createTestApp, type TestApp } from './harness.js';

/** The web's typed client and the API's OpenAPI spec must name the same routes. */
describe('typed client against the OpenAPI spec', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every route the client calls is in the spec', async () => {
    const spec = (await t.http().get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(CLIENT_ROUTES.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('every operation documents its success answer (a schema, a file type, or 204) and the error body', async () => {
    type Response = { content?: Record<string, { schema?: unknown }> };
    const spec = (await t.http().get('/api/docs-json')).body as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, Response> }>> };
    expect(spec.openapi).toBe('3.1.0');
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        const described = success.length > 0 && success.every(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((m) => m.schema));
        if (!described || !op.responses.default) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
    expect(Object.values(spec.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)).toBeGreaterThanOrEqual(69);
  });
});
