/**
 * npm run bench:national
 *
 * One county strategy inside the national data set against the same strategy alone in a
 * county-only database. The national set (about 5,500 partnerships, 150 strategies, 100,000
 * targets, 2,000,000 approved updates) is written with insertRows (COPY on PostgreSQL, multi-row
 * INSERTs on SQLite; test/factories/bulk-seed.ts),
 * not through the services. Each strategy has targets/150 targets with 20 quarters of returns;
 * the county-only database holds one strategy of the same shape and seed.
 *
 * Engine: PostgreSQL with BENCH_DATABASE_URL=postgres://…/db (each data set in its own scratch
 * schema, dropped afterwards), otherwise SQLite files. Measured in fresh processes, interleaved
 * (county, national, county, national): the summary (SummaryService.summarise, which is also
 * the report's data loading: the pack is drawn from it) for the county strategy, with the summary
 * cache off (SUMMARY_CACHE_SIZE=0: each call loads from the database), median of 20 after 5
 * warm-ups; quoted as national ÷ county-only. Target (issue 11): ≤ 1.2×.
 * Options: NATIONAL_SCALE=1 (0.1 builds a tenth of the national set, to try it quickly).
 */
import { benchDirectory, percentile } from './support';
import './import-env';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { SummaryService } from '../src/summary/summary.service';
import { reportFigure } from './figures';
import { seededRandom, seedPartnerships, seedStrategy } from '../test/factories/bulk-seed';

const SCALE = Number(process.env.NATIONAL_SCALE ?? 1);
const STRATEGIES = Math.max(2, Math.round(150 * SCALE));
const TARGETS_PER_STRATEGY = Math.round(100_000 / 150);
const PARTNERSHIPS = Math.round(5_500 * SCALE);
const QUARTERS = 20;
const PG_URL = process.env.BENCH_DATABASE_URL;

async function main(): Promise<void> {
  const step = process.argv[2];
  if (step === 'seed') return print(await seed(process.argv[3] === 'national'));
  if (step === 'measure') return print(await measure());
  await orchestrate();
}

async function orchestrate(): Promise<void> {
  const engine = PG_URL ? 'postgres' : 'sqlite';
  const sets = ['county', 'national'] as const;
  const envOf = (set: string): NodeJS.ProcessEnv =>
    PG_URL
      ? { ...process.env, DATABASE_URL: PG_URL, DATABASE_SCHEMA: `scs_bench_${set}_${process.pid}` }
      : { ...process.env, BENCH_SQLITE_PATH: join(benchDirectory, `${set}.sqlite`) };
  try {
    const seeded: Record<string, { strategyId: string; period: string; seconds: number; updates: number }> = {};
    for (const set of sets) {
      if (PG_URL) await pg(`DROP SCHEMA IF EXISTS "${envOf(set).DATABASE_SCHEMA}" CASCADE; CREATE SCHEMA "${envOf(set).DATABASE_SCHEMA}"`);
      seeded[set] = child('seed', envOf(set), set);
      console.log(`${engine} ${set}: ${seeded[set].updates.toLocaleString('en-GB')} updates in ${seeded[set].seconds.toFixed(0)} s`);
    }
    const times: Record<string, number[]> = { county: [], national: [] };
    for (let round = 0; round < 2; round++) {
      for (const set of sets) {
        // With the summary cache off: otherwise every call after the first is a cache hit, and
        // what is timed is the cache, not the database (which it did, unnoticed, once the cache came).
        const r = child<{ median: number; p95: number }>('measure', { ...envOf(set), SUMMARY_CACHE_SIZE: '0', BENCH_STRATEGY: seeded[set].strategyId, BENCH_PERIOD: seeded[set].period });
        times[set].push(r.median);
        console.log(`  ${set.padEnd(8)} summary median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
      }
    }
    const median = (xs: number[]) => percentile(xs, 50);
    const ratio = Math.min(...times.national) / Math.min(...times.county);
    console.log(`${engine}: county strategy inside the national set ÷ county-only database, summary (= report data): ${ratio.toFixed(2)}× (best of ${times.county.length} runs each; medians ${median(times.national).toFixed(1)} / ${median(times.county).toFixed(1)} ms); target ≤ 1.2×: ${ratio <= 1.2 ? 'ok' : 'OVER'}`);
    reportFigure({
      name: `county summary inside the national set, ${engine}`,
      figure: `${Math.min(...times.national).toFixed(1)} ms`,
      baseline: `county-only database ${Math.min(...times.county).toFixed(1)} ms`,
      ratio,
      target: '≤ 1.2×',
      met: ratio <= 1.2,
    });
  } finally {
    if (PG_URL) for (const set of sets) await pg(`DROP SCHEMA IF EXISTS "${envOf(set).DATABASE_SCHEMA}" CASCADE`);
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

function child<T>(step: string, env: NodeJS.ProcessEnv, arg = ''): T {
  const out = execFileSync(process.execPath, [__filename, step, arg], { env, stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n');
  return JSON.parse(out[out.length - 1]) as T;
}

function print(value: unknown): void {
  console.log(JSON.stringify(value));
}

async function pg(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The county strategy first (same seed in both sets, so the same rows), then, nationally, the other strategies. */
async function seed(national: boolean) {
  const started = Date.now();
  const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const db = context.get(DataSource);
    const random = seededRandom();
    const [lead] = await seedPartnerships(db.manager, 1, 'County Strategic Partnership', null, 1);
    const partnerships = await seedPartnerships(db.manager, 44, 'County Partnership', lead, 5);
    const county = await db.transaction((m) => seedStrategy(m, { title: 'County Strategy', leadId: lead, partnerships, targets: TARGETS_PER_STRATEGY, quarters: QUARTERS, codePrefix: 'CT', random }));
    let strategies = 1;
    if (national) {
      const others = await seedPartnerships(db.manager, Math.max(0, PARTNERSHIPS - 45), 'Partnership', null, STRATEGIES);
      for (let s = 1; s < STRATEGIES; s++) {
        const own = others.slice((s * 30) % Math.max(1, others.length - 30), ((s * 30) % Math.max(1, others.length - 30)) + 30);
        await db.transaction((m) => seedStrategy(m, { title: `Strategy ${s}`, leadId: own[0], partnerships: own, targets: TARGETS_PER_STRATEGY, quarters: QUARTERS, codePrefix: `S${s}`, random }));
        strategies++;
      }
      // Fresh statistics, as autovacuum would have them on a live database.
      if (db.options.type === 'postgres') await db.query('ANALYZE');
    }
    if (db.options.type !== 'postgres') await db.query('ANALYZE');
    const updates = Number((await db.query('SELECT COUNT(*) AS n FROM "progress_updates"'))[0].n);
    return { strategyId: county.strategyId, period: county.period, strategies, updates, seconds: (Date.now() - started) / 1000 };
  } finally {
    await context.close();
  }
}

async function measure() {
  const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const summary = context.get(SummaryService);
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      await summary.summarise(process.env.BENCH_STRATEGY!, { period: process.env.BENCH_PERIOD! });
      if (i >= 5) times.push(performance.now() - started);
    }
    return { median: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
