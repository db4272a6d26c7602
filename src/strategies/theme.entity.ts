import { Tracked } from '../database/tracked';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Strategy } from './strategy.entity';

export const THEME_KINDS = ['theme', 'population-group'] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];

/** A subject area of a strategy, or one of its population groups. */
@Entity('themes')
export class Theme extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  strategyId: string;

  @ManyToOne(() => Strategy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategyId' })
  strategy?: Strategy;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20, default: 'theme' })
  kind: ThemeKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Order in which reports present the themes. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
