import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../domain/language';
import type { NotificationKind, NotificationStatus } from '../domain/reminders';

export { NOTIFICATION_STATUSES, type NotificationStatus } from '../domain/reminders';

/**
 * One email owed to one person, and what became of it. The row is inserted before the message
 * is sent: the unique key (kind, recipient, target, period, occasion) is the claim, so a restart,
 * a retry or a second scheduler running at the same moment finds the row there and sends nothing.
 */
@Entity('notifications')
@Index('UQ_notifications_key', ['kind', 'recipient', 'targetId', 'period', 'occasion'], { unique: true })
@Index(['status', 'nextAttemptAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: NotificationKind;

  /** The address, lower-cased. */
  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  /** The target the message is about; '' for a digest (an empty string, not NULL, so the unique key holds on both engines). */
  @Column({ type: 'varchar', length: 36, default: '' })
  targetId: string;

  /** The quarter (2025-26-Q4), or the ISO week of a digest (2026-W17). */
  @Column({ type: 'varchar', length: 10 })
  period: string;

  /** What tells two messages of one kind apart for the same return: the update's version for "sent back" and "approved"; '' otherwise. */
  @Column({ type: 'varchar', length: 40, default: '' })
  occasion: string;

  @Column({ type: 'uuid', nullable: true })
  strategyId: string | null;

  @Column({ type: 'varchar', length: 2, default: 'en' })
  language: Language;

  /** What the templates need (JSON), fixed when the message is claimed so a retry sends the same words. */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  // Instants as ISO-8601 text, as password_resets does: one type on both engines, sorting in time order.
  /** When a pending or failed message may next be tried; null once sent or given up. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  nextAttemptAt: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  sentAt: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
