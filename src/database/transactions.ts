import { ClsPluginTransactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Implicit transactions (nestjs-cls): a service method marked @Transactional() runs in one
 * database transaction, and everything it calls that reaches the database through `db.tx`, in
 * this service or another, joins it. Outside a transaction `db.tx` is the plain EntityManager.
 */
export abstract class Db extends TransactionHost<TransactionalAdapterTypeOrm> {}

/**
 * TypeORM's better-sqlite3 driver shares a single connection, so two transactions in flight at
 * once would nest into each other; on SQLite they are queued and run one after another. A
 * method that joins a transaction already running is not queued (it is part of it).
 * PostgreSQL runs them concurrently, with row locks (see locking.ts).
 */
class QueuedSqliteAdapter extends TransactionalAdapterTypeOrm {
  constructor() {
    super({ dataSourceToken: getDataSourceToken() });
    const base = this.optionsFactory;
    this.optionsFactory = (dataSource: DataSource) => {
      const options = base(dataSource);
      if (dataSource.options.type !== 'better-sqlite3') return options;
      let queue: Promise<unknown> = Promise.resolve();
      return {
        ...options,
        wrapWithTransaction: (txOptions, fn, setClient) => {
          const result = queue.then(() => options.wrapWithTransaction(txOptions, fn, setClient));
          queue = result.catch(() => undefined);
          return result;
        },
      };
    };
  }
}

/** The nestjs-cls plugin behind `Db` (registered once, in DatabaseModule). */
export function transactionsPlugin(): ClsPluginTransactional {
  return new ClsPluginTransactional({ adapter: new QueuedSqliteAdapter() });
}

/**
 * Runs the method in a transaction, or inside the caller's if one is active. The service must
 * have its `Db` as `this.db`; the transaction is that application's (not a process-wide one),
 * so two applications in one process (tests, the CLI) never share it.
 */
export function Transactional() {
  return <T extends (...args: never[]) => Promise<unknown>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<T>) => {
    const original = descriptor.value!;
    descriptor.value = function (this: { db: Db }, ...args: Parameters<T>) {
      return this.db.withTransaction(() => original.apply(this, args));
    } as unknown as T;
    return descriptor;
  };
}
