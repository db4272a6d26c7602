import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Hot reads whose SQL is built once per shape (issue 11). Building a query with TypeORM's query
 * builder (aliases, property names, escaping, sub-queries) cost more CPU per target-list request
 * than SQLite took to answer it. The SQL depends only on the query's shape (which filters are
 * present, the page bounds TypeORM writes into it), not on the parameter values; so the builder
 * runs once per shape with a marker in place of each value, the markers tell which parameter
 * sits at which position of the driver's parameter list, and later requests of that shape send
 * the cached SQL with their own values through the same manager (so inside a transaction too).
 */
export class QueryShapes {
  private readonly shapes = new Map<string, { sql: string; order: string[] }>();

  /** At most `limit` shapes are kept (the oldest goes first); a page number is part of a shape. */
  constructor(private readonly limit = 200) {}

  /**
   * The raw rows of the query `build` makes for these parameter values. `shape` must name
   * everything that changes the SQL other than the values in `parameters`; `build` must use
   * every value only as a query parameter (`:name`), never in the SQL text.
   */
  async raw<R>(
    manager: EntityManager,
    shape: string,
    parameters: Record<string, unknown>,
    build: (parameters: Record<string, unknown>) => SelectQueryBuilder<ObjectLiteral>,
  ): Promise<R[]> {
    let cached = this.shapes.get(shape);
    if (!cached) {
      cached = this.prepare(build, parameters);
      if (this.shapes.size >= this.limit) this.shapes.delete(this.shapes.keys().next().value!);
      this.shapes.set(shape, cached);
    }
    return (await manager.query(
      cached.sql,
      cached.order.map((name) => parameters[name]),
    )) as R[];
  }

  private prepare(
    build: (parameters: Record<string, unknown>) => SelectQueryBuilder<ObjectLiteral>,
    parameters: Record<string, unknown>,
  ): { sql: string; order: string[] } {
    const markers = new Map<string, string>();
    const marked: Record<string, unknown> = {};
    for (const name of Object.keys(parameters)) {
      const marker = `\u0000query-shape:${name}\u0000`;
      markers.set(marker, name);
      marked[name] = marker;
    }
    const [sql, values] = build(marked).getQueryAndParameters();
    const order = values.map((value: unknown) => {
      const name = typeof value === 'string' ? markers.get(value) : undefined;
      if (name === undefined) throw new Error(`query shape: a parameter is not one of ${[...markers.values()].join(', ')}: ${String(value)}`);
      return name;
    });
    for (const marker of markers.keys()) {
      if (sql.includes(marker)) throw new Error('query shape: a parameter value was written into the SQL text');
    }
    return { sql, order };
  }
}
