import { describe, expect, it } from '@jest/globals';
import { ResponseConformance } from './conformance.js';

/** The checker that every integration test's responses pass through must itself catch what it claims to. */
describe('response conformance checker', () => {
  const spec = {
    paths: {
      '/api/things/{id}': {
        get: {
          responses: {
            200: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['id', 'tags'],
                    properties: {
                      id: { type: 'string', format: 'uuid' },
                      tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
                    },
                  },
                },
              },
            },
            default: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
          },
        },
        delete: { responses: { 204: { description: 'gone' } } },
      },
      '/api/things/{id}/pdf': { get: { responses: { 200: { content: { 'application/pdf': { schema: { type: 'string' } } } } } } },
    },
    components: {
      schemas: {
        ErrorBody: {
          type: 'object',
          required: ['statusCode', 'code'],
          properties: { statusCode: { type: 'integer' }, code: { type: 'string' } },
          additionalProperties: true,
        },
      },
    },
  };
  const id = '0b9a3c1e-8f1e-4d35-9b7e-2f6d8a1c0e11';
  const json = (status: number, body: unknown, path = `/api/things/${id}`, method = 'GET') => ({
    method,
    path,
    status,
    contentType: 'application/json; charset=utf-8',
    body,
    text: JSON.stringify(body),
  });

  it('accepts what the document says', () => {
    const c = new ResponseConformance(spec);
    c.check(json(200, { id, tags: [{ name: 'a' }] }));
    c.check(json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no', extra: 1 }));
    c.check({ method: 'DELETE', path: `/api/things/${id}`, status: 204, contentType: '', body: {}, text: '' });
    c.check({ method: 'GET', path: `/api/things/${id}/pdf?x=1`, status: 200, contentType: 'application/pdf', body: {}, text: '' });
    expect(c.violations).toEqual([]);
    expect(c.checked).toBe(4);
  });

  it('refuses a field the schema does not name, even in a nested object', () => {
    const c = new ResponseConformance(spec);
    c.check(json(200, { id, tags: [], passwordHash: 'x' }));
    c.check(json(200, { id, tags: [{ name: 'a', phone: '13900000000' }] }));
    expect(c.violations).toHaveLength(2);
    expect(c.violations.join()).toMatch(/passwordHash/);
    expect(c.violations.join()).toMatch(/phone/);
  });

  it('refuses wrong types, missing fields, undocumented statuses and content types, and unknown routes', () => {
    const c = new ResponseConformance(spec);
    c.check(json(200, { id: 'not-a-uuid', tags: [] }));
    c.check(json(200, { id }));
    c.check(json(201, { id, tags: [] }));
    c.check({ method: 'GET', path: `/api/things/${id}/pdf`, status: 200, contentType: 'text/html', body: {}, text: '<p>' });
    c.check({ method: 'DELETE', path: `/api/things/${id}`, status: 204, contentType: 'application/json', body: { ok: true }, text: '{"ok":true}' });
    c.check(json(200, {}, '/api/nowhere'));
    c.check(json(404, { message: 'no' }, '/api/nowhere'));
    expect(c.violations).toHaveLength(7);
  });
});
