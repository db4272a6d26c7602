import { EntityManager } from 'typeorm';

/**
 * Row lock for read-modify-write in a transaction. PostgreSQL runs transactions concurrently,
 * so the row is locked until commit; SQLite transactions are already queued one at a time
 * (see transactions.ts) and have no row locks.
 */
export function lockForUpdate(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' } } : {};
}
