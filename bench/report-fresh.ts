/**
 * npm run bench:report-fresh
 *
 * The county report in a fresh process (issue 11): `npm run report` as a user runs it
 * (dist/cli/main.js report: boot, read, summarise, lay out, draw, store, write the file) against
 * the bare drawing of the same pack (bench/report-fresh-baseline.ts: the product's own summary,
 * laid out by the same template, drawn with plain pdfkit and the same fonts, nothing else
 * loaded), both from spawn to exit, with their peak RSS, alternating in this one run.
 * Acceptance: product ≤ 1.5× the baseline's time. BENCH_ROUNDS (default 3).
 * A third process draws the same pack with the product's own drawing code (pdfkit-speed.ts's
 * shortcuts), byte for byte the product's pack: product ÷ that is what boot, database, summary
 * and storage add; plain ÷ that is what the shortcuts save. Printed, not an acceptance figure.
 * BENCH_BEFORE_DIST=<another build's dist/> adds that build's `report` command to every round
 * (e.g. an earlier commit's, built elsewhere against this node_modules), for before/after in one run.
 * BENCH_PROFILE=<dir> writes a CPU profile of each product run there (node --cpu-prof).
 */
import { benchDirectory, launchEnvironment } from './support';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { seedCountyScale } from './county-scale';
import { reportFigure } from './figures';
import { writeFileSync } from 'node:fs';
import { StrategiesService } from '../src/strategies/strategies.service';
import { SummaryService } from '../src/summary/summary.service';
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
    env: { ...launchEnvironment, BENCH_PEAK_RSS_FILE: peakFile, REPORT_WARM_UP: 'false' },
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
    // The baseline draws what the product reports on: the same summary, in the strategy's language.
    const summaryFile = join(benchDirectory, 'summary.json');
    const { language } = await app.get(StrategiesService).find(strategyId);
    writeFileSync(summaryFile, JSON.stringify({ summary: await app.get(SummaryService).summarise(strategyId, { period }), language }));
    await app.close();
    const productOut = join(benchDirectory, 'product.pdf');
    const bareOut = join(benchDirectory, 'bare.pdf');
    const drawingOut = join(benchDirectory, 'drawing.pdf');
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    const runners = {
      product: () => run([...profile, join(REPO, 'dist', 'cli', 'main.js'), 'report', '--strategy', strategyId, '--period', period, '--out', productOut], productOut),
      bare: () => run([join(__dirname, 'report-fresh-baseline.js'), summaryFile, bareOut, 'pdfkit'], bareOut),
      drawing: () => run([join(__dirname, 'report-fresh-baseline.js'), summaryFile, drawingOut, 'shortcuts'], drawingOut),
    };
    const beforeDist = process.env.BENCH_BEFORE_DIST;
    const beforeOut = join(benchDirectory, 'before.pdf');
    const before = beforeDist ? () => run([join(beforeDist, 'cli', 'main.js'), 'report', '--strategy', strategyId, '--period', period, '--out', beforeOut], beforeOut) : undefined;
    type Round = Record<keyof typeof runners, Run> & { before?: Run };
    const names = [...Object.keys(runners), ...(before ? ['before'] : [])] as (keyof Round)[];
    const runOne = (name: keyof Round): Run => (name === 'before' ? before!() : runners[name]());
    const runs: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so none always gets the cooler machine.
      const order = names.map((_, i) => names[(i + round) % names.length]);
      const result = Object.fromEntries(order.map((name) => [name, runOne(name)])) as Round;
      runs.push(result);
      for (const name of names) {
        const r = result[name]!;
        console.log(`round ${round + 1} ${name.padEnd(7)} ${r.ms.toFixed(0).padStart(5)} ms  peak RSS ${String(r.peakMb).padStart(4)} MB  ${(r.bytes / 1024).toFixed(0)} KiB`);
      }
    }
    const median = (pick: (r: Round) => number) => percentile(runs.map(pick), 50);
    const time = median((r) => r.product.ms / r.bare.ms);
    const memory = median((r) => r.product.peakMb / r.bare.peakMb);
    console.log(`county report, fresh process: product/bare time ${time.toFixed(2)}×, peak RSS ${memory.toFixed(2)}× (median of ${ROUNDS} rounds; acceptance: time ≤ 1.5×)`);
    console.log(
      `  against the product's own drawing code in a bare process: product ${median((r) => r.product.ms / r.drawing.ms).toFixed(2)}×, ` +
        `plain pdfkit ${median((r) => r.bare.ms / r.drawing.ms).toFixed(2)}× (median ratios)`,
    );
    if (before) {
      console.log(
        `  before (${beforeDist}): before/bare time ${median((r) => r.before!.ms / r.bare.ms).toFixed(2)}×, peak RSS ${median((r) => r.before!.peakMb / r.bare.peakMb).toFixed(2)}×; ` +
          `product/before time ${median((r) => r.product.ms / r.before!.ms).toFixed(2)}× (median ratios)`,
      );
    }
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
