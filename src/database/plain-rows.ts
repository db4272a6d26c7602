import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Hot reads as plain rows (issue 11): select an entity's columns under their property names and
 * convert each value as TypeORM's own hydration would (the driver's `prepareHydratedValue`: dates,
 * SQLite's 0/1 booleans, numbers), without building entity objects, tracking relations or
 * running a second query for them. Hydration was about half the CPU of a list request.
 */
export class PlainColumns<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];

  constructor(
    private readonly manager: EntityManager,
    entity: EntityTarget<T>,
  ) {
    this.columns = manager.connection.getMetadata(entity).columns;
  }

  /** Select-list entries, `"alias"."column" AS "property"`, for a query builder's `select`. */
  select(alias: string): string[] {
    const q = (name: string) => this.manager.connection.driver.escape(name);
    return this.columns.map((c) => `${q(alias)}.${q(c.databaseName)} AS ${q(c.propertyName)}`);
  }

  /** The entity's fields from one raw row selected with `select`. */
  read(raw: Record<string, unknown>): T {
    const driver = this.manager.connection.driver;
    const row: Record<string, unknown> = {};
    for (const c of this.columns) row[c.propertyName] = driver.prepareHydratedValue(raw[c.propertyName], c);
    return row as T;
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
