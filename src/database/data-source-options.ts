import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { entitiesFor } from './entities';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface DatabaseSettings {
  /** `postgres://…`: use PostgreSQL. Absent: use the embedded SQLite file. */
  url?: string;
  /** SQLite file, or `:memory:`. */
  path: string;
  /** PostgreSQL schema to work in (the e2e suite gives each worker its own). */
  schema?: string;
  /** SQLite: how long a statement waits for another process's lock before failing (SQLITE_BUSY). */
  lockTimeoutMs?: number;
  /** PostgreSQL: how long to wait for a connection before failing. */
  connectTimeoutMs?: number;
}

/**
 * Defaults for the two waits above. Both end in a 503 with Retry-After (AllExceptionsFilter),
 * so a locked or unreachable database answers within seconds instead of hanging. better-sqlite3
 * waits for a lock synchronously, stalling every request meanwhile, so its wait is kept short.
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 2_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

export function engineOf(settings: Pick<DatabaseSettings, 'url'>): DatabaseEngine {
  return settings.url ? 'postgres' : 'sqlite';
}

/**
 * The one description of the database, shared by the application, the CLI and the migration
 * tools. The schema comes only from checked-in migrations, one set per engine, generated from
 * the same entities; `npm run migration:check` fails when entities and migrations drift.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = { entities: entitiesFor(engineOf(settings)), synchronize: false, migrationsRun: false, logging: false } as const;
  if (settings.url) {
    return {
      ...common,
      type: 'postgres',
      url: settings.url,
      migrations: postgresMigrations,
      uuidExtension: 'pgcrypto',
      connectTimeoutMS: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      installExtensions: false,
      // Only the search path is set, never TypeORM's `schema`: that would write the schema's
      // name into generated migrations.
      ...(settings.schema ? { extra: { options: `-c search_path=${settings.schema}` } } : {}),
    };
  }
  const inMemory = settings.path === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(resolve(settings.path)), { recursive: true });
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: settings.path,
    migrations: sqliteMigrations,
    enableWAL: !inMemory,
    timeout: settings.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      // TypeORM's SQLite migrations rebuild tables (rename, copy, drop). Without the legacy
      // rename, SQLite would repoint other tables' foreign keys at the temporary table.
      db.pragma('legacy_alter_table = ON');
    },
  };
}
