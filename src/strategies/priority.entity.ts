import { Tracked } from '../database/tracked';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Partnership } from '../partnerships/partnership.entity';
import { Strategy } from './strategy.entity';
import { Theme } from './theme.entity';

export const PRIORITY_KINDS = ['cross-cutting', 'local'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

@Entity('priorities')
export class Priority extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  strategyId: string;

  @ManyToOne(() => Strategy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategyId' })
  strategy?: Strategy;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  kind: PriorityKind;

  /** The partnership whose local priority this is (local priorities only). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  partnershipId: string | null;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership | null;

  @ManyToMany(() => Theme)
  @JoinTable({
    name: 'priority_themes',
    joinColumn: { name: 'priorityId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'themeId', referencedColumnName: 'id' },
  })
  themes?: Theme[];
}
