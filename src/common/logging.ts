import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** The application's JSON-lines logger. Secrets never reach it. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'scs-tracker' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        '*.password',
        'passwordHash',
        '*.passwordHash',
        'accessToken',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Routes Nest's own log calls (start-up, route mapping, errors) into the same JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
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
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string, trace?: string) {
    const fields: Record<string, unknown> = { context };
    if (trace) fields.stack = trace;
    if (message !== null && typeof message === 'object') {
      const { err, ...rest } = message as { err?: unknown };
      this.logger[level]({ ...fields, ...rest, ...(err ? { err } : {}) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
