import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@hearth/contracts';

/** A refusal the caller can act on: HTTP status, machine code, a plain message, and optional details. */
export class AppError extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message, status);
  }
}

export const notFound = (what = 'Record') => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (code: ErrorCode, message: string, extra?: Record<string, unknown>) => new AppError(409, code, message, extra);
export const unprocessable = (code: ErrorCode, message: string, extra?: Record<string, unknown>) => new AppError(422, code, message, extra);
export const badRequest = (message: string | string[]) =>
  new AppError(400, 'VALIDATION_FAILED', Array.isArray(message) ? message.join('; ') : message, Array.isArray(message) ? { messages: message } : {});
