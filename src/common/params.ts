import { Param, ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from './api-errors';

/** A route parameter that must be a UUID (400 naming the parameter otherwise). */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => validationFailed([{ field: name, message: `${name} must be a UUID` }], `Invalid ${name}`),
    }),
  );
}
