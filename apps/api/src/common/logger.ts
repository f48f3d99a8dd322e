import type { LoggerService } from '@nestjs/common';
import { destination, pino, type Logger } from 'pino';

const PHONE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;

/** Masks mainland mobile numbers (138****5678) so logs never hold a full phone number. */
export function maskPhones(text: string): string {
  return text.replace(PHONE, '$1****$2');
}

export function createRootLogger(level: string, file?: string): Logger {
  return pino(
    {
      level,
      base: { service: 'hearth-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.refreshToken',
          '*.accessToken',
          'password',
          'refreshToken',
          'accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string; ip?: string }) => ({ id: req.id, method: req.method, url: maskPhones(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    file ? destination({ dest: file, sync: true }) : undefined,
  );
}

/** Nest's logger interface over pino: one JSON line per message. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string, extra?: unknown) {
    if (message && typeof message === 'object') this.logger[level]({ context, ...(message as object), ...(extra ? { detail: extra } : {}) });
    else this.logger[level]({ context, ...(extra ? { detail: extra } : {}) }, maskPhones(String(message)));
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    this.write('error', message, context ?? stackOrContext, context ? stackOrContext : undefined);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
}
