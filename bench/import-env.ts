/**
 * Imported by bench/import.ts right after ./support and before the application: a step run in
 * a child process works on the orchestrator's database and files, not on a fresh temporary
 * directory of its own (support.ts makes one per process).
 */
import { rmSync } from 'node:fs';
import { benchDirectory } from './support';

if (process.env.BENCH_SQLITE_PATH) {
  process.env.DATABASE_PATH = process.env.BENCH_SQLITE_PATH;
  rmSync(benchDirectory, { recursive: true, force: true });
}

// The import steps run as `npm run import-progress` runs them (src/cli/cli-environment.ts): no
// render thread warming up a board pack beside the import, whose 100 MB would be counted as the
// import's. (A server's standing memory is bench:report-memory's to measure.)
process.env.REPORT_WARM_UP ??= 'false';
