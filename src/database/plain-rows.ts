import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Column types that both drivers' `prepareHydratedValue` (SQLite, PostgreSQL) hand back exactly as
 * the database driver read them, so `read` skips the call for them: it was a quarter of the
 * conversion's time on the target list (bench/targets-list.ts). Any other type, and any column
 * with a transformer, still goes through the driver.
 */
const AS_READ = new Set(['uuid', 'varchar', 'character varying', 'text', 'double precision', 'integer', 'int']);

/**
 * Hot reads as plain rows (issue 11): select an entity's columns under their property names and
 * convert each value as TypeORM's own hydration would (the driver's `prepareHydratedValue`: dates,
 * SQLite's 0/1 booleans, numbers), without building entity objects, tracking relations or
 * running a second query for them. Hydration was about half the CPU of a list request.
 */
export class PlainColumns<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  /** The columns the driver's conversion must run for; the others are left as read. */
  private readonly converting: ColumnMetadata[];

  constructor(
    private readonly manager: EntityManager,
    entity: EntityTarget<T>,
  ) {
    this.columns = manager.connection.getMetadata(entity).columns;
    this.converting = this.columns.filter((c) => !!c.transformer || !AS_READ.has(String(c.type)));
  }

  /** Select-list entries, `"alias"."column" AS "property"`, for a query builder's `select`. */
  select(alias: string): string[] {
    const q = (name: string) => this.manager.connection.driver.escape(name);
    return this.columns.map((c) => `${q(alias)}.${q(c.databaseName)} AS ${q(c.propertyName)}`);
  }

  /**
   * The entity's fields from one raw row selected with `select`: the row itself, its values
   * converted in place (copying every row into a new object cost more than converting it), so it
   * also keeps any other column the query selected.
   */
  read(raw: Record<string, unknown>): T {
    const driver = this.manager.connection.driver;
    for (const c of this.converting) raw[c.propertyName] = driver.prepareHydratedValue(raw[c.propertyName], c);
    return raw as T;
  }
}

/**
 * A correlated sub-query that returns `json` (one element per row of `fromWhere`) as a JSON array,
 * `[]` when there are none, so a list can carry each row's children in the same query.
 * `element` is a JSON object given as alternating keys and SQL expressions, or one expression.
 */
export function jsonArray(manager: EntityManager, element: string | Record<string, string>, fromWhere: string): string {
  const postgres = manager.connection.options.type === 'postgres';
  const value =
    typeof element === 'string'
      ? element
      : `${postgres ? 'json_build_object' : 'json_object'}(${Object.entries(element)
          .map(([key, expression]) => `'${key}', ${expression}`)
          .join(', ')})`;
  return postgres ? `(SELECT COALESCE(json_agg(${value}), '[]'::json) ${fromWhere})` : `(SELECT json_group_array(${value}) ${fromWhere})`;
}

/** A value selected with `jsonArray`: node-postgres has parsed it already, SQLite returns text. */
export function parseJsonArray<E>(value: unknown): E[] {
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as E[];
}
