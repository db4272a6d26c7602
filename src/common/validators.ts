import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsNotEmpty,
  IsNumber,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { isValidPeriod, parsePeriod, PeriodFormatError } from '../domain/period';

export const UUID_LENGTH = 36;
/** Longer than any way of writing a financial quarter. */
const PERIOD_MAX_LENGTH = 20;

/** A required, trimmed, non-blank string of at most `max` characters. */
export function IsText(max: number) {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(max),
    // The Swagger plugin reads only class-validator's own decorators, not this wrapper.
    ApiProperty({ minLength: 1, maxLength: max }),
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
    ApiProperty({ maxLength: max }),
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
    ApiProperty({ type: 'string', format: 'date', maxLength: 10 }),
  );
}

/** A UK financial quarter written `2025-26-Q2`; the message says what is wrong with it. */
export function IsPeriod() {
  return applyDecorators(
    MaxLength(PERIOD_MAX_LENGTH),
    ApiProperty({ type: 'string', maxLength: PERIOD_MAX_LENGTH }),
    IsValidPeriod(),
  );
}

function IsValidPeriod() {
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

/**
 * An optional field whose column is not nullable: it may be left out, but `null` is refused
 * with a 400 naming the field. (`@IsOptional()` lets `null` through to the database.) `null`
 * then meets the field's own validators, and the first to refuse it gives the message
 * (`statutory must be a boolean value`); the not-null check is the safety net for a field whose
 * validators would accept null.
 */
export function IsOptionalNonNull() {
  return applyDecorators(
    ValidateBy({
      name: 'isNotNull',
      validator: {
        validate: (value: unknown) => value !== null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be null: leave it out instead`,
      },
    }),
    ValidateIf((_object: object, value: unknown) => value !== undefined),
  );
}

/** A UUID that identifies a resource (36 characters). */
export function IsId() {
  return applyDecorators(IsUUID(), MaxLength(UUID_LENGTH), ApiProperty({ type: 'string', format: 'uuid', maxLength: UUID_LENGTH }));
}

/** A list of distinct resource ids, at most `max` of them. */
export function IsIdList(max: number) {
  return applyDecorators(
    IsArray(),
    ArrayUnique(),
    ArrayMaxSize(max),
    IsUUID('all', { each: true }),
    ApiProperty({ type: 'array', maxItems: max, uniqueItems: true, items: { type: 'string', format: 'uuid', maxLength: UUID_LENGTH } }),
  );
}
