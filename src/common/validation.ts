import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, validationFailed } from './api-errors';

/**
 * The one validation pipe of the application (registered as APP_PIPE, so e2e tests that boot
 * AppModule validate exactly as production does). Unknown fields are refused, not dropped.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
