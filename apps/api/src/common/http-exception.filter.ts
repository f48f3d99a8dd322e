import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody, ErrorCode } from '@hearth/contracts';
import { AppError } from './app-error.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_CODE: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** PostgreSQL errors that mean "the database is unreachable", not "the request was bad". */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** True for errors meaning PostgreSQL cannot be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike;
  const code = e.driverError?.code ?? e.code;
  // pg's pool gives up waiting for a free connection with a plain Error: overload, not a bad request.
  return (!!code && UNAVAILABLE_CODES.has(code)) || /timeout exceeded when trying to connect|Connection terminated/.test(e.message ?? '');
}

interface ErrorLike {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  driverError?: { code?: string };
}

/** The one place that turns any thrown thing into the contract's error body. */
export function toErrorBody(exception: unknown): { body: ApiErrorBody; logAsError: boolean } {
  if (exception instanceof AppError) {
    const status = exception.getStatus();
    return {
      body: { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message: exception.message, code: exception.code, ...exception.extra },
      logAsError: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    let message: string | string[] = exception.message;
    if (response && typeof response === 'object' && 'message' in response) message = (response as { message: string | string[] }).message;
    if (status === 400 && typeof message === 'string' && /not valid JSON|JSON at position|Unexpected (token|end)/i.test(message)) {
      return { body: { statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON', code: 'MALFORMED_JSON' }, logAsError: false };
    }
    return {
      body: {
        statusCode: status,
        error: STATUS_TEXT[status] ?? 'Error',
        message,
        code: DEFAULT_CODE[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED'),
      },
      logAsError: status >= 500,
    };
  }
  const err = (exception ?? {}) as ErrorLike;
  // Errors raised by Fastify itself before a route runs (malformed JSON, body too large, bad content type).
  if (typeof err.code === 'string' && err.code.startsWith('FST_') && err.statusCode && err.statusCode < 500) {
    const status = err.statusCode;
    const code: ErrorCode =
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/.test(err.message ?? '')
        ? 'MALFORMED_JSON'
        : (DEFAULT_CODE[status] ?? 'VALIDATION_FAILED');
    const message =
      code === 'MALFORMED_JSON'
        ? 'The request body is not valid JSON'
        : status === 413
          ? 'The request body is too large'
          : status === 414
            ? 'A value in the address is too long'
            : (err.message ?? 'Bad request');
    return { body: { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, code }, logAsError: false };
  }
  if (exception instanceof SyntaxError && /JSON/.test(exception.message)) {
    return { body: { statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON', code: 'MALFORMED_JSON' }, logAsError: false };
  }
  const pgCode = err.driverError?.code ?? err.code;
  if (isDatabaseUnavailable(err)) {
    return {
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The service is temporarily unavailable; try again shortly',
        code: 'SERVICE_UNAVAILABLE',
      },
      logAsError: true,
    };
  }
  // 22021: text PostgreSQL cannot store (a NUL character), which passes every string validator.
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008' || pgCode === '22003' || pgCode === '22021') {
    return {
      body: { statusCode: 400, error: 'Bad Request', message: 'A value in the request has the wrong format', code: 'VALIDATION_FAILED' },
      logAsError: false,
    };
  }
  if (pgCode === '23505') {
    return { body: { statusCode: 409, error: 'Conflict', message: 'This record already exists', code: 'CONFLICT' }, logAsError: false };
  }
  if (err.message && /Cannot (GET|POST|PUT|PATCH|DELETE)/.test(err.message)) {
    return { body: { statusCode: 404, error: 'Not Found', message: 'No such route', code: 'NOT_FOUND' }, logAsError: false };
  }
  return {
    body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; it has been logged', code: 'INTERNAL_ERROR' },
    logAsError: true,
  };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const { body, logAsError } = toErrorBody(exception);
    if (logAsError) {
      // The correlation id in the log is the request id, which the client also gets in X-Request-Id.
      const error = exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : { value: String(exception) };
      this.logger.error({ requestId: request?.id, status: body.statusCode, err: error });
      body.requestId = request?.id;
    }
    if (body.statusCode === 429 && typeof body.retryAfter === 'number') reply.header('Retry-After', String(body.retryAfter));
    if (body.statusCode === 503) reply.header('Retry-After', '5');
    reply.status(body.statusCode).send(body);
  }
}
