import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** When, and by whom, a row was created and last changed. */
export abstract class Tracked {
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  /** The user who created the row (null for rows written by the system itself). */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;
}

/** Records the acting user on a row about to be written. */
export function stamp<T extends Tracked>(row: T, actor: { id: string } | null): T {
  const id = actor?.id ?? null;
  if (!row.createdAt) row.createdById = id;
  row.updatedById = id;
  return row;
}
