/**
 * npm run bench:targets
 *
 * `GET /api/v1/strategies/:id/targets?pageSize=50` under 64 connections (autocannon): the product
 * (`node dist/main.js`, SQLite, a coordinator's token, request logs on as deployed but sent
 * nowhere) against the bare baseline (bench/bare-targets-server.ts: Fastify + better-sqlite3, no
 * auth) on the same county database (300 targets), interleaved in rounds in this one run, after
 * checking both answer the same JSON. Acceptance (issue 11): product ≥ 0.5× bare req/s, product
 * p99 ≤ 5× its p50. The same bare handler on Express is measured too, in the same rounds: what
 * switching the product to Fastify could gain at most. BENCH_SECONDS and BENCH_ROUNDS shorten or
 * lengthen it. BENCH_BEFORE=<directory of another build of the product> measures that build too,
 * in the same rounds (for a before/after: `git archive <commit> | tar -x -C <dir>`, link
 * node_modules, `npm run build` there).
 */
import { benchDirectory } from './support';
import { isDeepStrictEqual } from 'node:util';
import { rmSync } from 'node:fs';
import { prepareCountyDatabase } from './county-database';
import { describe, load, LoadResult, median, startProduct, startScript } from './load';
import { reportFigure } from './figures';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const county = await prepareCountyDatabase();
  // BENCH_NODE_FLAGS="<flags>" adds node flags to the product (not to BENCH_BEFORE): with
  // BENCH_BEFORE=. it compares the same build with and without them.
  const product = await startProduct(county.env, undefined, process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean));
  const before = process.env.BENCH_BEFORE ? await startProduct(county.env, process.env.BENCH_BEFORE) : null;
  const bare = await startScript('bare-targets-server.js', [county.databasePath]);
  // The same bare handler on Express: how much of the gap is the HTTP framework (Fastify or not).
  const bareExpress = await startScript('bare-targets-server.js', [county.databasePath, 'express']);
  try {
    const token = await county.login(product.url);
    const path = `/api/v1/strategies/${county.strategyId}/targets?pageSize=50`;
    const headers = { Authorization: `Bearer ${token}` };
    const fromProduct = (await (await fetch(product.url + path, { headers })).json()) as { items: unknown[]; total: number };
    const fromBare = await (await fetch(bare.url + path)).json();
    const fromBareExpress = await (await fetch(bareExpress.url + path)).json();
    if (before && !isDeepStrictEqual(fromProduct, await (await fetch(before.url + path, { headers })).json())) {
      throw new Error('the product and BENCH_BEFORE disagree');
    }
    if (!isDeepStrictEqual(fromProduct, fromBare) || !isDeepStrictEqual(fromBare, fromBareExpress)) {
      throw new Error(`the bare server and the product disagree:\n${JSON.stringify(fromProduct).slice(0, 600)}\n${JSON.stringify(fromBare).slice(0, 600)}`);
    }
    console.log(`both answer the same ${fromProduct.items.length} of ${fromProduct.total} targets; ${ROUNDS} rounds of ${SECONDS} s each, 64 connections`);
    await load(product.url + path, { seconds: 2, headers });
    await load(bare.url + path, { seconds: 2 });
    await load(bareExpress.url + path, { seconds: 2 });
    if (before) await load(before.url + path, { seconds: 2, headers });
    const runs: { product: LoadResult; bare: LoadResult; express: LoadResult; before: LoadResult | null }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate who goes first, so neither always gets the cooler machine.
      const first = round % 2 === 0;
      const a = first ? await load(product.url + path, { seconds: SECONDS, headers, server: product.process }) : null;
      const b = await load(bare.url + path, { seconds: SECONDS, server: bare.process });
      const p = a ?? (await load(product.url + path, { seconds: SECONDS, headers, server: product.process }));
      const e = await load(bareExpress.url + path, { seconds: SECONDS, server: bareExpress.process });
      const o = before ? await load(before.url + path, { seconds: SECONDS, headers, server: before.process }) : null;
      runs.push({ product: p, bare: b, express: e, before: o });
      if (o) console.log(describe(`round ${round + 1} BENCH_BEFORE`, o));
      console.log(describe(`round ${round + 1} product`, p));
      console.log(describe(`round ${round + 1} bare`, b));
      console.log(describe(`round ${round + 1} bare on Express`, e));
    }
    const ratio = median(runs.map((r) => r.product.requestsPerSecond / r.bare.requestsPerSecond));
    const tail = median(runs.map((r) => r.product.p99 / Math.max(r.product.p50, 1)));
    console.log(`target list: product/bare req/s ${ratio.toFixed(2)} (median of ${ROUNDS} rounds; acceptance ≥ 0.5)`);
    const cpu = median(runs.map((r) => (r.product.cpuMsPerRequest ?? NaN) / (r.bare.cpuMsPerRequest ?? NaN)));
    console.log(`target list: CPU per request, product/bare ${cpu.toFixed(2)} (the machine's load does not move this one)`);
    console.log(`target list: product p99/p50 ${tail.toFixed(1)} (acceptance ≤ 5)`);
    const framework = median(runs.map((r) => r.express.requestsPerSecond / r.bare.requestsPerSecond));
    console.log(`target list: bare handler on Express / on Fastify req/s ${framework.toFixed(2)} (what a switch to Fastify could gain at most)`);
    if (before) {
      const then = median(runs.map((r) => r.before!.requestsPerSecond / r.bare.requestsPerSecond));
      const thenCpu = median(runs.map((r) => (r.before!.cpuMsPerRequest ?? NaN) / (r.bare.cpuMsPerRequest ?? NaN)));
      console.log(`target list: BENCH_BEFORE/bare req/s ${then.toFixed(2)}, CPU per request ${thenCpu.toFixed(2)} (same rounds)`);
    }
    const productRps = median(runs.map((r) => r.product.requestsPerSecond));
    const bareRps = median(runs.map((r) => r.bare.requestsPerSecond));
    reportFigure({ name: 'target list req/s, 64 connections', figure: `${productRps.toFixed(0)} req/s`, baseline: `bare ${bareRps.toFixed(0)} req/s`, ratio: ratio, target: '≥ 0.5×', met: ratio >= 0.5 });
    const p50 = median(runs.map((r) => r.product.p50));
    const p99 = median(runs.map((r) => r.product.p99));
    reportFigure({ name: 'target list p99 ÷ p50', figure: `p99 ${p99} ms`, baseline: `own p50 ${p50} ms`, ratio: tail, target: '≤ 5', met: tail <= 5 });
  } finally {
    await Promise.all([product.stop(), bare.stop(), bareExpress.stop(), before?.stop()]);
    rmSync(benchDirectory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
