import { Tracked } from '../database/tracked';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Partnership } from './partnership.entity';

export const SECTORS = ['public', 'private', 'voluntary', 'community'] as const;
export type Sector = (typeof SECTORS)[number];

/** A partner organisation sitting in a partnership. */
@Entity('members')
export class Member extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, (partnership) => partnership.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership;

  @Column({ type: 'varchar', length: 200 })
  organisation: string;

  @Column({ type: 'varchar', length: 20 })
  sector: Sector;

  @Column({ type: 'varchar', length: 200, nullable: true })
  role: string | null;
}
