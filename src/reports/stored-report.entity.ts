import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A generated board pack, kept so the pack a board saw can be downloaded again, byte for byte.
 * The PDF itself is in report storage (`storage` says which), under this id, checked against its
 * SHA-256 on the way out. A stored pack is never changed or removed.
 */
@Entity('stored_reports')
@Index(['strategyId', 'period'])
export class StoredReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  strategyId: string;

  @Column({ type: 'varchar', length: 10 })
  period: string;

  @Column({ type: 'varchar', length: 60 })
  template: string;

  @Column({ type: 'uuid', nullable: true })
  themeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  partnershipId: string | null;

  /** How the pack was narrowed, in words (`Safer Wealden Partnership only`); null for the whole strategy. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  scopeLabel: string | null;

  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'integer' })
  pageCount: number;

  /** Null when generated from the command line. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  createdByEmail: string | null;

  /**
   * Where the bytes are: `database` (report_contents) or `file` (REPORTS_DIR). Rows from before
   * packs moved into the database are files, which is what the default says.
   */
  @Column({ type: 'varchar', length: 10, default: 'file' })
  storage: 'database' | 'file';

  /** ISO 8601 UTC, from the application clock: the date printed in the pack. */
  @Index()
  @Column({ type: 'varchar', length: 30 })
  createdAt: string;
}
