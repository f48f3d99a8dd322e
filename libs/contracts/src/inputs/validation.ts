/**
 * House validation decorators, so input classes read like the API contract. These classes are the
 * one description of every request shape: the API validates with them, its OpenAPI request schemas
 * are derived from their class-validator metadata (apps/api/src/common/input-schemas.ts), and the
 * web's form actions validate with them too (apps/web/app/lib/form-input.server.ts).
 */
import { Transform, Type } from 'class-transformer';
import { getMetadataStorage, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateBy, ValidateNested } from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN, PHONE_PATTERN } from '../domain.js';

type PropertyDecorator = (target: object, propertyKey: string) => void;

/** Applies several property decorators as one. */
export function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };
}

/** What the rules cannot say about a field: a description and an example, for the published document. */
export interface InputDoc {
  description?: string;
  example?: unknown;
  default?: unknown;
  /** `true` when the field may be sent as `null` (class-validator lets null through optional fields). */
  nullable?: boolean;
  /** The class of each item of a nested list (set by NestedList). */
  items?: () => new () => object;
  /** The schema of a map's values, which class-validator cannot state (IsObject only checks it is an object); the service checks them. */
  values?: Record<string, unknown>;
}

const docs = new WeakMap<object, Map<string, InputDoc>>();

/** Documents a field; adds nothing to its rules. */
export function Doc(doc: InputDoc): PropertyDecorator {
  return (target, key) => {
    const own = docs.get(target) ?? new Map<string, InputDoc>();
    own.set(key, { ...own.get(key), ...doc });
    docs.set(target, own);
  };
}

/** The documentation of a field of an input class, looked up through its parents. */
export function inputDoc(input: new () => object, key: string): InputDoc {
  for (let proto = input.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const doc = docs.get(proto)?.get(key);
    if (doc) return doc;
  }
  return {};
}

/** A list of nested inputs, each validated by its own class. */
export function NestedList(item: () => new () => object): PropertyDecorator {
  return all(Doc({ items: item }), ValidateNested({ each: true }), Type(item));
}

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
/** Query strings carry text: "20" is read as the number 20, "" as not given. */
export const toNumber = Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)));
/** Query strings carry text: "true"/"false" are read as booleans. */
export const toBoolean = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export function IsPhone(field = 'phone') {
  const message = `${field} must be a mainland mobile number: 11 digits starting with 13-19`;
  return all(Doc({ example: '13800138000', description: 'Mainland mobile number' }), IsString({ message }), trim, Matches(PHONE_PATTERN, { message }));
}

export function IsPassword(field = 'password') {
  const message = `${field} must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`;
  return all(IsString({ message }), Length(PASSWORD_MIN, PASSWORD_MAX, { message }));
}

export function IsName(field = 'name', max = 100) {
  return all(
    IsString({ message: `${field} must be text` }),
    trim,
    Length(1, max, { message: `${field} must be 1 to ${max} characters` }),
    Matches(/^[^\u0000-\u001f\u007f]*$/, { message: `${field} must not contain control characters` }),
  );
}

export function IsOneOf(values: readonly string[], field: string, optional = false) {
  return all(...(optional ? [IsOptional()] : []), IsIn(values as string[], { message: `${field} must be one of: ${values.join(', ')}` }));
}

export function IsId(field: string, optional = false) {
  return all(...(optional ? [IsOptional()] : []), IsUUID('all', { message: `${field} must be an id (UUID)` }));
}

/** A real calendar day written YYYY-MM-DD (no week or ordinal dates, no times, no year 0000). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsCalendarDate(field: string, example: string, optional = false) {
  const message = `${field} must be a date written YYYY-MM-DD, e.g. ${example}`;
  return all(
    Doc({ example, description: 'A calendar date, YYYY-MM-DD' }),
    ...(optional ? [IsOptional()] : []),
    ValidateBy({ name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } }, { message }),
  );
}

/** This date is not after the one in `other` (checked only when both are calendar dates: a bad one has its own message). */
export function IsNotAfter(field: string, other: string) {
  return ValidateBy(
    {
      name: 'isNotAfter',
      constraints: [other],
      validator: {
        validate: (value: unknown, args) => {
          const bound = (args?.object as Record<string, unknown> | undefined)?.[other];
          return !isCalendarDate(value) || !isCalendarDate(bound) || value <= bound;
        },
      },
    },
    { message: `${field} must not be after ${other}` },
  );
}

/** limit/offset for every list; limit is capped at 100 (contract). */
export class PageQuery {
  @Doc({ default: 20 })
  @IsOptional()
  @toNumber
  @IsInt({ message: 'limit must be a whole number from 1 to 100' })
  @Min(1, { message: 'limit must be a whole number from 1 to 100' })
  @Max(100, { message: 'limit must be a whole number from 1 to 100' })
  limit?: number;

  @Doc({ default: 0 })
  @IsOptional()
  @toNumber
  @IsInt({ message: 'offset must be a whole number of 0 or more' })
  @Min(0, { message: 'offset must be a whole number of 0 or more' })
  @Max(10_000_000, { message: 'offset is too large' })
  offset?: number;
}

export const pageOf = (query: PageQuery) => ({ limit: query.limit ?? 20, offset: query.offset ?? 0 });

/**
 * Every field optional, the rules otherwise the same (an update of some fields of a create).
 * The subclass inherits the parent's rules; IsOptional on each field makes each one skippable.
 */
export function PartialInput<T extends object>(base: new () => T): new () => Partial<T> {
  class PartialOf extends (base as new () => object) {}
  const fields = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(base, '', true, false)
      .map((m) => m.propertyName),
  );
  for (const field of fields) IsOptional()(PartialOf.prototype, field);
  return PartialOf as unknown as new () => Partial<T>;
}
