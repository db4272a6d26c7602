import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A coordinator's act of publishing a stored pack: the pack is frozen (stored packs are never
 * changed or removed) and, for its strategy, quarter, template and scope, the publication with the
 * highest revision is the one board members see. Earlier ones stay listed and downloadable.
 */
@Entity('report_publications')
@Index(['strategyId', 'period'])
@Index(['strategyId', 'period', 'scope', 'revision'], { unique: true })
export class ReportPublication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  reportId: string;

  @Column({ type: 'uuid' })
  strategyId: string;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  /** Template and narrowing in one non-null key (`quarterly-board|theme:…`), so "the same pack" is one equality. */
  @Column({ type: 'varchar', length: 160 })
  scope: string;

  /** 1 for the quarter's first publication of this scope, then 2, 3…: a clock can stand still, a count cannot. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'uuid' })
  publishedById: string;

  @Column({ type: 'varchar', length: 200 })
  publishedByName: string;

  @Column({ type: 'varchar', length: 320 })
  publishedByEmail: string;

  /** ISO 8601 UTC, from the application clock. */
  @Column({ type: 'varchar', length: 30 })
  publishedAt: string;
}
