import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Tracked } from '../database/tracked';
import { Target } from '../targets/target.entity';

import type { UpdateStatus } from '../domain/progress-returns';

/** A partnership's quarterly return for one target: the figure and what lies behind it. */
@Entity('progress_updates')
@Index(['targetId', 'period'], { unique: true })
// Per-strategy reads (summary, reports) find a strategy's updates up to a period without joining targets.
@Index(['strategyId', 'period'])
export class ProgressUpdate extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // No index of its own: the unique (targetId, period) index serves every read by target
  // (a PostgreSQL re-import paid for each extra index on every updated row, bench/import.ts).
  @Column({ type: 'uuid' })
  targetId: string;

  @ManyToOne(() => Target, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'targetId' })
  target?: Target;

  /**
   * The target's strategy, copied here so per-strategy queries use an index instead of joining
   * targets (at national size PostgreSQL chose parallel sequential scans for the join). A target
   * never moves between strategies, so the copy cannot go stale; every insert sets it.
   */
  @Column({ type: 'uuid' })
  strategyId: string;

  // No index of its own: every read by period also names the target(s) or the strategy, so
  // (targetId, period) or (strategyId, period) serves it.
  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: 'text', nullable: true })
  commentary: string | null;

  @Column({ type: 'text', nullable: true })
  risks: string | null;

  @Column({ type: 'text', nullable: true })
  nextActions: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: UpdateStatus;

  /** Why the coordinator sent it back (kept after resubmission, in the history too). */
  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  /** ISO 8601 UTC, from the application clock (portable across engines, sorts as text). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  submittedAt: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  decidedAt: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @VersionColumn()
  version: number;
}
