import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { EnvironmentVariables } from './config/env.validation';
import { configureWeb, cspNonce } from './web/web-setup';
import { WEB_ROUTE_PATTERNS } from './web/web-routes';

export const API_PREFIX = 'api/v1';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Everything about the HTTP surface that is not a module: prefix, body parsing, request logs,
 * the OpenAPI document. Shared by main.ts and the e2e tests so both serve the same API.
 */
export function configureApp(app: NestExpressApplication, env: EnvironmentVariables, logger: Logger): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'api/health', method: RequestMethod.GET }, ...WEB_ROUTE_PATTERNS] });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(cspNonce);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The web pages' scripts are our own files, plus GOV.UK Frontend's one-line inline
          // script, allowed by this response's nonce.
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as ServerResponse & { locals: { cspNonce: string } }).locals.cspNonce}'`],
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
  configureWeb(app, env, logger);
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
