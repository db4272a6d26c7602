import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

export class FieldErrorDto {
  /** @example "targetValue" */
  field: string;
  /** @example "targetValue must be a number" */
  message: string;
}

/** The shape of every error response. */
export class ErrorDto {
  /** @example 400 */
  statusCode: number;
  /** @example "Validation failed" */
  message: string;
  /** @example "Bad Request" */
  error?: string;
  /** Every offending field, for validation errors. */
  errors?: FieldErrorDto[];
  /** Reference to quote for unexpected (500) errors. */
  errorId?: string;
}

type ErrorKind = 400 | 404 | 409 | 422;

/** Documents the error responses a route can give, all with the shape of ErrorDto. */
export function ApiErrors(...kinds: ErrorKind[]) {
  const decorators = {
    400: ApiBadRequestResponse({ type: ErrorDto, description: 'Malformed or invalid input; `errors` names every offending field' }),
    404: ApiNotFoundResponse({ type: ErrorDto, description: 'No resource with that id' }),
    409: ApiConflictResponse({ type: ErrorDto, description: 'Conflicts with the current state (duplicate, still referenced, stale version)' }),
    422: ApiUnprocessableEntityResponse({ type: ErrorDto, description: 'Well-formed, but breaks a rule of the domain or names a missing resource' }),
  };
  return applyDecorators(...kinds.map((k) => decorators[k]));
}
