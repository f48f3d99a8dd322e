import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Checks responses against the API's own OpenAPI document: the status is documented for the
 * operation (or is an error, answered with the ErrorBody), the content type is the documented one,
 * and a JSON body validates against the documented schema with every object closed, so a field
 * the schema does not name (a hash, a token, someone else's phone) is a violation.
 */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}
export interface ObservedResponse {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  text: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export class ResponseConformance {
  readonly violations: string[] = [];
  checked = 0;
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp; operation: Operation }[] = [];

  constructor(spec: Spec) {
    const closed = closeObjects(spec) as Spec;
    this.ajv.addSchema({ $id: 'spec', components: closed.components ?? {} });
    for (const [template, operations] of Object.entries(closed.paths)) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(operations)) this.routes.push({ method: method.toUpperCase(), template, pattern, operation });
    }
    // Literal segments win over parameters (/api/me/enrollments before /api/me/{id}).
    this.routes.sort((a, b) => paramCount(a.template) - paramCount(b.template));
  }

  check(r: ObservedResponse): void {
    const path = r.path.split('?')[0]!;
    if (path.startsWith('/api/docs')) return; // the document itself and its UI
    this.checked += 1;
    const route = this.routes.find((x) => x.method === r.method && x.pattern.test(path));
    const where = `${r.method} ${path} → ${r.status}`;
    if (!route) {
      if (r.status >= 400) this.validate('ErrorBody', { $ref: 'spec#/components/schemas/ErrorBody' }, r, where);
      else this.violations.push(`${where}: no such operation in the OpenAPI document`);
      return;
    }
    const documented = route.operation.responses[String(r.status)];
    const response = documented ?? (r.status >= 400 ? route.operation.responses.default : undefined);
    if (!response) {
      this.violations.push(
        `${where}: status not documented for ${r.method} ${route.template} (documented: ${Object.keys(route.operation.responses).join(', ')})`,
      );
      return;
    }
    if (r.status === 204 || !response.content) {
      if (r.text && r.text.length > 0) this.violations.push(`${where}: documented without a body, but one was sent`);
      return;
    }
    const mime = r.contentType.split(';')[0]!.trim();
    const media = response.content[mime];
    if (!media) {
      this.violations.push(`${where}: content type ${mime || '(none)'} is not documented (documented: ${Object.keys(response.content).join(', ')})`);
      return;
    }
    if (mime !== 'application/json' || !media.schema) return;
    const key = `${route.method} ${route.template} ${documented ? r.status : 'default'}`;
    this.validate(key, media.schema, r, where);
  }

  private validate(key: string, schema: unknown, r: ObservedResponse, where: string) {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema) as object);
      this.validators.set(key, validate);
    }
    if (!validate(r.body)) {
      const problems = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
      this.violations.push(`${where}: body breaks the schema: ${problems.join('; ')}`);
    }
  }
}

function paramCount(template: string) {
  return (template.match(/\{/g) ?? []).length;
}

/** Objects that list their properties and say nothing about others are treated as closed. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closeObjects(s)])) : closeObjects(v);
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

/** Local component references point into the registered spec. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `spec${v}` : rebase(v);
  return out;
}
