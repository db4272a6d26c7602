import { INestApplication } from '@nestjs/common';
import { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { DocumentBuilder, type ServerObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyServerTimeouts, bodyTimeout, refuseNulInUrl } from './common/http-limits';
import { refuseUnsafeJson } from './common/json-checks';
import { replayHeaders } from './common/replay-headers';
import { requestId } from './common/logging';
import { dropNoOpEnhancers } from './common/no-op-enhancers';
import { tidySecurity, useRequestBodyContent } from './common/openapi';
import { EnvironmentVariables } from './config/env.validation';
import { configureWeb, cspNonce } from './web/web-setup';


/**
 * Everything about the HTTP surface that is not a module: request ids, body parsing,
 * the OpenAPI document. Shared by main.ts and the e2e tests so both serve the same API. (Request
 * logs: AppLoggerModule, src/common/logging.ts.)
 */
export function configureApp(app: NestExpressApplication, env: EnvironmentVariables): void {
  dropNoOpEnhancers(app);
  app.use(requestId);
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(securityHeaders());
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
  configureWeb(app, env);
  app.enableShutdownHooks();
  setUpOpenApi(app);
}

/**
 * Helmet's headers on every response. Pages (and the Swagger UI) get a Content-Security-Policy
 * with a fresh nonce for GOV.UK Frontend's inline script; the JSON API and health answers carry no
 * script, so they get the same policy without the nonce: helmet writes that header from a string
 * it builds once, and no random bytes are drawn per request (a CPU profile of the target list,
 * docs/PERFORMANCE.md).
 */
export function securityHeaders(): RequestHandler {
  const directives = {
    // The web pages' scripts are our own files, plus GOV.UK Frontend's one-line inline
    // script, allowed by this response's nonce.
    'script-src': ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as ServerResponse & { locals: { cspNonce: string } }).locals.cspNonce}'`],
    // The Swagger UI page needs its own inline styles and the data: images it ships.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
  };
  const forPages = helmet({ contentSecurityPolicy: { directives } });
  const forJson = replayHeaders(helmet({ contentSecurityPolicy: { directives: { ...directives, 'script-src': ["'self'"] } } }));
  return (req, res, next) => {
    if (isJsonApiPath(req.path)) return forJson(req, res, next);
    cspNonce(req, res, () => forPages(req, res, next));
  };
}

/** The versioned API and the health checks: JSON only, never a page or the Swagger UI. */
export function isJsonApiPath(path: string): boolean {
  return path.startsWith('/api/v1/') || path === '/api/v1' || path === '/api/health' || path.startsWith('/api/health/');
}

export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('SCS action-plan tracker')
    .setDescription(
      'Sustainable Community Strategy targets, partnerships, action-plan assignments, quarterly progress and board reports. ' +
        'Periods are UK financial-year quarters written `2025-26-Q2`. Lists take `page` and `pageSize` (at most 200). ' +
        'Every error has `statusCode` and `message`; validation errors add `errors`, naming every offending field. ' +
        'Sign in with `POST /api/v1/auth/login`, then send the token as `Authorization: Bearer <accessToken>` ' +
        '(in this page: *Authorize*, paste the token).',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addTag('auth', 'Signing in, and who is signed in')
    .addTag('users', 'User accounts and roles (admins only)')
    .addTag('partnerships', 'Local Strategic Partnerships, thematic partnerships and other bodies')
    .addTag('members', 'The partner organisations sitting in a partnership')
    .addTag('strategies', 'Sustainable Community Strategies')
    .addTag('themes', 'Themes and population groups of a strategy')
    .addTag('priorities', 'Cross-cutting and local priorities of a strategy')
    .addTag('targets', 'Targets with their trajectories, and their change history')
    .addTag('assignments', 'Action-plan assignments: lead partnership, accountable officer, supporters, actions')
    .addTag('progress', 'Quarterly progress updates and their approval workflow')
    .addTag('summary', 'How a strategy stands at a quarter')
    .addTag('returns (CSV)', 'Quarterly returns as spreadsheets: template, import and exports')
    .addTag('reports', 'Board reports as PDF')
    .addTag('health', 'Service health')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'The `accessToken` from `POST /api/v1/auth/login`: a JWS following the best current practices of RFC8725 ' +
        '(HS256 only: `none` and every other algorithm are refused; the secret is at least 32 characters in production; tokens expire).',
    })
    .build();
  // The document describes whichever server serves it, be it local, staging or production; the API is public-facing.
  config.servers = [{ url: '/', description: 'This server (local, staging or production alike)', 'x-internal': false } as ServerObject];
  // Built on the first request for it rather than at start-up (a few hundred ms of a cold
  // start, bench/cold-start.ts); the routes are all known by then.
  const document = () =>
    tidySecurity(
      useRequestBodyContent(
        SwaggerModule.createDocument(app, config, {
          operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
        }),
      ),
    );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
    swaggerOptions: { persistAuthorization: true },
  });
}
