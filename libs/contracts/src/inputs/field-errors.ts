import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { FieldError } from '../errors.js';

/**
 * Every validation problem on its field ({ field: 'sessions.1.endsAt', rule: 'isIso8601', message }),
 * the message pointing at the exact item ("sessions[1].endsAt must be a date and time"). The API's
 * 400 answers and the web's form checks both come from here, so they name fields the same way.
 */
export function fieldErrors(errors: ValidationError[], prefix = '', label = '', field = ''): FieldError[] {
  return errors.flatMap((e) => {
    const isIndex = /^\d+$/.test(e.property);
    const path = isIndex ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const nextLabel = isIndex ? label : label ? `${label}.${e.property}` : e.property;
    const nextField = field ? `${field}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, text]): FieldError => {
      if (rule === 'whitelistValidation') return { field: nextField, rule: 'unknownField', message: `${path} is not an accepted field` };
      // Nested inputs name their fields like "sessions.startsAt"; point at the exact item instead.
      for (const name of [nextLabel, e.property])
        if (text.startsWith(`${name} `)) return { field: nextField, rule, message: `${path}${text.slice(name.length)}` };
      return { field: nextField, rule, message: text };
    });
    return [...own, ...fieldErrors(e.children ?? [], path, nextLabel, nextField)];
  });
}

/**
 * Checks plain values (a JSON body, or what a form sent) with an input class, as the API's
 * ValidationPipe does: the transformed value when every rule holds, otherwise the problems.
 */
export function checkInput<T extends object>(input: new () => T, plain: Record<string, unknown>): { value: T; problems: FieldError[] } {
  const value = plainToInstance(input, plain);
  const problems = fieldErrors(validateSync(value, { whitelist: true, forbidNonWhitelisted: true }));
  return { value, problems };
}
