import type { PoolClient } from 'pg';
import { prepareValue } from 'pg/lib/utils';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Multi-row writes for set-wise paths (the returns import), where saving row by row costs a
 * round trip and an entity hydration per row. Values go through the driver's own
 * `preparePersistentValue`, so dates, booleans and JSON are stored exactly as `save` would
 * store them. Rows must carry every column they want written (ids, timestamps and version
 * included: nothing is read back).
 */

/** Parameters per SQLite statement stay well under its limit (32,766); PostgreSQL takes COPY and arrays instead. */
const MAX_PARAMETERS = 30_000;

/**
 * A multi-row write whose statements and values are already made: running it only sends them.
 * It runs once: afterwards its buffers are written again by later writes.
 */
export type PreparedWrite = () => Promise<void>;

function once(write: PreparedWrite): PreparedWrite {
  let ran = false;
  return () => {
    if (ran) return Promise.reject(new Error('A prepared write runs once; prepare the rows again to write them again'));
    ran = true;
    return write();
  };
}

/** Inserts the rows (PostgreSQL: COPY, its text made as it is sent; SQLite: multi-row INSERTs). */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  await insertion(manager, entity, rows, 'streamed')();
}

/**
 * `insertRows` with the PostgreSQL COPY text made now, so a caller can make the next batch's
 * text while the database takes this one (the returns import through a ConnectionQueue).
 */
export function prepareInsertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): PreparedWrite {
  return insertion(manager, entity, rows, 'now');
}

function insertion<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[], text: 'now' | 'streamed'): PreparedWrite {
  if (rows.length === 0) return async () => undefined;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => rows[0][c.propertyName] !== undefined);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const convert = columns.map((c) => persistent(manager, c));
  if (manager.connection.options.type === 'postgres') {
    // A thousand rows a batch, so a streamed COPY never holds the text of 100,000 at once.
    const batch = (start: number) => copyLines(rows.slice(start, start + 1000), columns, convert);
    const starts = Array.from({ length: Math.ceil(rows.length / 1000) }, (_, i) => i * 1000);
    const made = text === 'now' ? starts.map(batch) : null;
    const statement = `COPY ${driver.escape(metadata.tableName)} (${names}) FROM STDIN`;
    return once(async () => {
      await copy(manager, statement, made ?? starts.map((start) => () => batch(start)));
      // PostgreSQL has had every byte (the COPY is complete), so the buffers can be written again.
      if (made) spareAgain(made);
      await announceBulkWrite(manager, metadata, rows);
    });
  }
  return once(async () => {
    await inValuesLists(manager, rows, columns, convert, (values) => `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${values}`);
    await announceBulkWrite(manager, metadata, rows);
  });
}

/**
 * SQLite: the rows as `(?, ?, …), …` lists, in as many statements as its parameter limit needs;
 * `statement` puts a list in its place.
 */
async function inValuesLists<T extends ObjectLiteral>(
  manager: EntityManager,
  rows: Partial<T>[],
  columns: ColumnMetadata[],
  convert: ((value: unknown) => unknown)[],
  statement: (values: string) => string,
): Promise<void> {
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const parameters: unknown[] = [];
    for (const row of slice) for (let i = 0; i < columns.length; i++) parameters.push(convert[i](row[columns[i].propertyName]));
    await manager.query(statement(slice.map(() => tuple).join(', ')), parameters);
  }
}

/**
 * Rows as lines of COPY's text format, written into buffers of 256 KiB. Each value is first
 * turned into the text node-postgres would send for it as a parameter (its `prepareValue`:
 * dates as it writes them, JSON, arrays), so COPY stores what a parameterised INSERT would.
 * A line is a short-lived string copied straight into a buffer: a batch joined into one string
 * of megabytes was a large object of the old generation each time, and garbage collections
 * followed (bench/import.ts, re-import: its allocations and full collections).
 */
