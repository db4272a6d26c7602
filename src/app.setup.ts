import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { requestId } from './common/logging';
import { EnvironmentVariables } from './config/env.validation';

export const API_PREFIX = 'api/v1';

/**
 * Everything about the HTTP surface that is not a module: prefix, request ids, body parsing,
 * the OpenAPI document. Shared by main.ts and the e2e tests so both serve the same API. (Request
 * logs: AppLoggerModule, src/common/logging.ts.)
 */
export function configureApp(app: NestExpressApplication, env: EnvironmentVariables): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: ['api/health', 'api/health/live', 'api/health/ready'].map((path) => ({ path, method: RequestMethod.GET })),
  });
  app.use(requestId);
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The Swagger UI page needs its own inline styles and the data: images it ships.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  const origins = env.CORS_ORIGINS?.split(',').map((o) => o.trim());
  if (origins?.length) {
    app.enableCors({ origin: origins, exposedHeaders: ['X-Request-Id', 'Content-Disposition'] });
  }
  app.useBodyParser('json', { limit: env.BODY_LIMIT });
  // Quarterly returns can be posted as a CSV body.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: env.BODY_LIMIT });
  app.enableShutdownHooks();
  setUpOpenApi(app);
}

export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('SCS action-plan tracker')
    .setDescription(
      'Sustainable Community Strategy targets, partnerships, action-plan assignments, quarterly progress and board reports. ' +
        'Periods are UK financial-year quarters written `2025-26-Q2`. Lists take `page` and `pageSize` (at most 200). ' +
        'Every error has `statusCode` and `message`; validation errors add `errors`, naming every offending field.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
