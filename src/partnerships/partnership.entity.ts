import { Tracked } from '../database/tracked';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Member } from './member.entity';

export const PARTNERSHIP_KINDS = ['lsp', 'thematic', 'other'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

@Entity('partnerships')
export class Partnership extends Tracked {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  kind: PartnershipKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  area: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parentId' })
  parent?: Partnership | null;

  @Column({ type: 'boolean', default: false })
  statutory: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  chair: string | null;

  @Column({ type: 'integer', nullable: true })
  meetingsPerYear: number | null;

  @OneToMany(() => Member, (member) => member.partnership)
  members?: Member[];
}