function copyLines<T extends ObjectLiteral>(rows: Partial<T>[], columns: ColumnMetadata[], convert: ((value: unknown) => unknown)[]): Buffer[] {
  const buffers: Buffer[] = [];
  let buffer = spareCopyBuffers.pop() ?? Buffer.allocUnsafe(COPY_BUFFER_BYTES);
  let used = 0;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      line += (i === 0 ? '' : '\t') + copyText(prepareValue(convert[i](row[columns[i].propertyName])));
    }
    line += '\n';
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    if (used + line.length * 3 > buffer.length) {
      if (used > 0) buffers.push(buffer.subarray(0, used));
      buffer = line.length * 3 > COPY_BUFFER_BYTES ? Buffer.allocUnsafe(line.length * 3) : (spareCopyBuffers.pop() ?? Buffer.allocUnsafe(COPY_BUFFER_BYTES));
      used = 0;
    }
    used += buffer.write(line, used);
  }
  if (used > 0) buffers.push(buffer.subarray(0, used));
  return buffers;
}

const COPY_BUFFER_BYTES = 256 * 1024;

/**
 * Buffers a prepared COPY has sent, for the next batches to write into. Freshly allocated ones
 * are memory outside the JavaScript heap that is given back only when a collection finds them
 * dead, and V8 waits for tens of megabytes of them first: at 100,000 history entries that
 * was 30-40 MB more peak RSS (bench/import.ts, re-import).
 */
const spareCopyBuffers: Buffer[] = [];

function spareAgain(batches: Buffer[][]): void {
  for (const view of batches.flat()) {
    if (view.byteOffset === 0 && view.buffer.byteLength === COPY_BUFFER_BYTES && spareCopyBuffers.length < 16) {
      spareCopyBuffers.push(Buffer.from(view.buffer, 0, COPY_BUFFER_BYTES));
    }
  }
}

/**
 * PostgreSQL: `COPY … FROM STDIN` (pg-copy-streams) on the manager's own connection, so inside
 * its transaction; the batches are made already, or made when the stream asks for them. COPY
 * skips the parse, plan and per-parameter bind of a multi-row INSERT. The re-import's 100,000
 * history entries, two snapshots each, were its costliest statements in the server's log
 * (log_min_duration_statement=0, bench/import.ts).
 */
async function copy(manager: EntityManager, statement: string, batches: (Buffer[] | (() => Buffer[]))[]): Promise<void> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    const data = function* (): Generator<Buffer> {
      for (const batch of batches) yield* typeof batch === 'function' ? batch() : batch;
    };
    await pipeline(Readable.from(data()), client.query(copyFrom(statement)));
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

/** A value in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  // bytea, in its hex form (the backslash is escaped below, like any other).
  const text = Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch]) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Sets `set` columns on many rows by primary key `id`. `increment` names integer columns raised
 * by one (a version), as `save` would.
 *
 * PostgreSQL: `UPDATE … FROM unnest($1::uuid[], $2::double precision[], …)`, one array parameter
 * per column, typed, whatever the number of rows. SQLite: `UPDATE … FROM (VALUES …)` (SQLite ≥
 * 3.33), one parameter per value, in chunks under its parameter limit.
 */
export async function updateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: (Partial<T> & { id: string })[],
  set: (keyof T & string)[],
  increment: (keyof T & string)[] = [],
): Promise<void> {
  await prepareUpdateRows(manager, entity, rows, set, increment)();
}

