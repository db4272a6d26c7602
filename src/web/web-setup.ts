import { NestExpressApplication } from '@nestjs/platform-express';
import { csrfSync } from 'csrf-sync';
import express, { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import multer from 'multer';
import createMemoryStore from 'memorystore';
import type { RedisStore as RedisStoreType } from 'connect-redis';
import type { createClient as createClientType } from 'redis';
import nunjucks from 'nunjucks';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { DEVELOPMENT_SESSION_SECRET, EnvironmentVariables } from '../config/env.validation';
import { periodLongLabel } from '../domain/period';
import { i18nFor, LANGUAGES, Language } from './i18n/i18n';
import { isWebPath, WEB_PATHS } from './web-routes';
import { headerNames } from './header-names';
import { cy } from './i18n/cy';
import { en } from './i18n/en';

const CATALOGUES = { en, cy } as const;
import { formatNumber } from '../reports/layout/format';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    /** The user's tokenVersion at sign-in: a password change since then ends the session. */
    tokenVersion: number;
    lang: Language;
  }
}

/** The project root, from src/web (ts-jest) and dist/web (the build) alike. */
export const ROOT = resolve(__dirname, '..', '..');
const GOVUK = join(ROOT, 'node_modules', 'govuk-frontend', 'dist');
/** Where `npm run build:css` writes the compiled stylesheet. */
export const CSS_DIR = join(ROOT, 'dist', 'web-assets');

const HOUR = 60 * 60 * 1000;
/** The largest spreadsheet the upload page takes, as the API's multipart import. */
export const WEB_UPLOAD_BYTES = 10 * 1024 * 1024;

/** A new nonce per response, for the one inline script GOV.UK Frontend's template needs. */
export function cspNonce(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/**
 * The server-rendered pages: Nunjucks with GOV.UK Frontend's macros, its assets and our compiled
 * stylesheet, sessions (Redis when REDIS_URL is set), CSRF tokens on every form, and the words of
 * the chosen language. None of it runs for /api requests.
 */
export function configureWeb(app: NestExpressApplication, env: EnvironmentVariables): void {
  const logger = new Logger('Web');
  const express_ = app.getHttpAdapter().getInstance() as express.Express;
  const views = nunjucks.configure([join(ROOT, 'views'), GOVUK], {
    autoescape: true,
    express: express_,
    noCache: env.NODE_ENV === 'development',
  });
  views.addGlobal('paths', WEB_PATHS);
  // Figures read as in the board pack: 1,588 rather than 1588.
  views.addFilter('figure', (value: number | null | undefined, digits?: number) => formatNumber(value, digits));
  app.setViewEngine('njk');

  const assets = { maxAge: env.NODE_ENV === 'production' ? '1d' : 0, index: false, fallthrough: true } as const;
  app.use('/assets', express.static(join(GOVUK, 'govuk', 'assets'), assets));
  app.use('/assets', express.static(CSS_DIR, assets));
  app.use('/assets/govuk-frontend.min.js', express.static(join(GOVUK, 'govuk', 'govuk-frontend.min.js'), assets));

  const web = (handler: express.RequestHandler): express.RequestHandler => (req, res, next) =>
    isWebPath(req.path) && !req.path.startsWith('/assets/') ? handler(req, res, next) : next();

  // parameterLimit: the approvals inbox posts one checkbox per update, and a strategy's quarter can hold
  // a few hundred; the 100 kB limit still bounds the body.
  app.use(web(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 1000 })));
  app.use(
    web(
      session({
        name: 'scs.sid',
        secret: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
        store: sessionStore(env, logger),
        resave: false,
        saveUninitialized: false,
        rolling: true,
        cookie: { httpOnly: true, sameSite: 'lax', secure: env.NODE_ENV === 'production', maxAge: 8 * HOUR },
      }),
    ),
  );
  // The spreadsheet upload is multipart: parsed here, before the CSRF check, so the form's hidden
  // _csrf field (sent before the file) is read like any other form's. Problems are the page's to show.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: WEB_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 } }).single('file');
  app.use([WEB_PATHS.upload, WEB_PATHS.targetImport], (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    upload(req, res, (error: unknown) => {
      if (error) res.locals.uploadError = error instanceof multer.MulterError ? error.code : 'unreadable';
      next();
    });
  });
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  app.use(
    web((req, res, next) => {
      const requested = typeof req.query.lang === 'string' ? req.query.lang : undefined;
      if (requested && (LANGUAGES as readonly string[]).includes(requested) && req.session) req.session.lang = requested as Language;
      const lang: Language = req.session?.lang ?? 'en';
      const i18n = i18nFor(lang);
      Object.assign(res.locals, {
        lang,
        t: i18n.t,
        quarter: (period: string) => periodLongLabel(period, lang),
        ...headerNames(env, lang, CATALOGUES[lang]),
        currentPath: req.path,
        // Every page's forms carry the session's token; a POST without it is refused with 403.
        csrfToken: generateToken(req),
      });
      next();
    }),
  );
  // After the words are set up, so that the 403 page can be rendered in them.
  app.use(web(csrfSynchronisedProtection));
}

function sessionStore(env: EnvironmentVariables, logger: Logger): session.Store {
  if (env.REDIS_URL) {
    // Required only here, so a process without Redis does not load the client (cold start).
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { createClient } = require('redis') as { createClient: typeof createClientType };
    const { RedisStore } = require('connect-redis') as { RedisStore: typeof RedisStoreType };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const client = createClient({ url: env.REDIS_URL });
    client.on('error', (error: Error) => logger.error({ err: error }, 'Redis session store error'));
    // Unreferenced: the HTTP server keeps a serving process alive; this socket alone must not keep
    // a closed app's process (a test file, a script) from exiting.
    client
      .connect()
      .then(() => client.unref())
      .catch((error: Error) => logger.error({ err: error }, 'Could not connect to Redis for sessions'));
    return new RedisStore({ client, prefix: 'scs:session:' });
  }
  // One process only: sessions are lost on restart and not shared. Expired ones are pruned hourly.
  const MemoryStore = createMemoryStore(session);
  return new MemoryStore({ checkPeriod: HOUR });
}
