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
import { Partnership } from '../partnerships/partnership.entity';
import { Target } from '../targets/target.entity';
import { PlannedAction } from './planned-action.entity';

export const ASSIGNMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * The action-plan entry that makes a partnership accountable for a target: the lead
 * partnership, a named accountable officer, the partners who support, and the actions.
 */
@Entity('assignments')
// The database itself guarantees at most one active lead assignment per target.
@Index('UQ_assignments_one_active_per_target', ['targetId'], { unique: true, where: `"status" = 'active'` })
@Index(['strategyId', 'status'])
export class Assignment extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  targetId: string;

  @ManyToOne(() => Target, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'targetId' })
  target?: Target;

  /** The target's strategy, copied for index-only per-strategy reads (see ProgressUpdate.strategyId). */
  @Column({ type: 'uuid' })
  strategyId: string;

  /** The lead partnership. */
  @Index()
  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership;

  @ManyToMany(() => Partnership)
  @JoinTable({
    name: 'assignment_supporting_partnerships',
    joinColumn: { name: 'assignmentId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'partnershipId', referencedColumnName: 'id' },
  })
  supportingPartnerships?: Partnership[];

  @Column({ type: 'varchar', length: 200 })
  officerName: string;

  @Column({ type: 'varchar', length: 320 })
  officerEmail: string;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: AssignmentStatus;

  @OneToMany(() => PlannedAction, (action) => action.assignment, { cascade: true })
  actions?: PlannedAction[];
}
