import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A one-time link an admin made so that a user can set a new password (until email exists, the
 * admin hands the link over). Only the SHA-256 of the token is stored: the database alone cannot
 * be used to reset anyone's password.
 */
@Entity('password_resets')
export class PasswordReset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  /** Hex SHA-256 of the token in the link. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  // Instants as ISO-8601 text: one column type both engines share (SQLite has no timestamp
  // type, PostgreSQL no datetime), and ISO text compares in time order.
  @Column({ type: 'varchar', length: 24 })
  expiresAt: string;

  /** Set when the link is used, or when a newer link for the same user replaces it. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  usedAt: string | null;

  /** The admin who made the link. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
