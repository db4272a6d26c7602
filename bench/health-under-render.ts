/**
 * npm run bench:health-under-render            (local: each server renders in its own thread pool)
 * npm run bench:health-under-render -- queue   (two servers and one `npm run worker`, via Redis)
 *
 * Do reports block the API? The county-scale strategy (300 targets, 11 themes, 12 quarters) is
 * seeded, the real server is started as `npm run start:prod` starts it, and `/api/health` is loaded
 * with autocannon twice per round, interleaved: idle (the baseline), then while county reports are
 * requested back to back. Figures: health p99 in each state and the ratio, taken in the same run.
 * Then the server's RSS after 20 county reports in all. Targets (issue 11): p99 under load ≤ 50 ms;
 * RSS ≤ 300 MB after 20 county reports.
 *
 * In queue mode every report request is a real render on the worker: before each one the bench
 * raises the strategy's summary generation in Redis, which is what any write to the strategy does
 * (summary-generations.ts), without the write's own cost. The content stays the same, so no new
 * pack is stored, but the render key changes, so no request is answered from the previous job.
 * BENCH_RENDER=repeat asks for the same pack again instead (after the first, answered from the
 * finished job: what the figures before 1 Dec 07:40 measured).
 *
 * Also, per server: CPU time per report, from a few reports asked after each round with no
 * health load (the figure the machine's load moves least).
 *
 * Options (environment): ROUNDS=2, SECONDS=8 per phase, CONNECTIONS=8, REDIS_URL (queue mode),
 * BENCH_RENDER=fresh|repeat (queue mode), BENCH_PROFILE=<dir> (the servers' CPU profiles,
 * node --cpu-prof, written when they stop).
 */
import { benchDirectory, percentile } from './support';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { UsersService } from '../src/users/users.service';
import { seedCountyScale } from './county-scale';
import { cpuMs } from './process-cpu';
import { freePort, rssMb, startProcess, waitFor } from './server-process';

const P99_LIMIT_MS = 50;
const RSS_LIMIT_MB = 300;
const REPORTS = 20;

