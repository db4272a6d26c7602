/**
 * npm run bench:import
 *
 * The returns import at 100,000 rows (10,000 targets × 10 quarters, with commentary), on the
 * embedded SQLite database and on PostgreSQL (BENCH_DATABASE_URL, default the local `test`
 * database, in a scratch schema; skipped with a note when unreachable). Each step runs in a
 * fresh process, so peak RSS is that step's alone:
 *
 *   bare       read the same file with csv-parse, look the codes up in one query, and insert the
 *              same rows with the bare driver (better-sqlite3 / pg) in 1,000-row statements inside
 *              one transaction, rolled back: what the work costs with no framework and no checks
 *   import     ReturnsService.importReturns, as the API and `npm run import-progress` call it
 *              (validation, access checks, 100,000 new updates and 100,000 history entries),
 *              with the server's node flags (`start:prod`: --max-old-space-size=256)
 *   re-import  the same file with every figure changed: 100,000 updates changed in place
 *
 * Steps run interleaved (bare, import, bare, re-import) and each import is quoted as a ratio
 * to the mean of the bare runs. Targets (issue 11): ≤ 10 s and ≤ 300 MB for 100,000 rows.
 * Options (environment): ROWS_TARGETS=10000, ENGINES=sqlite,postgres, BENCH_MEMORY_TRACE=1 (see traceMemory),
 * BENCH_PROFILE=<dir> (a CPU profile of each import and re-import step, node --cpu-prof, written there).
 */
import { benchDirectory } from './support';
import './import-env';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { addQuarters, periodsBetween } from '../src/domain/period';
import { ReturnsService } from '../src/returns/returns.service';
import { toActor } from '../src/users/user.mapper';
import { UsersService } from '../src/users/users.service';
import { BASELINE_PERIOD, seededRandom, seedPartnerships, seedStrategy } from '../test/factories/bulk-seed';
import { reportFigure } from './figures';
import { cpuMs } from './process-cpu';

const QUARTERS = 10;
const LIMIT_S = 10;
const LIMIT_MB = 300;
const EMAIL = 'importer@example.test';
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Seeded {
  strategyId: string;
  file: string;
  rows: number;
}

interface StepResult {
  ms: number;
  peakMb: number;
  note: string;
  /** CPU time of this process during the step (user + system). */
  cpuMs: number;
  /** CPU time of the PostgreSQL server processes serving it (0 on SQLite, which runs in the process). */
  dbCpuMs: number;
}

async function main(): Promise<void> {
  const step = process.argv[2];
  if (step === 'seed') return print(await seed());
  if (step === 'import' || step === 're-import') return print(await runImport(step));
  if (step === 'bare') return print(await bare());
  await orchestrate();
}

