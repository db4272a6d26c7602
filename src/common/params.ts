import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { validationFailed } from './api-errors';
import { UUID_LENGTH } from './validators';
import { formatPeriod, parsePeriod, PeriodFormatError } from '../domain/period';

/** A route parameter that must be a UUID (400 naming the parameter otherwise), documented as one. */
export function UuidParam(name: string): ParameterDecorator {
  const param = Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => validationFailed([{ field: name, message: `${name} must be a UUID` }], `Invalid ${name}`),
    }),
  );
  const documented = ApiParam({ name, schema: { type: 'string', format: 'uuid', maxLength: UUID_LENGTH } });
  return (target, key, index) => {
    param(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) documented(target, key, descriptor);
  };
}

/** A route parameter that must be a period code such as `2025-26-Q4` (400 saying what is wrong otherwise). */
export function PeriodParam(name: string): ParameterDecorator {
  const param = Param(name, {
    transform: (value: string) => {
      try {
        return formatPeriod(parsePeriod(value));
      } catch (error) {
        if (error instanceof PeriodFormatError) throw validationFailed([{ field: name, message: `${name}: ${error.message}` }], `Invalid ${name}`);
        throw error;
      }
    },
  });
  const documented = ApiParam({ name, schema: { type: 'string', maxLength: 10, example: '2025-26-Q4' } });
  return (target, key, index) => {
    param(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) documented(target, key, descriptor);
  };
}
