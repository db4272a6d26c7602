import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Error messages may quote the offending input (a CSV cell, say), so they are bounded only by
 * the largest request body: a 10 MiB upload, plus the words around it.
 */
const MESSAGE_MAX_LENGTH = 10 * 1024 * 1024 + 1024;

export class FieldErrorDto {
  /** The field, as a path (`milestones.0.value`), or `row 12, value` for a CSV cell. @example "targetValue" */
  @ApiProperty({ maxLength: 1000 })
  field: string;
  /** @example "targetValue must be a finite number" */
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH })
  message: string;
}

/** The shape of every error response. */
export class ErrorDto {
  /** The HTTP status again. */
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 400, maximum: 599 })
  statusCode: number;
  /** What went wrong, in words. */
  @ApiProperty({ maxLength: MESSAGE_MAX_LENGTH })
  message: string;
  /** The status's name. */
  @ApiProperty({ maxLength: 40 })
  error?: string;
  /** Every offending field, for validation errors (one per problem; a CSV import lists every bad cell of the file). */
  errors?: FieldErrorDto[];
  /** Reference to quote for unexpected (500) errors. */
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  errorId?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

interface StandardError {
  description: string;
  example: Record<string, unknown>;
}

/** A description and a true-to-life example body for each error status the API gives. */
const STANDARD_ERRORS: Record<ErrorStatus, StandardError> = {
  400: {
    description: 'Malformed or invalid input; `errors` names every offending field',
    example: {
      statusCode: 400,
      message: 'Validation failed',
      errors: [{ field: 'name', message: 'name should not be empty' }],
    },
  },
  401: {
    description: 'No valid bearer token',
    example: { statusCode: 401, message: 'A valid bearer token is required', error: 'Unauthorized' },
  },
  403: {
    description: 'The role or partnership does not allow this',
    example: { statusCode: 403, message: 'A viewer may not do this', error: 'Forbidden' },
  },
  404: {
    description: 'No resource with that id',
    example: { statusCode: 404, message: 'Partnership 3f2c9a4e-8d1b-4c57-9a0e-5b2d7c1f6e90 was not found', error: 'Not Found' },
  },
  409: {
    description: 'Conflicts with the current state (duplicate, still referenced, stale version)',
    example: { statusCode: 409, message: 'A resource with the same unique values already exists', error: 'Conflict' },
  },
  413: {
    description: 'The request body is larger than the configured limit (`BODY_LIMIT`, 5 MB by default)',
    example: { statusCode: 413, message: 'Request body is larger than the limit of 5242880 bytes', error: 'Payload Too Large' },
  },
  422: {
    description: 'Well-formed, but breaks a rule of the domain or names a missing resource',
    example: {
      statusCode: 422,
      message: 'A strategy must be led by a Local Strategic Partnership',
      error: 'Unprocessable Entity',
      errors: [{ field: 'leadPartnershipId', message: '"Safer Wealden Partnership" is a thematic partnership, not an lsp' }],
    },
  },
  429: {
    description: 'Too many requests from this client; wait and try again',
    example: { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
  },
  503: {
    description: 'The database does not answer; try again later',
    example: { statusCode: 503, message: 'Database unreachable' },
  },
};

/** One error response with the ErrorDto shape and an example of its own status. */
export function ApiErrorResponse(
  status: ErrorStatus,
  description = STANDARD_ERRORS[status].description,
  example: Record<string, unknown> = STANDARD_ERRORS[status].example,
) {
  return applyDecorators(
    ApiExtraModels(ErrorDto),
    ApiResponse({
      status,
      description,
      content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorDto) }, example } },
    }),
  );
}

/** Documents the error responses a route can give, each with the shape of ErrorDto and an example of its own status. */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(...statuses.map((status) => ApiErrorResponse(status)));
}
