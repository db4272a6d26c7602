/**
 * node-postgres's own conversion of a parameter to the text it sends (pg/lib/utils.js, which the
 * package exports as `pg/lib/*`; @types/pg does not declare it). The bulk COPY (bulk.ts) writes
 * what a parameter would have sent.
 */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
