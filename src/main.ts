import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createLogger, PinoNestLogger } from './common/logging';
import { ConfigurationError, validateEnv } from './config/env.validation';

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
  const logger = createLogger(env.LOG_LEVEL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  configureApp(app, env, logger);
  if (!env.JWT_SECRET) {
    logger.warn('JWT_SECRET is not set: tokens are signed with a development-only secret. Set JWT_SECRET before anyone else can reach this server.');
  }
  await app.listen(env.PORT);
  logger.info({ port: env.PORT, database: env.DATABASE_URL ? 'postgres' : env.DATABASE_PATH }, `SCS tracker listening on http://localhost:${env.PORT} (API docs at /api/docs)`);
}

void bootstrap();
