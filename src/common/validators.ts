import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsNotEmpty,
  IsNumber,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';
import { isValidPeriod, parsePeriod, PeriodFormatError } from '../domain/period';

/** A required, trimmed, non-blank string of at most `max` characters. */
export function IsText(max: number) {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
  );
}

/** An optional string; `null` clears it. Blank strings are stored as null. */
export function IsOptionalText(max: number) {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    }),
    IsString(),
    MaxLength(max),
  );
}

/** `true`/`false` in a query string. */
export function QueryBoolean() {
  return Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** A calendar date written YYYY-MM-DD that exists (no 30 February). */
export function IsIsoDate() {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date written YYYY-MM-DD` }),
    IsDateString({ strict: true }, { message: ({ property }) => `${property} must be a real calendar date` }),
  );
}

/** A UK financial quarter written `2025-26-Q2`; the message says what is wrong with it. */
export function IsPeriod() {
  return ValidateBy({
    name: 'isPeriod',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isValidPeriod(value),
      defaultMessage: (args?: ValidationArguments) => {
        const value = args?.value;
        if (typeof value !== 'string') return `${args?.property} must be a financial quarter such as 2025-26-Q2`;
        try {
          parsePeriod(value);
        } catch (error) {
          if (error instanceof PeriodFormatError) return `${args?.property}: ${error.message}`;
        }
        return `${args?.property} must be a financial quarter such as 2025-26-Q2`;
      },
    },
  });
}

/** A finite JSON number (no strings, NaN or Infinity). */
export const IsFiniteNumber = () =>
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: ({ property }) => `${property} must be a finite number` });
