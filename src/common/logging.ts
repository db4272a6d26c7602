/**
 * The application's JSON-lines log, through nestjs-pino: one line per request (pino-http, its
 * level by status), Nest's own log calls (start-up, errors) in the same stream once main.ts hands
 * Nest the module's Logger, LOG_LEVEL from the configuration. Secrets never reach it.
 */
import { ConfigService } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import type { Options } from 'pino-http';
import type { EnvironmentVariables } from '../config/env.validation';

/**
 * Where the log goes: stdout at LOG_LEVEL unless this provider is overridden (the e2e helper's
 * `logs` option captures every line at the most verbose level).
 */
export const LOG_OUTPUT = Symbol('LOG_OUTPUT');
export interface LogOutput {
  level?: pino.LevelWithSilent;
  stream?: pino.DestinationStream;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives every request an id, the client's X-Request-Id when it is well formed, and sends it back.
 * Registered first (app.setup.ts), so that even a body the parser refuses carries one.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  (req as Request & { id: string }).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

export const AppLoggerModule = LoggerModule.forRootAsync({
  providers: [{ provide: LOG_OUTPUT, useValue: {} }],
  inject: [ConfigService, LOG_OUTPUT],
  useFactory: (config: ConfigService<EnvironmentVariables, true>, output: LogOutput) => {
    const options: pino.LoggerOptions = {
      level: output.level ?? config.get('LOG_LEVEL', { infer: true }),
      base: { service: 'scs-tracker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'password',
          '*.password',
          'passwordHash',
          '*.passwordHash',
          'accessToken',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
    };
    const http: Options = {
      ...options,
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    };
    return { pinoHttp: output.stream ? [http, output.stream] : http };
  },
});
