import { ApiProperty } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { inputDoc } from '@hearth/contracts/inputs';

/**
 * The OpenAPI request schemas are derived from the input classes' class-validator rules (the one
 * description of each request, in @hearth/contracts/inputs), so the document cannot say something
 * the validation does not do. Only what rules cannot express (a description, an example) comes from
 * the classes' @Doc.
 */

type Input = new () => object;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  /** The nested input class of a list's items (published as a $ref to its own schema). */
  input?: Input;
  description?: string;
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  additionalProperties?: Record<string, unknown>;
}
export interface InputSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: string[];
}

const max = (a: number | undefined, b: number) => (a === undefined ? b : Math.max(a, b));
const min = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

/** What one class-validator rule says about a value, in JSON Schema words. */
function apply(schema: JsonSchema, rule: ValidationMetadata): void {
  const [a, b] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isString':
      schema.type = 'string';
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'isNumber':
      schema.type ??= 'number';
      break;
    case 'isBoolean':
      schema.type = 'boolean';
      break;
    case 'isObject':
      schema.type = 'object';
      break;
    case 'isArray':
      schema.type = 'array';
      break;
    case 'isIn':
      schema.enum = [...(a as unknown[])];
      if ((a as unknown[]).every((v) => typeof v === 'string')) schema.type = 'string';
      break;
    case 'isUuid':
      schema.type = 'string';
      schema.format = 'uuid';
      break;
    case 'isIso8601':
      schema.type = 'string';
      schema.format = 'date-time';
      break;
    case 'isCalendarDate':
      schema.type = 'string';
      schema.format = 'date';
      break;
    case 'matches':
      schema.pattern = (a as RegExp).source;
      break;
    case 'isLength':
      schema.minLength = max(schema.minLength, a as number);
      if (b !== undefined) schema.maxLength = min(schema.maxLength, b as number);
      break;
    case 'minLength':
      schema.minLength = max(schema.minLength, a as number);
      break;
    case 'maxLength':
      schema.maxLength = min(schema.maxLength, a as number);
      break;
    case 'min':
      schema.minimum = max(schema.minimum, a as number);
      break;
    case 'max':
      schema.maximum = min(schema.maximum, a as number);
      break;
    case 'arrayMinSize':
      schema.type = 'array';
      schema.minItems = max(schema.minItems, a as number);
      break;
    case 'arrayNotEmpty':
      schema.type = 'array';
      schema.minItems = max(schema.minItems, 1);
      break;
    case 'arrayMaxSize':
      schema.type = 'array';
      schema.maxItems = min(schema.maxItems, a as number);
      break;
    // Rules between fields (isNotAfter) or that JSON Schema cannot say stay in the description of the error.
  }
}

const storage = () => getMetadataStorage();

/** The JSON Schema of an input class: every field it validates, with what its rules require. */
export function inputSchema(input: Input): InputSchema {
  const rules = storage().getTargetValidationMetadatas(input, '', true, false);
  const byField = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byField.set(rule.propertyName, [...(byField.get(rule.propertyName) ?? []), rule]);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [field, fieldRules] of byField) {
    const schema: JsonSchema = {};
    const items: JsonSchema = {};
    for (const rule of fieldRules) {
      if (rule.type === 'customValidation' || rule.name) apply(rule.each ? items : schema, rule);
    }
    const doc = inputDoc(input, field);
    if (doc.items) {
      schema.type = 'array';
      items.input = doc.items();
    }
    if (Object.keys(items).length > 0) {
      schema.type = 'array';
      schema.items = items;
    }
    if (doc.description) schema.description = doc.description;
    if (doc.example !== undefined) schema.example = doc.example;
    if (doc.default !== undefined) schema.default = doc.default;
    if (doc.nullable) schema.nullable = true;
    if (doc.values) schema.additionalProperties = doc.values;
    properties[field] = schema;
    // IsOptional and ValidateIf both make a field skippable.
    if (!fieldRules.some((rule) => rule.type === 'conditionalValidation')) required.push(field);
  }
  return { type: 'object', properties, required };
}

const documented = new WeakSet<Input>();

/** Publishes each input class's derived schema through @nestjs/swagger (for bodies and query parameters alike). */
export function documentInputs(inputs: Iterable<unknown>): void {
  for (const input of inputs) {
    if (typeof input !== 'function' || !isInput(input as Input) || documented.has(input as Input)) continue;
    documented.add(input as Input);
    const { properties, required } = inputSchema(input as Input);
    for (const [field, schema] of Object.entries(properties)) {
      ApiProperty({ ...toApiProperty(schema), required: required.includes(field) } as never)((input as Input).prototype, field);
    }
  }
}

const isInput = (input: Input) => storage().getTargetValidationMetadatas(input, '', true, false).length > 0;

function toApiProperty(schema: JsonSchema): Record<string, unknown> {
  const { items, input: _input, ...rest } = schema;
  if (schema.type !== 'array' || !items) return rest;
  if (items.input) return { ...rest, type: items.input, isArray: true };
  const { input: _nested, ...item } = items;
  return { ...rest, type: 'array', items: { type: 'string', ...item } };
}
