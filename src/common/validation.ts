import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { flattenValidationErrors, validationFailed } from './api-errors';

/**
 * The one validation pipe of the application (registered as APP_PIPE, so e2e tests that boot
 * AppModule validate exactly as production does). Unknown fields are refused, not dropped.
 */
export function createValidationPipe(): ValidationPipe {
  return new QueryCachingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/**
 * Validates a plain object against a DTO class exactly as the HTTP pipe does, for callers
 * without HTTP (the command line, the demo seeder, CSV import). Throws the same 400.
 */
export async function validateDto<T extends object>(cls: new () => T, plain: unknown): Promise<T> {
  return createValidationPipe().transform(plain, { type: 'body', metatype: cls }) as Promise<T>;
}

/**
 * The validation pipe, remembering the DTO it made from each accepted query string. Query DTOs are
 * flat and their checks depend on the strings alone, so the same query always gives the same DTO:
 * class-transformer and class-validator ran on every list request (~3% of its CPU, profile in
 * docs/PERFORMANCE.md) for the handful of query strings clients send. Refused queries are never
 * remembered (the 400 is built afresh each time); bodies and parameters are always validated.
 * Each request gets its own copy, so a handler may change its DTO.
 */
export class QueryCachingValidationPipe extends ValidationPipe {
  private readonly accepted = new WeakMap<object, LRUCache<string, Record<string, unknown>>>();

  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'query' || !type || !this.toValidate(metadata) || typeof value !== 'object' || value === null) {
      return super.transform(value, metadata);
    }
    let byQuery = this.accepted.get(type);
    const key = JSON.stringify(value);
    const known = byQuery?.get(key);
    if (known) return copyOf(known);
    const dto = (await super.transform(value, metadata)) as Record<string, unknown>;
    if (isFlat(dto)) {
      if (!byQuery) this.accepted.set(type, (byQuery = new LRUCache({ max: 200 })));
      byQuery.set(key, copyOf(dto));
    }
    return dto;
  }
}

/** Strings, numbers, booleans and arrays of them: what a copy of one level keeps apart. */
function isFlat(dto: Record<string, unknown>): boolean {
  return Object.values(dto).every((v) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((e) => e === null || typeof e !== 'object')));
}

function copyOf(dto: Record<string, unknown>): Record<string, unknown> {
  const copy = Object.create(Object.getPrototypeOf(dto) as object | null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(dto)) copy[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  return copy;
}