/** `updateRows` with its values turned into the text sent now (as `prepareInsertRows`). */
export function prepareUpdateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: (Partial<T> & { id: string })[],
  set: (keyof T & string)[],
  increment: (keyof T & string)[] = [],
): PreparedWrite {
  if (rows.length === 0) return async () => undefined;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const table = driver.escape(metadata.tableName);
  const idColumn = metadata.findColumnWithPropertyName('id')!;
  const columns = [idColumn, ...set.map((name) => metadata.findColumnWithPropertyName(name)!)];
  const assignments = [
    // The source's columns are column1, column2… (VALUES names them so on both engines; the
    // unnest is aliased to the same names); column1 is the id.
    ...columns.slice(1).map((c, i) => `${driver.escape(c.databaseName)} = v.column${i + 2}`),
    ...increment.map((name) => {
      const column = driver.escape(metadata.findColumnWithPropertyName(name)!.databaseName);
      return `${column} = ${table}.${column} + 1`;
    }),
  ].join(', ');
  const where = `WHERE ${table}.${driver.escape(idColumn.databaseName)} = v.column1`;
  const convert = columns.map((c) => persistent(manager, c));
  if (manager.connection.options.type === 'postgres') {
    const unsupported = columns.find((c) => c.isArray || c.type === 'enum' || c.type === 'simple-enum');
    if (unsupported) throw new Error(`updateRows: ${metadata.tableName}.${unsupported.databaseName} is an array or enum column, which unnest's typed arrays do not take here`);
    // Arrays typed as the columns are, so PostgreSQL neither guesses text nor plans a VALUES
    // list of 20,000 parameters (bench/import.ts, re-import); each already in the array text
    // node-postgres would send (its prepareValue), so sending it is all that is left.
    const parameters = columns.map((c, i) => prepareValue(rows.map((row) => convert[i](row[c.propertyName as keyof typeof row]))));
    const arrays = columns.map((c, i) => `$${i + 1}::${pgType(manager, c)}[]`).join(', ');
    const names = columns.map((_, i) => `column${i + 1}`).join(', ');
    return once(async () => {
      await manager.query(`UPDATE ${table} SET ${assignments} FROM unnest(${arrays}) AS v(${names}) ${where}`, parameters);
      await announceBulkWrite(manager, metadata, rows);
    });
  }
  return once(async () => {
    await inValuesLists(manager, rows, columns, convert, (values) => `UPDATE ${table} SET ${assignments} FROM (VALUES ${values}) AS v ${where}`);
    await announceBulkWrite(manager, metadata, rows);
  });
}

/**
 * A TypeORM subscriber that also wants to hear of these raw multi-row writes, which TypeORM does
 * not broadcast (the summary cache's invalidation: src/summary/summary-invalidation.ts).
 */
export interface BulkWriteListener {
  afterBulkWrite(event: { manager: EntityManager; metadata: EntityMetadata; rows: ObjectLiteral[] }): Promise<void> | void;
}

async function announceBulkWrite(manager: EntityManager, metadata: EntityMetadata, rows: ObjectLiteral[]): Promise<void> {
  for (const subscriber of manager.connection.subscribers) {
    const listener = subscriber as Partial<BulkWriteListener>;
    if (typeof listener.afterBulkWrite === 'function') await listener.afterBulkWrite({ manager, metadata, rows });
  }
}

/**
 * Column types that both drivers' `preparePersistentValue` (PostgresDriver, AbstractSqliteDriver)
 * return unchanged, so the call is skipped for them. On PostgreSQL the call builds an array for
 * every value of such a column before returning it: a seventh of what a PostgreSQL re-import
 * allocated (bench/import.ts), all of it for the garbage collector.
 */
const AS_GIVEN = new Set(['uuid', 'varchar', 'character varying', 'text', 'double precision', 'integer', 'int']);

/** How a column's values are stored, as `save` would store them; undefined is stored as NULL. */
function persistent(manager: EntityManager, column: ColumnMetadata): (value: unknown) => unknown {
  if (!column.transformer && AS_GIVEN.has(String(column.type))) return (value) => value ?? null;
  // What both drivers do for simple-json (DateUtils.simpleJsonToString), without the array.
  if (!column.transformer && column.type === 'simple-json') return (value) => (value === null || value === undefined ? null : JSON.stringify(value));
  const driver = manager.connection.driver;
  return (value) => {
    const prepared = driver.preparePersistentValue(value, column);
    return prepared === undefined ? null : prepared;
  };
}

function pgType(manager: EntityManager, column: ColumnMetadata): string {
  return manager.connection.driver.normalizeType(column);
}
