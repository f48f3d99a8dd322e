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
});
