import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { QueryFailedError } from 'typeorm';
import { databaseUnavailable } from './database-unavailable';

/** The error a driver really throws for `work`. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the driver to throw');
}

describe('databaseUnavailable', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scs-unavailable-'));
    const db = new Database(join(dir, 'db.sqlite'));
    db.exec('CREATE TABLE t (x INTEGER UNIQUE)');
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names a SQLite file locked by another connection, also when TypeORM wraps the error', () => {
    const holder = new Database(join(dir, 'db.sqlite'));
    holder.exec('BEGIN EXCLUSIVE');
    const writer = new Database(join(dir, 'db.sqlite'), { timeout: 10 });
    const error = thrownBy(() => writer.exec('INSERT INTO t VALUES (1)'));
    holder.exec('ROLLBACK');
    holder.close();
    writer.close();
    expect(databaseUnavailable(error)).toMatchObject({ message: expect.stringMatching(/locked by another process/), retryAfter: expect.any(Number) });
    expect(databaseUnavailable(new QueryFailedError('INSERT', [], error as Error))?.message).toMatch(/locked/);
  });

  it('names a read-only SQLite database', () => {
    const reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
    const error = thrownBy(() => reader.exec('INSERT INTO t VALUES (2)'));
    reader.close();
    expect(databaseUnavailable(error)?.message).toMatch(/read-only/);
  });

  it('names a PostgreSQL server that refuses connections', async () => {
    const client = new Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1_000 });
    const error = await client.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(databaseUnavailable(error)?.message).toMatch(/cannot be reached/);
  });

  it.each([
    ['57P01', /cannot be reached or is shutting down/],
    ['08006', /cannot be reached/],
    ['53300', /out of connections/],
    ['25006', /read-only/],
  ])('maps SQLSTATE %s', (code, message) => {
    const driverError = Object.assign(new Error('from the server'), { code });
    expect(databaseUnavailable(new QueryFailedError('SELECT 1', [], driverError))?.message).toMatch(message);
  });

  it('leaves everything else alone: constraint violations, programming errors', () => {
    const db = new Database(join(dir, 'db.sqlite'));
    db.exec('INSERT INTO t VALUES (3)');
    const unique = thrownBy(() => db.exec('INSERT INTO t VALUES (3)'));
    db.close();
    expect(databaseUnavailable(unique)).toBeUndefined();
    expect(databaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBeUndefined();
    expect(databaseUnavailable(undefined)).toBeUndefined();
  });
});
