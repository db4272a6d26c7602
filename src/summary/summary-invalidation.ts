import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, InsertEvent, ObjectLiteral, QueryRunner, RemoveEvent, SoftRemoveEvent, RecoverEvent, TransactionCommitEvent, TransactionRollbackEvent, UpdateEvent, EntityMetadata, EntityManager } from 'typeorm';
import type { BulkWriteListener } from '../database/bulk';
import { SUMMARY_GENERATIONS } from './summary-cache';
import type { SummaryGenerations } from './summary-generations';

/**
 * A write to one of these entities (by class name: this module reads their tables, see
 * summary.service.ts, but writes none) can change a summary: how to tell its strategy.
 */
const BY_STRATEGY = new Map<string, (row: ObjectLiteral) => unknown>([
  ['Strategy', (row) => row.id],
  ['Theme', (row) => row.strategyId],
  ['Target', (row) => row.strategyId],
  ['Milestone', (row) => row.strategyId],
  ['Assignment', (row) => row.strategyId],
  ['ProgressUpdate', (row) => row.strategyId],
  ['ReturnDeadline', (row) => row.strategyId],
]);

/** Changed strategies of a transaction not yet committed: `all` when one write could not tell. */
interface Pending {
  all: boolean;
  strategyIds: Set<string>;
}

/**
 * Invalidates cached summaries after every committed write that can change one, whoever made
 * it: a TypeORM subscriber sees every save, insert, update and delete of the tables a summary
 * reads (services, query builders, the CLI), and src/database/bulk.ts tells it of its raw
 * multi-row writes. Inside a transaction the strategies are collected and the generations are
 * raised only after COMMIT (raising them before would let a concurrent read cache the old rows
 * under the new generation); a rollback forgets them. A write whose strategy cannot be read
 * from the row (a partnership renamed, a query-builder update by id, a supporter added to an
 * assignment) invalidates every strategy: over-invalidating costs one recomputation, never a
 * stale summary.
 */
@Injectable()
export class SummaryInvalidation implements EntitySubscriberInterface, BulkWriteListener {
  private readonly logger = new Logger(SummaryInvalidation.name);
  private readonly pending = new WeakMap<QueryRunner, Pending>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(SUMMARY_GENERATIONS) private readonly generations: SummaryGenerations,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    return this.changed(event.queryRunner, event.metadata, [event.entity]);
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    return this.changed(event.queryRunner, event.metadata, [event.entity, event.databaseEntity]);
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    return this.changed(event.queryRunner, event.metadata, [event.entity ?? event.databaseEntity]);
  }

  afterSoftRemove(event: SoftRemoveEvent<ObjectLiteral>): Promise<void> {
    return this.changed(event.queryRunner, event.metadata, [event.entity ?? event.databaseEntity]);
  }

  afterRecover(event: RecoverEvent<ObjectLiteral>): Promise<void> {
    return this.changed(event.queryRunner, event.metadata, [event.entity ?? event.databaseEntity]);
  }

  afterBulkWrite(event: { manager: EntityManager; metadata: EntityMetadata; rows: ObjectLiteral[] }): Promise<void> {
    return this.changed(event.manager.queryRunner, event.metadata, event.rows);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // A savepoint released inside an outer transaction: wait for the real COMMIT.
    if (event.queryRunner.isTransactionActive) return;
    const pending = this.pending.get(event.queryRunner);
    if (!pending) return;
    this.pending.delete(event.queryRunner);
    await this.bump(pending.all ? 'all' : pending.strategyIds);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // Rolled back to a savepoint: what it undid cannot be told apart, so keep it all (safe).
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private async changed(queryRunner: QueryRunner | undefined, metadata: EntityMetadata, rows: (ObjectLiteral | undefined)[]): Promise<void> {
    const change = this.strategiesOf(metadata, rows);
    if (!change) return;
    if (queryRunner?.isTransactionActive) {
      const pending = this.pending.get(queryRunner) ?? { all: false, strategyIds: new Set<string>() };
      if (change === 'all') pending.all = true;
      else for (const id of change) pending.strategyIds.add(id);
      this.pending.set(queryRunner, pending);
      return;
    }
    // Outside a transaction the statement has already committed.
    await this.bump(change);
  }

  /** null: nothing a summary reads. */
  private strategiesOf(metadata: EntityMetadata, rows: (ObjectLiteral | undefined)[]): Set<string> | 'all' | null {
    // A many-to-many junction (an assignment's supporting partnerships) or a partnership (its name
    // is in every summary it leads or supports in): which strategies is not on the row.
    if (metadata.name === 'Partnership') return 'all';
    if (metadata.isJunction) return this.supporterTables(metadata.connection).has(metadata.tableName) ? 'all' : null;
    const strategyOf = BY_STRATEGY.get(metadata.name);
    if (!strategyOf) return null;
    const ids = new Set<string>();
    for (const row of rows) {
      if (row === undefined) continue;
      const id = strategyOf(row);
      if (typeof id !== 'string') return 'all';
      ids.add(id);
    }
    return ids.size ? ids : 'all';
  }

  private supporters?: Set<string>;

  private supporterTables(dataSource: DataSource): Set<string> {
    this.supporters ??= new Set(dataSource.getMetadata('Assignment').manyToManyRelations.map((r) => r.junctionEntityMetadata!.tableName));
    return this.supporters;
  }

  private async bump(change: Iterable<string> | 'all'): Promise<void> {
    try {
      await this.generations.bump(change);
    } catch (error) {
      // The write has committed: failing its request now would tell the user it did not.
      this.logger.error(`Could not invalidate cached summaries: ${(error as Error).message}`);
    }
  }
}
