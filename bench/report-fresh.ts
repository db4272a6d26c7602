/**
 * npm run bench:report-fresh
 *
 * The county report in a fresh process (issue 11): `npm run report` as a user runs it
 * (dist/cli/main.js report: boot, read, summarise, lay out, draw, store, write the file) against
 * the bare drawing of the same tables and charts (bench/report-fresh-baseline.ts: plain pdfkit,
 * nothing else loaded), both from spawn to exit, with their peak RSS, alternating in this one
 * run. Acceptance: product ≤ 1.5× the baseline's time. BENCH_ROUNDS (default 3).
 */
import { benchDirectory } from './support';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { seedCountyScale } from './county-scale';
import { reportFigure } from './figures';
import { percentile } from './support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REPO = join(__dirname, '..', '..');

interface Run {
  ms: number;
  peakMb: number;
  bytes: number;
}

function run(args: string[], out: string): Run {
  const peakFile = join(benchDirectory, 'peak-rss');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-r', join(__dirname, 'peak-rss.js'), ...args], {
    cwd: REPO,
    env: { ...process.env, BENCH_PEAK_RSS_FILE: peakFile, REPORT_WARM_UP: 'false' },
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr}${child.stdout}`);
  return { ms, peakMb: Number(readFileSync(peakFile, 'utf8')), bytes: statSync(out).size };
}

async function main(): Promise<void> {
  try {
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const { strategyId, period } = await seedCountyScale(app.get(DataSource), { targets: 300, themes: 11, quarters: 12 });
    await app.close();
    const productOut = join(benchDirectory, 'product.pdf');
    const bareOut = join(benchDirectory, 'bare.pdf');
    const product = () => run([join(REPO, 'dist', 'cli', 'main.js'), 'report', '--strategy', strategyId, '--period', period, '--out', productOut], productOut);
    const bare = () => run([join(__dirname, 'report-fresh-baseline.js'), bareOut], bareOut);
    const runs: { product: Run; bare: Run }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so neither always gets the cooler machine.
      const p = round % 2 === 0 ? product() : null;
      const b = bare();
      runs.push({ product: p ?? product(), bare: b });
      const last = runs[runs.length - 1];
      for (const [name, r] of [['product', last.product], ['bare', last.bare]] as const) {
        console.log(`round ${round + 1} ${name.padEnd(7)} ${r.ms.toFixed(0).padStart(5)} ms  peak RSS ${String(r.peakMb).padStart(4)} MB  ${(r.bytes / 1024).toFixed(0)} KiB`);
      }
    }
    const median = (pick: (r: { product: Run; bare: Run }) => number) => percentile(runs.map(pick), 50);
    const time = median((r) => r.product.ms / r.bare.ms);
    const memory = median((r) => r.product.peakMb / r.bare.peakMb);
    console.log(`county report, fresh process: product/bare time ${time.toFixed(2)}×, peak RSS ${memory.toFixed(2)}× (median of ${ROUNDS} rounds; acceptance: time ≤ 1.5×)`);
    reportFigure({
      name: 'county report, fresh process: time',
      figure: `${median((r) => r.product.ms).toFixed(0)} ms`,
      baseline: `bare pdfkit ${median((r) => r.bare.ms).toFixed(0)} ms`,
      ratio: time,
      target: '≤ 1.5×',
      met: time <= 1.5,
    });
    reportFigure({
      name: 'county report, fresh process: peak RSS',
      figure: `${median((r) => r.product.peakMb).toFixed(0)} MB`,
      baseline: `bare pdfkit ${median((r) => r.bare.peakMb).toFixed(0)} MB`,
      ratio: memory,
      target: '(no target; issue: 198 vs 124 MiB)',
      met: true,
    });
  } finally {
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
