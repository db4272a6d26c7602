import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Assignment } from './assignment.entity';

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'overdue'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** One action of an action plan: what will be done, by whom, by when. */
@Entity('planned_actions')
export class PlannedAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => Assignment, (assignment) => assignment.actions, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'assignmentId' })
  assignment?: Assignment;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 200 })
  owner: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 20, default: 'not-started' })
  status: ActionStatus;
}
