import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Tracked } from '../database/tracked';
import { Strategy } from '../strategies/strategy.entity';

/**
 * A coordinator's deadline for one quarter of one strategy, overriding "quarter end +
 * strategies.returnDeadlineDays" (a bank holiday, a board meeting moved). A table of its own
 * rather than a column, because only the odd quarter has one.
 */
@Entity('return_deadlines')
@Index(['strategyId', 'period'], { unique: true })
export class ReturnDeadline extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  strategyId: string;

  @ManyToOne(() => Strategy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'strategyId' })
  strategy?: Strategy;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  /** ISO date (YYYY-MM-DD): the last day a return for the quarter is on time. */
  @Column({ type: 'date' })
  deadline: string;
}
