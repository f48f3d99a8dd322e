import type { ValidationError } from '@nestjs/common';
import { fieldErrors } from '@hearth/contracts/inputs';
import { AppError } from './app-error.js';

/** The 400 answer of the global ValidationPipe: `messages` as always, plus `fields` (each problem on its field). */
export function validationFailed(errors: ValidationError[]): AppError {
  const fields = fieldErrors(errors);
  // A field failing two checks with one message ("… is required") says it once.
  const messages = [...new Set(fields.map((f) => f.message))];
  return new AppError(400, 'VALIDATION_FAILED', messages.join('; '), { messages, fields });
}
