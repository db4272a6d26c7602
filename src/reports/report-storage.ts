import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EnvironmentVariables } from '../config/env.validation';

/** Where generated PDFs live: files named by report id under REPORTS_DIR. */
@Injectable()
export class ReportStorage {
  private readonly dir: string;

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    this.dir = resolve(config.get('REPORTS_DIR', { infer: true }));
  }

  async save(id: string, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Write then rename, so a crash never leaves half a PDF under the report's name.
    const path = this.pathOf(id);
    await writeFile(`${path}.partial`, bytes);
    await rename(`${path}.partial`, path);
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.pathOf(id));
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.pdf`);
  }
}
