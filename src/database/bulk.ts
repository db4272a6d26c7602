import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Multi-row writes for set-wise paths (the returns import), where saving row by row costs a
 * round trip and an entity hydration per row. Values go through the driver's own
 * `preparePersistentValue`, so dates, booleans and JSON are stored exactly as `save` would
 * store them. Rows must carry every column they want written (ids, timestamps and version
 * included: nothing is read back).
 */

/** Parameters per statement stay well under both engines' limits (SQLite 32,766, PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;

export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => rows[0][c.propertyName] !== undefined);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const convert = columns.map((c) => persistent(manager, c));
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const parameters: unknown[] = [];
    const tuples = slice.map((row) => `(${columns.map((c, i) => placeholder(manager, parameters.push(convert[i](row[c.propertyName])))).join(', ')})`);
    await manager.query(`INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${tuples.join(', ')}`, parameters);
  }
  await announceBulkWrite(manager, metadata, rows);
}

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
  if (rows.length === 0) return;
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
    // list of 20,000 parameters (bench/import.ts, re-import).
    const parameters = columns.map((c, i) => rows.map((row) => convert[i](row[c.propertyName as keyof typeof row])));
    const arrays = columns.map((c, i) => `$${i + 1}::${pgType(manager, c)}[]`).join(', ');
    const names = columns.map((_, i) => `column${i + 1}`).join(', ');
    await manager.query(`UPDATE ${table} SET ${assignments} FROM unnest(${arrays}) AS v(${names}) ${where}`, parameters);
  } else {
    const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let start = 0; start < rows.length; start += chunk) {
      const parameters: unknown[] = [];
      const tuples = rows
        .slice(start, start + chunk)
        .map((row) => `(${columns.map((c, i) => placeholder(manager, parameters.push(convert[i](row[c.propertyName as keyof typeof row])))).join(', ')})`);
      await manager.query(`UPDATE ${table} SET ${assignments} FROM (VALUES ${tuples.join(', ')}) AS v ${where}`, parameters);
    }
  }
  await announceBulkWrite(manager, metadata, rows);
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

function placeholder(manager: EntityManager, index: number): string {
  return manager.connection.options.type === 'postgres' ? `$${index}` : '?';
}

function pgType(manager: EntityManager, column: ColumnMetadata): string {
  return manager.connection.driver.normalizeType(column);
}
