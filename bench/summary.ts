/**
 * npm run bench:summary
 *
 * The warm county summary under load (issue 11: ≥ 200 req/s under 64 connections):
 * `GET /api/v1/strategies/:id/summary?period=…` on the county database (300 targets, 11 themes,
 * 8 quarters of approved updates, SQLite), autocannon with 64 connections, against
 *   - the product as deployed (`node dist/main.js`, summary cache on, the default);
 *   - the same product with SUMMARY_CACHE_SIZE=0 (every request loads and computes: before the cache);
 *   - the bare baseline (bench/bare-json-server.ts): Fastify sending the same JSON bytes from memory.
 * Rounds are interleaved and the order rotates; figures are medians, quoted as ratios of this run.
 * Before measuring, the cached and uncached answers are checked to be the same summary (bar asOf).
 * BENCH_SECONDS and BENCH_ROUNDS shorten or lengthen it.
 */
import { benchDirectory } from './support';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { prepareCountyDatabase } from './county-database';
import { describe, load, LoadResult, median, Server, startProduct, startScript } from './load';
import { reportFigure } from './figures';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const county = await prepareCountyDatabase();
  const cached = await startProduct(county.env);
  const uncached = await startProduct({ ...county.env, SUMMARY_CACHE_SIZE: '0' });
  let bare: Server | undefined;
  try {
    const token = await county.login(cached.url);
    const headers = { Authorization: `Bearer ${token}` };
    const path = `/api/v1/strategies/${county.strategyId}/summary?period=${county.period}`;
    const fromCached = await fetch(cached.url + path, { headers });
    const body = await fromCached.text();
    if (fromCached.status !== 200) throw new Error(`the summary answered ${fromCached.status}: ${body.slice(0, 300)}`);
    const fromUncached = (await (await fetch(uncached.url + path, { headers })).json()) as Record<string, unknown>;
    const parsed = JSON.parse(body) as Record<string, unknown> & { counts: { total: number } };
    if (!isDeepStrictEqual({ ...parsed, asOf: null }, { ...fromUncached, asOf: null })) throw new Error('the cached and uncached products answer different summaries');
    const file = join(benchDirectory, 'summary.json');
    writeFileSync(file, body);
    bare = await startScript('bare-json-server.js', [file]);
    console.log(`summary of ${parsed.counts.total} targets, ${(body.length / 1024).toFixed(0)} KiB; ${ROUNDS} rounds of ${SECONDS} s, 64 connections`);

    const servers = { cached, uncached, bare } as const;
    const measure = (name: keyof typeof servers) =>
      load(servers[name].url + path, { seconds: SECONDS, headers: name === 'bare' ? undefined : headers, server: servers[name].process });
    // Warm-up: the first loads (and the cache's first entry) are not counted.
    for (const name of ['cached', 'uncached', 'bare'] as const) await load(servers[name].url + path, { seconds: 2, headers });
    const runs: Record<keyof typeof servers, LoadResult>[] = [];
    const orders = [
      ['cached', 'uncached', 'bare'],
      ['bare', 'cached', 'uncached'],
      ['uncached', 'bare', 'cached'],
    ] as const;
    for (let round = 0; round < ROUNDS; round++) {
      const run: Partial<Record<keyof typeof servers, LoadResult>> = {};
      for (const name of orders[round % orders.length]) run[name] = await measure(name);
      runs.push(run as Record<keyof typeof servers, LoadResult>);
      for (const name of ['cached', 'uncached', 'bare'] as const) console.log(describe(`round ${round + 1} ${name}`, run[name]!));
    }
    const rps = (name: keyof typeof servers) => median(runs.map((r) => r[name].requestsPerSecond));
    const ratio = (a: keyof typeof servers, b: keyof typeof servers) => median(runs.map((r) => r[a].requestsPerSecond / r[b].requestsPerSecond));
    console.log(`warm county summary: product (cached) ${rps('cached').toFixed(0)} req/s, p50 ${median(runs.map((r) => r.cached.p50))} ms, p99 ${median(runs.map((r) => r.cached.p99))} ms (acceptance ≥ 200 req/s)`);
    console.log(`summary: cached/uncached req/s ${ratio('cached', 'uncached').toFixed(1)}×; cached/bare ${ratio('cached', 'bare').toFixed(2)}; uncached/bare ${ratio('uncached', 'bare').toFixed(3)}`);
    reportFigure({
      name: 'warm county summary req/s, 64 connections',
      figure: `${rps('cached').toFixed(0)} req/s`,
      baseline: `bare, same bytes ${rps('bare').toFixed(0)} req/s`,
      ratio: ratio('cached', 'bare'),
      target: '≥ 200 req/s',
      met: rps('cached') >= 200,
    });
    const cpu = median(runs.map((r) => (r.cached.cpuMsPerRequest ?? NaN) / (r.bare.cpuMsPerRequest ?? NaN)));
    console.log(`summary: CPU per request, cached product/bare ${cpu.toFixed(2)}; uncached/cached ${median(runs.map((r) => (r.uncached.cpuMsPerRequest ?? NaN) / (r.cached.cpuMsPerRequest ?? NaN))).toFixed(1)}`);
  } finally {
    await Promise.all([cached.stop(), uncached.stop(), bare?.stop()]);
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
