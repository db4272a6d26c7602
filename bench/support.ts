/**
 * Imported first by every benchmark: a quiet, self-contained environment, set before the
 * application's modules read it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const benchDirectory = mkdtempSync(join(tmpdir(), 'scs-bench-'));
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = 'silent';
process.env.JWT_SECRET = 'benchmark-secret-that-is-at-least-32-characters';
process.env.DATABASE_PATH = join(benchDirectory, 'bench.sqlite');
if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;

/**
 * The environment as a user's shell would hand it to a command: taken here, before any module of
 * the application loads, because booting it in this process (ConfigModule) writes every validated
 * default back into process.env, REPORT_RENDER_MODE=local among them, and a child spawned with
 * that would not run as the user's would.
 */
export const launchEnvironment: NodeJS.ProcessEnv = { ...process.env };

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
