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
