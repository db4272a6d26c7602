import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Target } from './target.entity';

/** An interim point on a target's trajectory. */
@Entity('milestones')
@Index(['targetId', 'period'], { unique: true })
@Index(['strategyId'])
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  targetId: string;

  @ManyToOne(() => Target, (target) => target.milestones, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'targetId' })
  target?: Target;

  /** The target's strategy, copied for index-only per-strategy reads (see ProgressUpdate.strategyId). */
  @Column({ type: 'uuid' })
  strategyId: string;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'double precision' })
  value: number;
}