async function orchestrate(): Promise<void> {
  const engines = (process.env.ENGINES ?? 'sqlite,postgres').split(',');
  try {
    for (const engine of engines) {
      const schema = `scs_bench_import_${process.pid}`;
      const env: NodeJS.ProcessEnv =
        engine === 'postgres'
          ? { ...process.env, DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, BENCH_DATABASE_URL: PG_URL }
          : { ...process.env, DATABASE_URL: '', BENCH_DATABASE_URL: '', BENCH_SQLITE_PATH: join(benchDirectory, 'import.sqlite') };
      if (engine === 'postgres' && !(await resetSchema(schema))) {
        console.log('postgres: not reachable, skipped');
        continue;
      }
      env.BENCH_FILE_DIRECTORY = benchDirectory;
      try {
        const seeded = child<Seeded>('seed', env);
        const stepEnv = { ...env, BENCH_STRATEGY: seeded.strategyId, BENCH_FILE: seeded.file };
        console.log(`${engine}: ${seeded.rows.toLocaleString('en-GB')} rows seeded`);
        const bare1 = child<StepResult>('bare', stepEnv);
        const first = child<StepResult>('import', stepEnv);
        const bare2 = child<StepResult>('bare', stepEnv);
        const second = child<StepResult>('re-import', stepEnv);
        const bareMs = (bare1.ms + bare2.ms) / 2;
        const barePeak = Math.max(bare1.peakMb, bare2.peakMb);
        const bareCpu = (bare1.cpuMs + bare1.dbCpuMs + bare2.cpuMs + bare2.dbCpuMs) / 2;
        for (const [name, r] of [['bare', bare1], ['import', first], ['bare', bare2], ['re-import', second]] as const) {
          console.log(
            `  ${name.padEnd(9)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${String(r.peakMb).padStart(4)} MB  ` +
              `CPU ${(r.cpuMs / 1000).toFixed(2)} s node + ${(r.dbCpuMs / 1000).toFixed(2)} s database  ${r.note}`,
          );
        }
        // CPU seconds are what a loaded machine does not move much (wall time waits for other work).
        for (const [name, r] of [['import', first], ['re-import', second]] as const) {
          console.log(`  ${engine} ${name}: ${((r.cpuMs + r.dbCpuMs) / bareCpu).toFixed(2)}× the bare CPU time (node + database)`);
        }
        for (const [name, r] of [['import', first], ['re-import', second]] as const) {
          const ok = r.ms <= LIMIT_S * 1000 && r.peakMb <= LIMIT_MB;
          console.log(
            `  ${engine} ${name}: ${(r.ms / bareMs).toFixed(2)}× the bare time, ${(r.peakMb / barePeak).toFixed(2)}× its peak RSS; ` +
              `${(r.ms / 1000).toFixed(1)} s ≤ ${LIMIT_S} s and ${r.peakMb} MB ≤ ${LIMIT_MB} MB: ${ok ? 'ok' : 'OVER'}`,
          );
          reportFigure({
            name: `CSV ${name}, 100,000 rows, ${engine}: time`,
            figure: `${(r.ms / 1000).toFixed(1)} s`,
            baseline: `bare ${(bareMs / 1000).toFixed(1)} s`,
            ratio: r.ms / bareMs,
            target: `≤ ${LIMIT_S} s`,
            met: r.ms <= LIMIT_S * 1000,
          });
          reportFigure({
            name: `CSV ${name}, 100,000 rows, ${engine}: peak RSS`,
            figure: `${r.peakMb} MB`,
            baseline: `bare ${barePeak} MB`,
            ratio: r.peakMb / barePeak,
            target: `≤ ${LIMIT_MB} MB`,
            met: r.peakMb <= LIMIT_MB,
          });
          if (!ok) process.exitCode = 1;
        }
      } finally {
        if (engine === 'postgres') await dropSchema(schema);
      }
    }
  } finally {
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

/** A step in a fresh node process; its last stdout line is its JSON result. */
function child<T>(step: string, env: NodeJS.ProcessEnv): T {
  // The imports run with the server's node flags (package.json "start:prod": a 256 MB heap), as deployed.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const flags = step.includes('import') ? [...serverFlags(), ...profile] : [];
  const out = execFileSync(process.execPath, [...flags, __filename, step], { env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 }).toString().trim().split('\n');
  return JSON.parse(out[out.length - 1]) as T;
}

function serverFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts['start:prod'].split(/\s+/).filter((word) => word.startsWith('--'));
}

function print(value: unknown): void {
  console.log(JSON.stringify(value));
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function seed(): Promise<Seeded> {
  const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const targets = Number(process.env.ROWS_TARGETS ?? 10_000);
    const seeded = await context.get(DataSource).transaction(async (m) => {
      const [lead] = await seedPartnerships(m, 1, 'Lead Partnership', null, 1);
      const partnerships = await seedPartnerships(m, 20, 'Delivery Partnership', lead);
      return seedStrategy(m, { title: 'Import Bench Strategy', leadId: lead, partnerships, targets, quarters: QUARTERS, codePrefix: 'IM', random: seededRandom(), returns: false });
    });
    await context.get(UsersService).create({ email: EMAIL, name: 'Import Coordinator', role: 'coordinator', password: 'bench-password-123', partnershipIds: [] });
    const periods = periodsBetween(addQuarters(BASELINE_PERIOD, 1), addQuarters(BASELINE_PERIOD, QUARTERS));
    const lines = ['code,period,value,commentary,risks,next_actions'];
    seeded.codes.forEach((code, i) => {
      for (const [q, period] of periods.entries()) {
        lines.push(`${code},${period},${100 + i + q},"Return for ${code} in ${period}, delivery on track with partners",,Review at the next board`);
      }
    });
    const file = join(process.env.BENCH_FILE_DIRECTORY!, 'returns.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    return { strategyId: seeded.strategyId, file, rows: lines.length - 1 };
  } finally {
    await context.close();
  }
}

async function runImport(step: string): Promise<StepResult> {
  const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const user = await context.get(UsersService).findActiveByEmail(EMAIL);
    let text = readFileSync(process.env.BENCH_FILE!, 'utf8');
    // Every figure changed, so the re-import writes all 100,000 rows again as updates.
    if (step === 're-import') text = text.replace(/^([^,\n]+,[^,\n]+,)(\d+)/gm, (_, head: string, value: string) => `${head}${Number(value) + 1}`);
    const bytes = Buffer.from(text);
    text = '';
    const before = peakMb();
    const trace = process.env.BENCH_MEMORY_TRACE ? traceMemory(step) : null;
    const dataSource = context.get(DataSource);
    const dbBefore = new Map(poolBackends(dataSource).map((pid) => [pid, cpuMs(pid)]));
    const gc = garbageCollections();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await context.get(ReturnsService).importReturns(process.env.BENCH_STRATEGY!, { format: 'csv', bytes }, false, toActor(user!));
    const ms = performance.now() - started;
    const processCpuMs = cpuSince(cpu);
    const collected = await gc();
    // The pool's backends now (one may have opened during the import), each against its start.
    let dbCpuMs = 0;
    for (const pid of poolBackends(dataSource)) {
      const now = cpuMs(pid);
      if (now !== null) dbCpuMs += now - (dbBefore.get(pid) ?? 0);
    }
    trace?.();
    return {
      ms,
      peakMb: peakMb(),
      cpuMs: processCpuMs,
      dbCpuMs,
      note: `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged (RSS peak ${before} MB before the import; ${collected})`,
    };
  } finally {
    await context.close();
  }
}

/**
 * BENCH_MEMORY_TRACE=1: where the import's memory goes, on stderr: process.memoryUsage() every
 * 100 ms while it runs (heap, external, array buffers, RSS), then the sample with the highest RSS.
 */
function traceMemory(step: string): () => void {
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const started = performance.now();
  let top: NodeJS.MemoryUsage & { at: number } = { ...process.memoryUsage(), at: 0 };
  const timer = setInterval(() => {
    const now = { ...process.memoryUsage(), at: Math.round(performance.now() - started) };
    console.error(`  ${step} ${now.at} ms: rss ${mb(now.rss)} heap ${mb(now.heapUsed)}/${mb(now.heapTotal)} external ${mb(now.external)} arrayBuffers ${mb(now.arrayBuffers)} MB`);
    if (now.rss > top.rss) top = now;
  }, 100);
  return () => {
    clearInterval(timer);
    console.error(`  ${step} highest RSS ${mb(top.rss)} MB at ${top.at} ms: heap ${mb(top.heapUsed)}/${mb(top.heapTotal)}, external ${mb(top.external)} MB`);
  };
}

/** The same work with bare parts: csv-parse, one lookup of the codes, batched inserts, one transaction (rolled back). */
async function bare(): Promise<StepResult> {
  const { parse } = await import('csv-parse/sync');
  const strategyId = process.env.BENCH_STRATEGY!;
  const cpu = process.cpuUsage();
  let dbCpuMs = 0;
  const started = performance.now();
  const records = parse(readFileSync(process.env.BENCH_FILE!), { columns: true, bom: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
  const now = new Date().toISOString();
  const rowOf = (r: Record<string, string>, targetId: string) => [randomUUID(), targetId, strategyId, r.period, Number(r.value), r.commentary || null, r.risks || null, r.next_actions || null, 'submitted', now, 1];
  const columns = '"id", "targetId", "strategyId", "period", "value", "commentary", "risks", "nextActions", "status", "submittedAt", "version"';
  let stored = 0;
  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: PG_URL, options: `-c search_path=${process.env.DATABASE_SCHEMA}` });
    await client.connect();
    const backend = (client as unknown as { processID: number }).processID;
    const dbBefore = cpuMs(backend) ?? 0;
    try {
      await client.query('BEGIN');
      // A scratch copy of the table with all its indexes, so the bare run can repeat after the import has filled the real one.
      await client.query('CREATE TEMP TABLE "bare_progress_updates" (LIKE "progress_updates" INCLUDING ALL)');
      const ids = new Map((await client.query<{ id: string; code: string }>('SELECT "id", "code" FROM "targets" WHERE "strategyId" = $1', [strategyId])).rows.map((t) => [t.code, t.id]));
      for (let start = 0; start < records.length; start += 1000) {
        const values: unknown[] = [];
        const tuples = records.slice(start, start + 1000).map((r) => {
          const row = rowOf(r, ids.get(r.code)!);
          const base = values.length;
          values.push(...row);
          return `(${row.map((_, i) => `$${base + i + 1}`).join(', ')})`;
        });
        stored += (await client.query(`INSERT INTO "bare_progress_updates" (${columns}) VALUES ${tuples.join(', ')}`, values)).rowCount ?? 0;
      }
      await client.query('ROLLBACK');
      dbCpuMs = (cpuMs(backend) ?? dbBefore) - dbBefore;
    } finally {
      await client.end();
    }
  } else {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(process.env.BENCH_SQLITE_PATH!);
    try {
      db.exec('BEGIN');
      // A scratch copy of the table with all its indexes, so the bare run can repeat after the import has filled the real one.
      for (const { sql } of db.prepare(`SELECT "sql" FROM sqlite_master WHERE "tbl_name" = 'progress_updates' AND "sql" IS NOT NULL ORDER BY "type" DESC`).all() as { sql: string }[]) {
        db.exec(sql.replace(/"progress_updates"/g, '"bare_progress_updates"').replace(/INDEX "/, 'INDEX "bare_').replace(/CONSTRAINT "/g, 'CONSTRAINT "bare_'));
      }
      const ids = new Map((db.prepare('SELECT "id", "code" FROM "targets" WHERE "strategyId" = ?').all(strategyId) as { id: string; code: string }[]).map((t) => [t.code, t.id]));
      const insert = db.prepare(`INSERT INTO "bare_progress_updates" (${columns}) VALUES ${Array.from({ length: 1000 }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
      for (let start = 0; start < records.length; start += 1000) {
        const slice = records.slice(start, start + 1000);
        if (slice.length < 1000) {
          for (const r of slice) stored += db.prepare(`INSERT INTO "bare_progress_updates" (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...rowOf(r, ids.get(r.code)!)).changes;
        } else {
          stored += insert.run(...slice.flatMap((r) => rowOf(r, ids.get(r.code)!))).changes;
        }
      }
      db.exec('ROLLBACK');
    } finally {
      db.close();
    }
  }
  const ms = performance.now() - started;
  return { ms, peakMb: peakMb(), cpuMs: cpuSince(cpu), dbCpuMs, note: `${stored} rows inserted and rolled back` };
}

/**
 * The garbage collections from now until the returned function is called: how many young- and
 * old-generation collections, and their pause time. The number of young collections follows what
 * the import allocates, and moves much less than CPU time with the machine's load.
 */
function garbageCollections(): () => Promise<string> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return async () => {
    // GC entries are delivered asynchronously: let the last ones arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    const kind = (e: PerformanceEntry) => ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind;
    const minor = entries.filter((e) => kind(e) === perfConstants.NODE_PERFORMANCE_GC_MINOR);
    const major = entries.filter((e) => kind(e) === perfConstants.NODE_PERFORMANCE_GC_MAJOR);
    const pause = entries.reduce((sum, e) => sum + e.duration, 0);
    return `GC: ${minor.length} young, ${major.length} full, ${(pause / 1000).toFixed(2)} s paused`;
  };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** The process ids of the PostgreSQL backends behind the data source's pool (none on SQLite). */
function poolBackends(dataSource: DataSource): number[] {
  const pool = (dataSource.driver as unknown as { master?: { _clients?: { processID?: number }[] } }).master;
  return (pool?._clients ?? []).map((c) => c.processID).filter((pid): pid is number => typeof pid === 'number');
}

async function withPg<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function resetSchema(schema: string): Promise<boolean> {
  try {
    await withPg(async (c) => {
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.query(`CREATE SCHEMA "${schema}"`);
    });
    return true;
  } catch {
    return false;
  }
}

const dropSchema = (schema: string) => withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
