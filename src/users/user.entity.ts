import type { Language } from '../domain/language';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '../auth/roles';
import { Partnership } from '../partnerships/partnership.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased, so uniqueness is case-insensitive. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  role: Role;

  @Column({ type: 'varchar', length: 300 })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Raised whenever the password changes; every access token carries the value it was issued
   * with, so tokens (and sessions) from before the change stop working at once.
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  /** The language of the user's web pages. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Language;

  /** Reminders, overdue notices, workflow notices and digests by email; escalations come whatever this says. */
  @Column({ type: 'boolean', default: true })
  emailReminders: boolean;

  /** The partnerships a partnership officer works for. */
  @ManyToMany(() => Partnership)
  @JoinTable({
    name: 'user_partnerships',
    joinColumn: { name: 'userId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'partnershipId', referencedColumnName: 'id' },
  })
  partnerships?: Partnership[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
