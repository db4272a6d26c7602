import { Tracked } from '../database/tracked';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Partnership } from '../partnerships/partnership.entity';
import type { Language } from '../domain/language';

export const STRATEGY_STATUSES = ['draft', 'adopted', 'archived'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/** A Sustainable Community Strategy: an area's long-term vision, led by an LSP. */
@Entity('strategies')
export class Strategy extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  area: string;

  @Column({ type: 'text', nullable: true })
  vision: string | null;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date' })
  startDate: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date' })
  endDate: string;

  @Index()
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: StrategyStatus;

  @Index()
  @Column({ type: 'uuid' })
  leadPartnershipId: string;

  /** The language of the strategy's board pack (headings, period labels and the PDF's /Lang). */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Language;

  /** Days after a quarter ends by which its returns are due, unless a quarter overrides it. */
  @Column({ type: 'integer', default: 30 })
  returnDeadlineDays: number;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadPartnershipId' })
  leadPartnership?: Partnership;
}
