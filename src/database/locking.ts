import { EntityManager } from 'typeorm';

/**
 * Row lock for read-modify-write in a transaction. PostgreSQL runs transactions concurrently,
 * so the row is locked until commit; SQLite transactions are already queued one at a time
 * (see transactions.ts) and have no row locks.
 */
export function lockForUpdate(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' } } : {};
}

/**
 * Serialises transactions that would each insert "the next" row of a kind (a revision, a first
 * copy): on PostgreSQL an advisory lock on `key` held until commit; on SQLite transactions are
 * queued already, so nothing.
 */
export async function lockKey(manager: EntityManager, key: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
