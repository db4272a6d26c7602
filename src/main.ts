import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, validateEnv } from './config/env.validation';
import { PoolReportRenderer } from './reports/render-pool/pool-report-renderer';
import { ReportRenderer } from './reports/render-pool/report-renderer';

async function bootstrap(): Promise<void> {
  let env;
  try {
    env = validateEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Nest's own messages wait for the JSON logger (AppLoggerModule), then go to it.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app, env);
  if (!env.JWT_SECRET) {
    logger.warn('JWT_SECRET is not set: tokens are signed with a development-only secret. Set JWT_SECRET before anyone else can reach this server.');
  }
  await app.listen(env.PORT);
  // Render threads start and warm up once the server is listening, not before (cold start, issue 11).
  const renderer = app.get(ReportRenderer, { strict: false });
  if (renderer instanceof PoolReportRenderer) void renderer.startWarmUp();
  logger.log({ port: env.PORT, database: env.DATABASE_URL ? 'postgres' : env.DATABASE_PATH }, `SCS tracker listening on http://localhost:${env.PORT} (API docs at /api/docs)`, 'Main');
}

void bootstrap();
