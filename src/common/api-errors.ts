import {
  ConflictException,
  HttpException,
  HttpStatus,
  NotFoundException,
  UnprocessableEntityException,
  ValidationError,
} from '@nestjs/common';

/** One offending field in an error response, as API.md documents it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  message: string;
  error?: string;
  errors?: FieldError[];
  errorId?: string;
}

/** Flattens class-validator's nested tree into `milestones.0.value`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(errors: FieldError[], message = 'Validation failed'): HttpException {
  return new HttpException({ statusCode: HttpStatus.BAD_REQUEST, message, errors }, HttpStatus.BAD_REQUEST);
}

export function notFound(what: string, id: string): NotFoundException {
  return new NotFoundException(`${what} ${id} was not found`);
}

/** A reference in the request body, or a rule of the domain, that the data does not satisfy. */
export function unprocessable(message: string, errors?: FieldError[]): UnprocessableEntityException {
  return new UnprocessableEntityException({ statusCode: 422, message, error: 'Unprocessable Entity', errors });
}

export function conflict(message: string, errors?: FieldError[]): ConflictException {
  return new ConflictException({ statusCode: 409, message, error: 'Conflict', errors });
}
