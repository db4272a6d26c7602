import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, FieldError } from './api-errors';

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
    const body = this.toBody(exception, request);
    if (response.headersSent) {
      return;
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
