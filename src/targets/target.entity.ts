import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Tracked } from '../database/tracked';
import type { Direction, Frequency } from '../domain/status';
import { Priority } from '../strategies/priority.entity';
import { Strategy } from '../strategies/strategy.entity';
import { Theme } from '../strategies/theme.entity';
import { Milestone } from './milestone.entity';

/** A measurable target of a strategy, with its trajectory from baseline to target. */
@Entity('targets')
@Index(['strategyId', 'code'], { unique: true })
export class Target extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  strategyId: string;

  @ManyToOne(() => Strategy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategyId' })
  strategy?: Strategy;

  @Index()
  @Column({ type: 'uuid' })
  themeId: string;

  @ManyToOne(() => Theme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'themeId' })
  theme?: Theme;

  @ManyToMany(() => Priority)
  @JoinTable({
    name: 'target_priorities',
    joinColumn: { name: 'targetId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'priorityId', referencedColumnName: 'id' },
  })
  priorities?: Priority[];

  /** Unique within the strategy, e.g. a National Indicator code. */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 60 })
  unit: string;

  @Column({ type: 'varchar', length: 10 })
  direction: Direction;

  @Column({ type: 'double precision' })
  baselineValue: number;

  @Column({ type: 'varchar', length: 10 })
  baselinePeriod: string;

  @Column({ type: 'double precision' })
  targetValue: number;

  @Column({ type: 'varchar', length: 10 })
  targetPeriod: string;

  @Column({ type: 'double precision', default: 5 })
  tolerancePercent: number;

  @Column({ type: 'varchar', length: 10, default: 'quarterly' })
  frequency: Frequency;

  @OneToMany(() => Milestone, (milestone) => milestone.target, { cascade: true })
  milestones?: Milestone[];

  /** Archived targets keep their history but leave reports and lists. */
  @Column({ type: 'boolean', default: false })
  archived: boolean;

  /**
   * Optimistic concurrency: a PATCH must name the version it read. Kept by the service rather
   * than TypeORM's @VersionColumn, which misses changes made only to milestones or priorities.
   */
  @Column({ type: 'integer' })
  version: number;
}
