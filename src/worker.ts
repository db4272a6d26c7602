/** `npm run worker`: renders board packs from the Redis queue (REPORT_RENDER_MODE=queue). */
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, validateEnv } from './config/env.validation';
import { RenderWorkerModule } from './reports/render-pool/render-worker.module';

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
  if (!env.REDIS_URL) {
    console.error('npm run worker needs REDIS_URL: the render queue lives in Redis (see .env.example)');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(RenderWorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  logger.log(
    { prefix: env.REPORT_QUEUE_PREFIX, concurrency: env.REPORT_CONCURRENCY },
    `Report worker taking renders from Redis (prefix "${env.REPORT_QUEUE_PREFIX}", ${env.REPORT_CONCURRENCY} at a time)`,
    'Worker',
  );
}

void bootstrap();
