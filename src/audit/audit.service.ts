import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { type PreparedWrite, prepareInsertRows } from '../database/bulk';
import { Db } from '../database/transactions';
import { Page, skipTake, toPage } from '../common/pagination';
import { PaginationQuery } from '../common/pagination.dto';
import { AuditedEntity, AuditEntry } from './audit-entry.entity';
import { HistoryEntryDto } from './dto/history.dto';

export interface AuditRecord {
  entityType: AuditedEntity;
  entityId: string;
  targetId: string | null;
  action: string;
  actor: Actor | null;
  before: object | null;
  after: object | null;
}

/** The append-only trail of who changed what. Written in the same transaction as the change (it joins the caller's). */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private get entries(): Repository<AuditEntry> {
    return this.db.tx.getRepository(AuditEntry);
  }

  async record(record: AuditRecord): Promise<void> {
    const manager = this.db.tx;
    const entry = manager.create(AuditEntry, {
      entityType: record.entityType,
      entityId: record.entityId,
      targetId: record.targetId,
      action: record.action,
      actorId: record.actor?.id ?? null,
      actorEmail: record.actor?.email ?? null,
      at: this.clock.now().toISOString(),
      before: toJson(record.before),
      after: toJson(record.after),
    });
    await manager.save(entry);
  }

  /** Many entries in multi-row INSERTs (bulk imports), in the order given, so their sequence follows it. */
  async recordMany(records: AuditRecord[]): Promise<void> {
    await this.prepareMany(records)();
  }

  /** `recordMany` with the entries' text made now and sent when the write is run (see prepareInsertRows). */
  prepareMany(records: AuditRecord[]): PreparedWrite {
    const at = this.clock.now().toISOString();
    return prepareInsertRows(
      this.db.tx,
      AuditEntry,
      records.map((record) => ({
        entityType: record.entityType,
        entityId: record.entityId,
        targetId: record.targetId,
        action: record.action,
        actorId: record.actor?.id ?? null,
        actorEmail: record.actor?.email ?? null,
        at,
        // The simple-json column stringifies these once; no round trip through toJson per row.
        before: record.before as Record<string, unknown> | null,
        after: record.after as Record<string, unknown> | null,
      })),
    );
  }

  async historyOfTarget(targetId: string, query: PaginationQuery): Promise<Page<HistoryEntryDto>> {
    const [rows, total] = await this.entries.findAndCount({
      where: { targetId },
      order: { sequence: 'ASC' },
      ...skipTake(query),
    });
    return toPage(rows.map(toHistoryEntryDto), total, query);
  }
}

/** Snapshots are stored as plain JSON (dates as ISO strings). */
function toJson(value: object | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}

function toHistoryEntryDto(entry: AuditEntry): HistoryEntryDto {
  return {
    sequence: entry.sequence,
    at: entry.at,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    before: entry.before,
    after: entry.after,
  };
}
