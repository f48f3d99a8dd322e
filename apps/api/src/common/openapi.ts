import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Type, type TSchema } from 'typebox';
import { ERROR_CODES } from '@hearth/contracts';

/**
 * Response shapes are written once as TypeBox schemas (plain JSON Schema at runtime) next to each
 * module's controller, published in the OpenAPI document, and checked against every response the
 * integration tests see (apps/api/test/conformance.ts). Objects are closed there: a field that is
 * not in the schema is a failure, so a response cannot grow a field nobody meant to publish.
 */

type SchemaObject = Record<string, unknown>;

/** `T | null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Uuid = (options: SchemaObject = {}) => Type.String({ format: 'uuid', ...options });
/** ISO 8601 with offset, as every time in the API. */
export const DateTime = (options: SchemaObject = {}) => Type.String({ format: 'date-time', ...options });
/** A calendar day, YYYY-MM-DD. */
export const DateOnly = (options: SchemaObject = {}) => Type.String({ format: 'date', ...options });
/** One of a fixed list of strings (as `enum`, which reads better in the docs than a union of consts). */
export const OneOf = <T extends readonly string[]>(values: T, options: SchemaObject = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
/** A count or total: a JSON number, never a string. */
export const Count = (options: SchemaObject = {}) => Type.Integer({ minimum: 0, ...options });
/** `{ items, total }`, the shape of every list. */
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Count() });

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    error: Type.String(),
    message: Type.Union([Type.String(), Type.Array(Type.String())]),
    code: OneOf(ERROR_CODES),
    messages: Type.Optional(Type.Array(Type.String(), { description: 'VALIDATION_FAILED: every problem as a sentence' })),
    fields: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String({ description: 'Path of the field in the request, e.g. sessions.1.endsAt' }),
          rule: Type.String({ description: 'The rule that failed, e.g. isIso8601, maxLength; unknownField for a field the input does not accept' }),
          message: Type.String(),
        }),
        {
          description:
            "VALIDATION_FAILED from the request's validation: every problem on its field (absent for rules checked later, e.g. wageMax below wageMin)",
        },
      ),
    ),
  },
  // Some refusals carry their evidence, e.g. REQUIREMENTS_NOT_MET lists `missing`, 429 carries `retryAfterSeconds`.
  { additionalProperties: true, description: 'Every 4xx and 5xx answer' },
);

/** Documents a JSON success response. */
export function Responds(status: number, schema: TSchema, description = '') {
  return ApiResponse({ status, description: description || statusText(status), schema: schema as SchemaObject });
}

/** Documents a success response that is not JSON (a PDF, a CSV). */
export function RespondsWithFile(status: number, mime: string, description: string) {
  return applyDecorators(ApiProduces(mime), ApiResponse({ status, description, content: { [mime]: { schema: { type: 'string', format: 'binary' } } } }));
}

/** Documents an empty success response (204). */
export function RespondsEmpty(description = 'No Content') {
  return ApiResponse({ status: 204, description });
}

function statusText(status: number) {
  return ({ 200: 'OK', 201: 'Created', 202: 'Accepted' } as Record<number, string>)[status] ?? String(status);
}

/** OpenAPI 3.1 (JSON Schema 2020-12, so `null` is a type) and the error body as every operation's default answer. */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  document.openapi = '3.1.0';
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ErrorBody as unknown as SchemaObject } };
  const error = {
    description: 'An error: 4xx for a request to change, 5xx when the service is unavailable',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  };
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = operations[method];
      if (!operation) continue;
      // Nest adds a bare "200"/"201" when a route declares nothing; keep only what was declared with content.
      for (const [status, response] of Object.entries(operation.responses ?? {}) as [string, { content?: unknown; description?: string }][]) {
        if (status !== '204' && !response.content && response.description === '') delete operation.responses[status];
      }
      operation.responses = { ...operation.responses, default: error };
    }
  }
  return document;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * Compile-time proof that a published schema and the web's type in @hearth/contracts describe the
 * same object: `sameShape<Static<typeof User>, UserDto>(true)` stops compiling when they drift.
 */
export const sameShape = <A, B>(proof: Same<A, B>) => proof;