/** p99 of each server's /api/health under autocannon. */
async function healthP99(bases: string[], seconds: number, connections: number): Promise<{ p99: number }[]> {
  const results = await Promise.all(bases.map((base) => autocannon({ url: `${base}/api/health`, connections, duration: seconds })));
  for (const r of results) if (r.non2xx > 0 || r.errors > 0) throw new Error(`/api/health: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return results.map((r) => ({ p99: r.latency.p99 }));
}

async function main(): Promise<void> {
  const mode = process.argv[2] === 'queue' ? 'queue' : 'local';
  const rounds = Number(process.env.ROUNDS ?? 2);
  const seconds = Number(process.env.SECONDS ?? 8);
  const connections = Number(process.env.CONNECTIONS ?? 8);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const fresh = mode === 'queue' && process.env.BENCH_RENDER !== 'repeat';
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const children: ChildProcess[] = [];
  let redis: import('ioredis').default | undefined;
  try {
    const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const { strategyId, period } = await seedCountyScale(context.get(DataSource), { targets: 300, themes: 11, quarters: 12 });
    const user = await context.get(UsersService).create({ email: 'bench@example.test', name: 'Bench Coordinator', role: 'coordinator', password: 'bench-password-123', partnershipIds: [] });
    const token = await context.get(JwtService).signAsync({ sub: user.id, role: user.role });
    await context.close();

    const common = { REPORTS_DIR: join(benchDirectory, 'reports'), REPORT_WARM_UP: 'true' };
    const prefix = `bench-${randomBytes(4).toString('hex')}`;
    const queueEnv = mode === 'queue' ? { REDIS_URL: redisUrl, REPORT_RENDER_MODE: 'queue', REPORT_QUEUE_PREFIX: prefix, REDIS_PREFIX: prefix } : { REDIS_URL: '', REPORT_RENDER_MODE: 'local' };
    if (fresh) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { default: IORedis } = require('ioredis') as typeof import('ioredis');
      redis = new IORedis(redisUrl);
    }
    const bases: string[] = [];
    const servers: ChildProcess[] = [];
    for (let i = 0; i < (mode === 'queue' ? 2 : 1); i++) {
      const port = await freePort();
      const server = startProcess('main', { ...common, ...queueEnv, PORT: String(port) }, profile);
      children.push(server);
      servers.push(server);
      bases.push(`http://127.0.0.1:${port}`);
    }
    let worker: ChildProcess | undefined;
    if (mode === 'queue') children.push((worker = startProcess('worker', { ...common, ...queueEnv })));
    await Promise.all(bases.map((base) => waitFor(`${base}/api/health`)));
    console.log(`mode ${mode}: ${servers.length} server(s)${worker ? ' and one worker' : ''}; health load ${connections} connections × ${seconds} s per phase per server`);

    let reports = 0;
    const reportTimes: number[] = [];
    const oneReport = async (base: string) => {
      // As a write to the strategy would: the next summary and render key are new (see the top).
      if (redis) await redis.incr(`${prefix}:summary-generation:strategy:${strategyId}`);
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/strategies/${strategyId}/reports/quarterly?period=${period}`, { headers: { Authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`report: HTTP ${res.status}`);
      reportTimes.push(performance.now() - started);
      reports++;
    };
    // The first report is stored; later ones render again and match it (see ReportsService.generate).
    await oneReport(bases[0]);

    const idle: number[] = [];
    const loaded: number[] = [];
    const cpuPerReport: number[][] = servers.map(() => []);
    const cpu = () => servers.map((s) => cpuMs(s.pid) ?? NaN);
    for (let round = 1; round <= rounds; round++) {
      idle.push(...(await healthP99(bases, seconds, connections)).map((h) => h.p99));
      let rendering = true;
      const renderLoop = (async () => {
        for (let i = 0; rendering; i++) await oneReport(bases[i % bases.length]);
      })();
      loaded.push(...(await healthP99(bases, seconds, connections)).map((h) => h.p99));
      rendering = false;
      await renderLoop;
      // Then reports alone, no health load: each server's CPU per report it answered.
      const start = cpu();
      for (let i = 0; i < 2 * bases.length; i++) await oneReport(bases[i % bases.length]);
      cpu().forEach((c, i) => cpuPerReport[i].push((c - start[i]) / 2));
      console.log(
        `round ${round}: health p99 idle ${idle.slice(-bases.length).join(' / ')} ms, while rendering ${loaded.slice(-bases.length).join(' / ')} ms; ` +
          `server CPU per report ${cpuPerReport.map((r) => r[r.length - 1].toFixed(0)).join(' / ')} ms; ${reports} reports so far`,
      );
    }
    while (reports < REPORTS) await oneReport(bases[reports % bases.length]);

    const idleP99 = percentile(idle, 50);
    const loadedP99 = percentile(loaded, 50);
    if (mode === 'queue' && !fresh) {
      console.log('note (BENCH_RENDER=repeat): identical requests within a minute are answered from the finished BullMQ job (its id is the render key), so the worker renders only the first');
    }
    console.log(`server CPU per report (no health load, median of rounds): ${cpuPerReport.map((r) => percentile(r, 50).toFixed(0)).join(' / ')} ms`);
    console.log(`county report: median ${percentile(reportTimes, 50).toFixed(0)} ms end to end over ${reportTimes.length}`);
    console.log(
      `/api/health p99 (median of ${loaded.length} phases): idle ${idleP99} ms, while county reports render back to back ${loadedP99} ms (worst phase ${Math.max(...loaded)} ms, idle worst ${Math.max(...idle)} ms); ratio ${(loadedP99 / Math.max(idleP99, 1)).toFixed(2)}×; limit ${P99_LIMIT_MS} ms: ${Math.max(...loaded) <= P99_LIMIT_MS ? 'ok' : loadedP99 <= P99_LIMIT_MS ? 'ok (median; worst phase over)' : 'OVER'}`,
    );
    for (const [i, server] of servers.entries()) {
      const rss = rssMb(server.pid!);
      console.log(`server ${i + 1} RSS after ${reports} county reports${mode === 'queue' ? ' (rendered by the worker)' : ''}: ${rss} MB; limit ${RSS_LIMIT_MB} MB: ${rss <= RSS_LIMIT_MB ? 'ok' : 'OVER'}`);
      if (rss > RSS_LIMIT_MB) process.exitCode = 1;
    }
    if (worker) console.log(`worker RSS: ${rssMb(worker.pid!)} MB`);
    if (loadedP99 > P99_LIMIT_MS) process.exitCode = 1;
  } finally {
    redis?.disconnect();
    // Wait for them to stop: a CPU profile (BENCH_PROFILE) is written on the way out.
    await Promise.all(children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill())))));
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
