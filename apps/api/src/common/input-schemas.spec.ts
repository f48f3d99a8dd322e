import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import * as inputs from '@hearth/contracts/inputs';
import { CreateClassDto, CreateUserDto, SessionInput, UpdateCourseDto } from '@hearth/contracts/inputs';
import { inputSchema, type JsonSchema } from './input-schemas.js';

type Input = new () => object;
const classes = Object.entries(inputs).filter(
  (entry): entry is [string, Input] => typeof entry[1] === 'function' && Object.keys(inputSchema(entry[1] as Input).properties).length > 0,
);

async function problemsOf(input: Input, plain: Record<string, unknown>): Promise<Set<string>> {
  const errors = await validate(plainToInstance(input, plain) as object);
  return new Set(errors.map((e) => e.property));
}

/** Values the schema keyword says are wrong for this field. */
function wrongValues(schema: JsonSchema): [string, unknown][] {
  const wrong: [string, unknown][] = [];
  if (schema.maxLength !== undefined) wrong.push(['maxLength', 'x'.repeat(schema.maxLength + 1)]);
  if (schema.minLength) wrong.push(['minLength', '']);
  if (schema.enum) wrong.push(['enum', '__none_of_them__']);
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const value = ['', ' ', '\u0001', '!!', 'abc'].find((v) => !pattern.test(v));
    if (value !== undefined) wrong.push(['pattern', value]);
  }
  if (schema.format === 'uuid') wrong.push(['format', 'not-a-uuid']);
  if (schema.format === 'date-time') wrong.push(['format', '2026-13-45T99:00']);
  if (schema.format === 'date') wrong.push(['format', '2026-02-30']);
  if (schema.minimum !== undefined) wrong.push(['minimum', schema.minimum - 1]);
  if (schema.maximum !== undefined) wrong.push(['maximum', schema.maximum + 1]);
  if (schema.type === 'integer') wrong.push(['type', 1.5]);
  if (schema.type === 'number' || schema.type === 'integer') wrong.push(['type', 'seven']);
  if (schema.type === 'boolean') wrong.push(['type', 'maybe']);
  if (schema.type === 'string') wrong.push(['type', 42]);
  if (schema.type === 'array') wrong.push(['type', 42]);
  if (schema.maxItems !== undefined) wrong.push(['maxItems', Array.from({ length: schema.maxItems + 1 }, () => 'x')]);
  if (schema.minItems) wrong.push(['minItems', []]);
  if (schema.items?.enum) wrong.push(['items.enum', ['__none_of_them__']]);
  if (schema.items?.format === 'uuid') wrong.push(['items.format', ['not-a-uuid']]);
  if (schema.items?.maxLength !== undefined) wrong.push(['items.maxLength', ['x'.repeat(schema.items.maxLength + 1)]]);
  return wrong;
}

describe('OpenAPI request schemas derived from the input classes', () => {
  it('say what CreateClassDto requires', () => {
    const schema = inputSchema(CreateClassDto);
    expect(schema.required.sort()).toEqual(['capacity', 'courseId', 'endsOn', 'instructorId', 'orgId', 'sessions', 'startsOn']);
    expect(schema.properties.capacity).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000 });
    expect(schema.properties.startsOn).toMatchObject({ type: 'string', format: 'date', example: '2026-12-01' });
    expect(schema.properties.orgId).toEqual({ type: 'string', format: 'uuid' });
    expect(schema.properties.location).toEqual({ type: 'string', maxLength: 200 });
    expect(schema.properties.sessions).toMatchObject({ type: 'array', maxItems: 200, items: { input: SessionInput } });
    expect(inputSchema(SessionInput).properties.startsAt).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('keep optional what the rules let out (a partial update, a password the learner sets herself)', () => {
    expect(inputSchema(UpdateCourseDto).required).toEqual([]);
    expect(inputSchema(UpdateCourseDto).properties.passMark).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
    expect(inputSchema(CreateUserDto).required.sort()).toEqual(['name', 'orgId', 'phone', 'role']);
    expect(inputSchema(CreateUserDto).properties.role?.enum).toEqual(['admin', 'coordinator', 'instructor', 'learner', 'employer']);
  });

  it('cover every input class', () => {
    expect(classes.length).toBeGreaterThanOrEqual(40);
  });

  it.each(classes)('%s: every keyword of its schema is a rule the class enforces', async (_name, input) => {
    const { properties, required } = inputSchema(input);
    const missed: string[] = [];
    for (const [field, schema] of Object.entries(properties)) {
      const absent = (await problemsOf(input, {})).has(field);
      if (absent !== required.includes(field)) missed.push(`${field}: required in the schema is ${required.includes(field)}, the rules say ${absent}`);
      for (const [keyword, value] of wrongValues(schema)) {
        if (!(await problemsOf(input, { [field]: value })).has(field)) missed.push(`${field}: ${keyword} ${JSON.stringify(value).slice(0, 40)} passes`);
      }
    }
    expect(missed).toEqual([]);
  });
});
