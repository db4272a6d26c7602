import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EnvironmentVariables } from '../config/env.validation';
import { Db } from '../database/transactions';
import type { ReportContent } from './report-content.entity';

export type StorageKind = 'database' | 'file';

/** Where packs were kept before they moved into the database, and still are for the rows that say `file`. */
export const LEGACY_REPORTS_DIR = 'data/reports';

/**
 * Where the bytes of stored packs live. New packs go to the database unless REPORTS_DIR is set;
 * each stored report records where its bytes went, so packs kept before a switch stay readable.
 */
@Injectable()
export class ReportStorage {
  private readonly dir: string;
  /** Where new packs are kept. */
  readonly kind: StorageKind;

  constructor(
    private readonly db: Db,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    const dir = config.get('REPORTS_DIR', { infer: true });
    this.kind = dir ? 'file' : 'database';
    this.dir = resolve(dir ?? LEGACY_REPORTS_DIR);
  }

  /** Joins the caller's transaction: a pack whose bytes failed to store leaves no report row. */
  async save(id: string, bytes: Buffer): Promise<StorageKind> {
    if (this.kind === 'database') {
      await this.db.tx.getRepository<ReportContent>('ReportContent').insert({ reportId: id, pdf: bytes });
      return 'database';
    }
    await mkdir(this.dir, { recursive: true });
    // Write then rename, so a crash never leaves half a PDF under the report's name.
    const path = this.pathOf(id);
    await writeFile(`${path}.partial`, bytes);
    await rename(`${path}.partial`, path);
    return 'file';
  }

  /** The bytes, or null when they are not where the report says. */
  async read(id: string, kind: StorageKind): Promise<Buffer | null> {
    if (kind === 'database') {
      const row = await this.db.tx.getRepository<ReportContent>('ReportContent').findOne({ where: { reportId: id } });
      return row ? Buffer.from(row.pdf) : null;
    }
    return readFile(this.pathOf(id)).catch(() => null);
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.pdf`);
  }
}
