/**
 * npm run bench:report-memory
 *
 * Does the server's memory come back down after board packs? The county-scale strategy
 * (300 targets, 11 themes, 12 quarters) is seeded, then the real server (src/main.ts, started as
 * `npm run start:prod` starts it) is asked for the county report 20 times in a row over HTTP, and
 * its resident set size is printed after each one. Target (issue 10): at most 300 MB after 20.
 *
 * Options (environment): REPORTS=20, NODE_OPTIONS for the server (e.g. to try another heap size).
 */
import { benchDirectory } from './support';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { UsersService } from '../src/users/users.service';
import { seedCountyScale } from './county-scale';
import { reportFigure } from './figures';

const LIMIT_MB = 300;

async function main(): Promise<void> {
  const reports = Number(process.env.REPORTS ?? 20);
  let server: ChildProcess | undefined;
  try {
    const context = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const { strategyId, period } = await seedCountyScale(context.get(DataSource), { targets: 300, themes: 11, quarters: 12 });
    const user = await context.get(UsersService).create({
      email: 'bench@example.test',
      name: 'Bench Coordinator',
      role: 'coordinator',
      password: 'bench-password-123',
      partnershipIds: [],
    });
    const token = await context.get(JwtService).signAsync({ sub: user.id, role: user.role });
    await context.close();

    const port = await freePort();
    // The production entry point, as `npm run start:prod` runs it (with the start script's flags).
    server = spawn(process.execPath, [...serverFlags(), join(__dirname, '../src/main.js')], {
      env: { ...process.env, PORT: String(port), REPORTS_DIR: join(benchDirectory, 'reports'), REPORT_WARM_UP: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const startRss = rssMb(server.pid!);
    console.log(`server pid ${server.pid}: ${startRss} MB RSS after start-up (flags: ${serverFlags().join(' ') || 'none'})`);

    const url = `${base}/api/v1/strategies/${strategyId}/reports/quarterly?period=${period}`;
    const figures: number[] = [];
    for (let i = 1; i <= reports; i++) {
      const started = performance.now();
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`report ${i}: HTTP ${res.status}`);
      const rss = rssMb(server.pid!);
      figures.push(rss);
      console.log(`report ${String(i).padStart(2)}: ${(bytes / 1024 / 1024).toFixed(2)} MiB in ${(performance.now() - started).toFixed(0)} ms; server RSS ${rss} MB`);
    }
    const last = figures[figures.length - 1];
    console.log(`after ${reports} reports: ${last} MB RSS (peak ${Math.max(...figures)} MB); limit ${LIMIT_MB} MB: ${last <= LIMIT_MB ? 'ok' : 'OVER'}`);
    reportFigure({
      name: `server RSS after ${reports} county reports`,
      figure: `${last} MB`,
      baseline: `after start-up ${startRss} MB`,
      ratio: last / startRss,
      target: `≤ ${LIMIT_MB} MB`,
      met: last <= LIMIT_MB,
    });
    if (last > LIMIT_MB) process.exitCode = 1;
  } finally {
    server?.kill();
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

/** The node flags of the start script (package.json "start:prod"), so the bench measures what is deployed. */
function serverFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts['start:prod'].split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Resident set size in MB, as the operating system reports it (`ps`, on Linux and macOS). */
function rssMb(pid: number): number {
  return Math.round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url} within 60 s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
