import { EntitySchema } from 'typeorm';
import type { DatabaseEngine } from '../database/data-source-options';

/** The bytes of a pack kept in the database, one row per stored report. */
export interface ReportContent {
  reportId: string;
  pdf: Buffer;
}

/**
 * Kept apart from `stored_reports` so listing packs never reads their bytes. The column is a
 * blob on SQLite and bytea on PostgreSQL; TypeORM has no type that is both, so the schema is
 * built for the engine in hand (every data source registers exactly one of the two).
 */
export function reportContentSchema(engine: DatabaseEngine): EntitySchema<ReportContent> {
  return new EntitySchema<ReportContent>({
    name: 'ReportContent',
    tableName: 'report_contents',
    columns: {
      reportId: { type: 'uuid', primary: true },
      pdf: { type: engine === 'postgres' ? 'bytea' : 'blob' },
    },
  });
}
