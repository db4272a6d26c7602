import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Clock, FixedClock } from '../../src/common/clock';
import { createLogger } from '../../src/common/logging';
import { validateEnv } from '../../src/config/env.validation';

export const engine = (process.env.TEST_DB_ENGINE ?? 'sqlite') as 'sqlite' | 'postgres';
const postgresSkipped = engine === 'postgres' && process.env.TEST_PG_AVAILABLE !== '1';

/**
 * `describe` for an e2e suite: runs on the engine of the current jest project, and is skipped
 * (visibly, see postgres-global-setup.js) on PostgreSQL when no server is reachable.
 */
export const describeE2E = (name: string, body: () => void) =>
  (postgresSkipped ? describe.skip : describe)(`${name} [${engine}]`, body);

export const DEFAULT_NOW = new Date('2025-11-15T10:00:00Z');

type Agent = ReturnType<typeof request>;

export interface TestApp {
  app: NestExpressApplication;
  clock: FixedClock;
  /** Anonymous requests. */
  http: () => Agent;
  close(options?: { keepData?: boolean }): Promise<void>;
}

async function withPg<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Boots the real AppModule, with migrations run, against this test file's own database. */
export async function createTestApp(options: { now?: Date } = {}): Promise<TestApp> {
  const schema = process.env.DATABASE_SCHEMA;
  if (engine === 'postgres' && schema) {
    await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
  }
  const clock = new FixedClock(options.now ?? DEFAULT_NOW);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app, validateEnv(process.env), createLogger('silent'));
  await app.init();
  return {
    app,
    clock,
    http: () => request(app.getHttpServer()),
    async close({ keepData = false } = {}) {
      await app.close();
      if (keepData) return;
      if (engine === 'postgres' && schema) {
        await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      } else if (process.env.DATABASE_PATH) {
        rmSync(dirname(process.env.DATABASE_PATH), { recursive: true, force: true });
      }
    },
  };
}
