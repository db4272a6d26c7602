/**
 * npm run bench:report
 *
 * The county-scale board report: 300 targets, 11 themes, 12 quarters of history. The database is
 * seeded here; reports are then generated in fresh processes (so peak memory is the report's,
 * not the seeding's), end to end through ReportsService: summary, layout, PDF, storage.
 *   cold:   one report in a process whose renderer has never run (as `npm run report` does);
 *   server: as the API serves them, after the start-up warm-up: the first and the median of five more.
 * Targets (issue 5): under 1,500 ms and under 300 MB.
 */
import { benchDirectory } from './support';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { seedCountyScale } from './county-scale';

async function main(): Promise<void> {
  try {
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const seededAt = Date.now();
    const { strategyId, period } = await seedCountyScale(app.get(DataSource), { targets: 300, themes: 11, quarters: 12 });
    await app.close();
    console.log(`seeded 300 targets × 12 quarters in ${Date.now() - seededAt} ms`);
    for (const [mode, warmUp] of [['cold', 'false'], ['server', 'true']]) {
      const env = { ...process.env, REPORT_WARM_UP: warmUp };
      const run = spawnSync(process.execPath, [join(__dirname, 'report-run.js'), mode, strategyId, period], { stdio: 'inherit', env });
      if (run.status !== 0) process.exitCode = run.status ?? 1;
    }
  } finally {
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
