import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDITED_ENTITIES = ['target', 'assignment', 'progress-update'] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/**
 * One append-only record of a write: who, when, what, and the resource before and after.
 * The sequence orders entries written in the same instant.
 */
@Entity('audit_entries')
@Index(['targetId', 'sequence'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment')
  sequence: number;

  @Column({ type: 'varchar', length: 30 })
  entityType: AuditedEntity;

  @Index()
  @Column({ type: 'uuid' })
  entityId: string;

  /** The target the change belongs to, so a target's history is one query. */
  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  /** created, updated, archived, submitted, approved, returned, corrected… */
  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Kept with the entry, so the history reads the same after an account changes. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  actorEmail: string | null;

  /** ISO 8601 UTC, from the application clock. */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;
}
