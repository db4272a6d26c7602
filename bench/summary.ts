/**
 * npm run bench:summary
 *
 * The summary for a strategy of 300 targets with 8 quarters of approved updates, over HTTP on
 * the embedded SQLite database, or on PostgreSQL with BENCH_DATABASE_URL=postgres://…/an_empty_database:
 * median, 95th percentile and worst of 30 requests after 5 warm-ups.
 */
import { benchDirectory, percentile } from './support';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { NestExpressApplication } from '@nestjs/platform-express';
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { validateEnv } from '../src/config/env.validation';
import { UsersService } from '../src/users/users.service';
import { seedCountyScale } from './county-scale';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: false });
  configureApp(app, validateEnv(process.env));
  await app.listen(0);
  try {
    const seededAt = Date.now();
    const { strategyId, period } = await seedCountyScale(app.get(DataSource), { targets: 300, themes: 11, quarters: 8 });
    console.log(`seeded 300 targets × 8 quarters in ${Date.now() - seededAt} ms (${app.get(DataSource).options.type})`);
    const user = await app.get(UsersService).create({ email: 'bench@example.test', name: 'Bench', role: 'viewer', password: 'bench-password' });
    const token = await app.get(JwtService).signAsync({ sub: user.id, role: 'viewer' });
    const url = `${await app.getUrl()}/api/v1/strategies/${strategyId}/summary?period=${period}`.replace('[::1]', 'localhost');

    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 35; i++) {
      const started = process.hrtime.bigint();
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const body = await res.text();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200) throw new Error(`summary answered ${res.status}: ${body.slice(0, 200)}`);
      bytes = body.length;
      if (i >= 5) times.push(ms);
    }
    const summary = JSON.parse(await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).text());
    console.log(`summary of ${summary.counts.total} targets (${summary.counts.green} green, ${summary.counts.amber} amber, ${summary.counts.red} red, ${summary.counts.noData} no data; ${summary.missingReturns.length} missing returns), ${(bytes / 1024).toFixed(0)} KiB`);
    console.log(`GET summary: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms over ${times.length} requests (target: under 200 ms)`);
  } finally {
    await app.close();
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
