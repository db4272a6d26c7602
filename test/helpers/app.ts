import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Clock, FixedClock } from '../../src/common/clock';
import { Logger } from 'nestjs-pino';
import { LOG_OUTPUT, type LogOutput } from '../../src/common/logging';
import { validateEnv } from '../../src/config/env.validation';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/auth/roles';
import { UsersService } from '../../src/users/users.service';

/** nestjs-pino's test-only reset, not in its public exports (loaded by path). */
function resetPinoRootLogger(): void {
  const file = require.resolve('nestjs-pino/package.json').replace(/package\.json$/, 'dist/cjs/PinoLogger.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(file) as { __resetOutOfContextForTests: () => void }).__resetOutOfContextForTests();
}

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
type Req = ReturnType<Agent['get']>;

/** Requests sent with one user's bearer token. */
export interface ApiClient {
  get(path: string): Req;
  post(path: string): Req;
  patch(path: string): Req;
  put(path: string): Req;
  delete(path: string): Req;
  /** The user behind the token. */
  user: { id: string; email: string; role: Role; partnershipIds: string[] };
}

export const ADMIN = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! };

export interface TestApp {
  app: NestExpressApplication;
  clock: FixedClock;
  /** Anonymous requests. */
  http: () => Agent;
  /** Requests as a coordinator (the role that sets up and manages strategies). */
  api: () => ApiClient;
  /** Requests as a (new or cached) user of that role; officers need their partnerships. */
  as(role: Role, partnershipIds?: string[]): Promise<ApiClient>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** A short-lived PostgreSQL client on DATABASE_URL, closed after `work`. */
export async function withPg<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Boots the real AppModule, with migrations run, against this test file's own database. */
export async function createTestApp(options: { now?: Date; logs?: string[]; /** false: write nothing at start (a read-only database). */ coordinator?: boolean } = {}): Promise<TestApp> {
  const schema = process.env.DATABASE_SCHEMA;
  if (engine === 'postgres' && schema) {
    await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
  }
  const clock = new FixedClock(options.now ?? DEFAULT_NOW);
  // With `logs`, every log line (requests and application) is captured at the most verbose level;
  // otherwise the log is silent (LOG_LEVEL, set by test/setup/engine-*.ts). nestjs-pino keeps one
  // root logger per process, so only the first app a test file boots decides this.
  const logs = options.logs;
  // nestjs-pino keeps one root logger per process: a test file that boots several apps with
  // `logs` (restarts on one database) resets it, so each app writes to its own capture.
  if (logs) resetPinoRootLogger();
  const output: LogOutput = logs ? { level: 'trace', stream: { write: (line: string) => void logs.push(line) } } : {};
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(LOG_OUTPUT)
    .useValue(output)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  if (logs) app.useLogger(app.get(Logger));
  configureApp(app, validateEnv(process.env));
  await app.init();
  const server = app.getHttpServer();
  const clients = new Map<string, ApiClient>();
  const as = async (role: Role, partnershipIds: string[] = []): Promise<ApiClient> => {
    const key = `${role}:${[...partnershipIds].sort().join(',')}`;
    const cached = clients.get(key);
    if (cached) return cached;
    const user = await app.get(UsersService).create({
      email: `${role}-${randomUUID().slice(0, 8)}@e2e.test`,
      name: `E2E ${role}`,
      role,
      password: 'e2e-password-123',
      partnershipIds,
    });
    const token = await app.get(JwtService).signAsync({ sub: user.id, role });
    const auth = (test: Req) => test.set('Authorization', `Bearer ${token}`);
    const client: ApiClient = {
      get: (path) => auth(request(server).get(path)),
      post: (path) => auth(request(server).post(path)),
      patch: (path) => auth(request(server).patch(path)),
      put: (path) => auth(request(server).put(path)),
      delete: (path) => auth(request(server).delete(path)),
      user: { id: user.id, email: user.email, role, partnershipIds },
    };
    clients.set(key, client);
    return client;
  };
  const coordinator = options.coordinator === false ? undefined : await as('coordinator');
  return {
    app,
    clock,
    http: () => request(server),
    api: () => {
      if (!coordinator) throw new Error('createTestApp({ coordinator: false }) has no coordinator client');
      return coordinator;
    },
    as,
    async close({ keepData = false } = {}) {
      await app.close();
      if (keepData) return;
      if (process.env.REPORTS_DIR) rmSync(process.env.REPORTS_DIR, { recursive: true, force: true });
      if (engine === 'postgres' && schema) {
        await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
      } else if (process.env.DATABASE_PATH) {
        rmSync(dirname(process.env.DATABASE_PATH), { recursive: true, force: true });
      }
    },
  };
}
