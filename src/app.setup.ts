import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';
import { applyServerTimeouts, bodyTimeout, refuseNulInUrl } from './common/http-limits';
import { refuseUnsafeJson } from './common/json-checks';
import { EnvironmentVariables } from './config/env.validation';

export const API_PREFIX = 'api/v1';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Everything about the HTTP surface that is not a module: prefix, body parsing, request logs,
 * the OpenAPI document. Shared by main.ts and the e2e tests so both serve the same API.
 */
export function configureApp(app: NestExpressApplication, env: EnvironmentVariables, logger: Logger): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'api/health', method: RequestMethod.GET }] });
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
  applyServerTimeouts(app.getHttpServer(), {
    headersMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requestMs: env.HTTP_REQUEST_TIMEOUT_MS,
    bodyMs: env.HTTP_BODY_TIMEOUT_MS,
  });
  app.use(refuseNulInUrl(), bodyTimeout(env.HTTP_BODY_TIMEOUT_MS));
  // Depth, and escapes that are half a surrogate pair, are checked on the raw bytes, before
  // JSON.parse (seconds of CPU for 5 MB of brackets) and class-transformer (recursive) see them.
  // Nest leaves `verify` out of the option type because its rawBody mode uses it; this app does not.
  app.useBodyParser('json', { limit: env.BODY_LIMIT, verify: refuseUnsafeJson() } as NestExpressBodyParserOptionsFor<'json'>);
  // Quarterly returns can be posted as a CSV or .xlsx body, kept as bytes so the import can tell
  // UTF-8 from Windows-1252 and read workbooks.
  app.useBodyParser('raw', {
    type: ['text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    limit: env.BODY_LIMIT,
  });
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
