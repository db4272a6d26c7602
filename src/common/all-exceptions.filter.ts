import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, FieldError } from './api-errors';
import { databaseUnavailable } from './database-unavailable';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
  limit?: number;
}

const UNIQUE_VIOLATION = ['23505', 'SQLITE_CONSTRAINT_UNIQUE'];
const FOREIGN_KEY_VIOLATION = ['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY'];
/**
 * PostgreSQL data exceptions that only a value from the request can cause: too long for its
 * column, a number out of range, a NUL character, text that is not of the column's type. The
 * DTOs should refuse these first, naming the field; this is the net under them.
 */
const DATA_EXCEPTION = ['22001', '22003', '22021', '22P02', '22007', '22008'];
/** Seconds a client should wait when a 429 or 503 does not say (RFC 9110 §10.2.3). */
const DEFAULT_RETRY_AFTER: Record<number, number> = { 429: 60, 503: 10 };

/**
 * Shapes every error the same way (API.md) and never leaks internals: an unexpected error is
 * logged with an id and the client gets only that id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const unavailable = databaseUnavailable(exception);
    if (unavailable) {
      this.logger.error({ method: request?.method, url: request?.originalUrl, err: exception }, `Database unavailable: ${unavailable.message}`);
      if (response.headersSent) return;
      response.setHeader('Retry-After', String(unavailable.retryAfter));
      response.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: unavailable.message } satisfies ErrorBody);
      return;
    }
    const body = this.toBody(exception, request);
    if (response.headersSent) {
      return;
    }
    if (DEFAULT_RETRY_AFTER[body.statusCode] && !response.getHeader('Retry-After')) {
      response.setHeader('Retry-After', String(namedRetryAfter(response) ?? DEFAULT_RETRY_AFTER[body.statusCode]));
    }
    response.status(body.statusCode).json(body);
  }

  protected toBody(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, error: 'Bad Request', message: 'Malformed JSON in request body' };
    }
    if (parserError?.type === 'entity.too.large') {
      return {
        statusCode: 413,
        error: 'Payload Too Large',
        message: `Request body is larger than the limit of ${parserError.limit} bytes`,
      };
    }
    const status = parserError?.status ?? parserError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { statusCode: status, message: parserError.message ?? 'Bad request' };
    }
    if (exception instanceof QueryFailedError) {
      const code = String((exception.driverError as { code?: string })?.code ?? '');
      if (UNIQUE_VIOLATION.includes(code)) {
        return { statusCode: 409, error: 'Conflict', message: 'A resource with the same unique values already exists' };
      }
      if (FOREIGN_KEY_VIOLATION.includes(code)) {
        return { statusCode: 409, error: 'Conflict', message: 'The resource is referenced by, or references, other data' };
      }
      if (DATA_EXCEPTION.includes(code)) {
        const reason = String((exception.driverError as { message?: string })?.message ?? 'out of range');
        return { statusCode: 400, error: 'Bad Request', message: `A value in the request cannot be stored: ${reason}` };
      }
    }
    const errorId = randomUUID();
    this.logger.error(
      { errorId, method: request?.method, url: request?.originalUrl, err: exception },
      'Unhandled error',
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'An unexpected error occurred; quote the errorId when reporting it',
      errorId,
    };
  }
}

/**
 * @nestjs/throttler names its header after the throttler (`Retry-After-login`), which clients do
 * not read; its value, the seconds until the block ends, is the one to give as `Retry-After`.
 */
function namedRetryAfter(response: Response): string | undefined {
  const name = response.getHeaderNames().find((header) => header.startsWith('retry-after-'));
  const value = name ? response.getHeader(name) : undefined;
  return value === undefined ? undefined : String(value);
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') {
    return { statusCode, message: response };
  }
  const raw = response as { message?: unknown; error?: string; errors?: FieldError[] };
  const body: ErrorBody = { statusCode, message: '' };
  if (Array.isArray(raw.message)) {
    // Nest's own pipes return a list of messages; keep them as field-less errors.
    body.message = raw.message.join('; ');
  } else {
    body.message = typeof raw.message === 'string' ? raw.message : exception.message;
  }
  if (raw.error) body.error = raw.error;
  if (raw.errors) body.errors = raw.errors;
  return body;
}
