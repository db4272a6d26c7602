/**
 * npm run bench:cold-start
 *
 * Cold start to ready (issue 11: ≤ 1.5 s; the issue measured 4.9 s against a bare server's
 * 0.58 s): the time from spawning the process to its first 200 from GET /api/health/ready, for
 *   - the product as deployed (`node --max-old-space-size=256 dist/main.js`, SQLite, a migrated
 *     database holding the county strategy: 300 targets, 8 quarters of updates);
 *   - the bare baseline (bench/bare-health-server.ts): Fastify + better-sqlite3 on the same file.
 * Runs alternate product/bare, BENCH_RUNS each (default 7); medians, and their ratio.
 * BENCH_PROFILE=<dir> writes the product's CPU profile of each start (node --cpu-prof).
 * BENCH_NODE_FLAGS="<flags>" adds node flags to the product's (not to BENCH_BEFORE's): with
 * BENCH_BEFORE=. it compares the same build with and without them.
 * BENCH_BEFORE=<directory of another build of the product> times that build too, in the same
 * interleaved runs (for a before/after: `git archive <commit> | tar -x -C <dir>`, link
 * node_modules, `npm run build` there).
 */
import { benchDirectory } from './support';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { prepareCountyDatabase } from './county-database';
import { freePort, median, REPO } from './load';
import { serverFlags } from './server-process';
import { reportFigure } from './figures';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Milliseconds from spawn to the first 200 from /api/health/ready; then the process is stopped. */
async function coldStart(args: string[], env: Record<string, string>, cwd = REPO): Promise<number> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...args, String(port)], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode} before it was ready`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
        if (res.status === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${args.join(' ')} was not ready within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

async function main(): Promise<void> {
  const county = await prepareCountyDatabase();
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // The product: main.js takes its port from PORT, so the trailing argument is ignored by it.
  const productEnv = { ...county.env, NODE_ENV: 'production', LOG_LEVEL: 'info', SESSION_SECRET: 'benchmark-session-secret-at-least-32-chars' };
  const extraFlags = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const product = () => coldStart([...profile, ...serverFlags(), ...extraFlags, join(REPO, 'dist', 'main.js')], productEnv);
  const beforeDir = process.env.BENCH_BEFORE;
  const before = beforeDir ? () => coldStart([...serverFlags(), join(beforeDir, 'dist', 'main.js')], productEnv, beforeDir) : null;
  const bare = () => coldStart([join(REPO, 'dist-bench', 'bench', 'bare-health-server.js'), county.databasePath], {});
  const times = { product: [] as number[], bare: [] as number[], before: [] as number[] };
  try {
    // One of each first, not counted: the files are then in the page cache for every counted run.
    await product();
    await bare();
    await before?.();
    for (let run = 0; run < RUNS; run++) {
      const first = run % 2 === 0;
      if (first) times.product.push(await product());
      times.bare.push(await bare());
      if (before) times.before.push(await before());
      if (!first) times.product.push(await product());
      const was = before ? `, before ${times.before.at(-1)!.toFixed(0)} ms` : '';
      console.log(`run ${run + 1}: product ${times.product.at(-1)!.toFixed(0)} ms, bare ${times.bare.at(-1)!.toFixed(0)} ms${was}`);
    }
    const p = median(times.product);
    const b = median(times.bare);
    console.log(`cold start to ready: product median ${(p / 1000).toFixed(2)} s, bare ${(b / 1000).toFixed(2)} s, ratio ${(p / b).toFixed(2)} (${RUNS} interleaved runs; acceptance ≤ 1.5 s)`);
    reportFigure({ name: 'cold start to ready', figure: `${(p / 1000).toFixed(2)} s`, baseline: `bare ${(b / 1000).toFixed(2)} s`, ratio: p / b, target: '≤ 1.5 s', met: p <= 1500 });
    if (before) {
      const w = median(times.before);
      console.log(`before (${beforeDir}): median ${(w / 1000).toFixed(2)} s, ratio to bare ${(w / b).toFixed(2)}; product/before ${(p / w).toFixed(2)}`);
    }
  } finally {
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
