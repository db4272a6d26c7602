/**
 * Queue mode (issue 11, point 5): two API instances on one PostgreSQL database and one Redis, and
 * one `npm run worker` process started as its own Node.js process. Renders are done by the worker
 * through BullMQ while both instances keep answering /api/health. The figure (health p99 while a
 * worker renders) comes from `npm run bench:health-under-render -- queue`; this test asserts the
 * behaviour. PostgreSQL only: several instances on one SQLite file is not a supported deployment.
 */
import { QUEUE_PREFIX as prefix, REDIS_URL } from './helpers/queue-env';
import { Queue, QueueEvents } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedCountyScale } from '../bench/county-scale';
import { ServiceUnavailableException } from '@nestjs/common';
import { QueueReportRenderer } from '../src/reports/render-pool/queue-report-renderer';
import { buildSummary } from './factories/summary.factory';
import { RENDER_QUEUE } from '../src/reports/render-pool/render-queue';
import { createTestApp, describeE2E, engine, TestApp } from './helpers/app';

const ROOT = join(__dirname, '..');

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** `npm run worker`, from the TypeScript sources (test/setup/ts-register.js), resolved once it says it is taking renders. */
function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/setup/ts-register.js'), join(ROOT, 'src/worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Report worker taking renders')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before taking renders:\n${out}`)));
  });
}

(engine === 'postgres' ? describeE2E : describe.skip)('board packs rendered by a queue worker for two instances', () => {
  let worker: ChildProcess;
  let a: TestApp;
  let b: TestApp;
  let events: QueueEvents;
  let strategyId: string;
  let period: string;

  beforeAll(async () => {
    worker = await startWorker({});
    a = await createTestApp();
    b = await createTestApp();
    ({ strategyId, period } = await seedCountyScale(a.app.get(DataSource), { targets: 60, themes: 4, quarters: 8 }));
    events = new QueueEvents(RENDER_QUEUE, { connection: { url: REDIS_URL }, prefix });
    await events.waitUntilReady();
  }, 120_000);

  afterAll(async () => {
    await events?.close();
    const queue = new Queue(RENDER_QUEUE, { connection: { url: REDIS_URL }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
    worker?.kill();
    await b?.close({ keepData: true });
    await a?.close();
  });

  it('renders on the worker once for both instances while both keep answering /api/health', async () => {
    const active: number[] = [];
    const completed: number[] = [];
    events.on('active', () => active.push(performance.now()));
    events.on('completed', () => completed.push(performance.now()));

    const url = `/api/v1/strategies/${strategyId}/reports/quarterly?period=${period}`;
    let done = false;
    const reports = Promise.all([a, b].map((t) => t.api().get(url).buffer(true).parse(binary))).finally(() => (done = true));

    const answered: { instance: 'a' | 'b'; at: number; ms: number }[] = [];
    while (!done) {
      for (const [instance, t] of [['a', a], ['b', b]] as const) {
        const started = performance.now();
        await t.http().get('/api/health').expect(200);
        answered.push({ instance, at: performance.now(), ms: performance.now() - started });
      }
    }
    const [fromA, fromB] = await reports;

    expect(fromA.status).toBe(200);
    expect(fromB.status).toBe(200);
    expect((fromA.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((fromA.body as Buffer).equals(fromB.body as Buffer)).toBe(true);
    // The same content asked of two instances at once is one job: its id is the render's key.
    expect(active).toHaveLength(1);
    expect(completed).toHaveLength(1);

    // While the worker had the job, each instance answered health checks.
    const during = answered.filter((h) => h.at > active[0] && h.at < completed[0]);
    expect(during.filter((h) => h.instance === 'a').length).toBeGreaterThanOrEqual(3);
    expect(during.filter((h) => h.instance === 'b').length).toBeGreaterThanOrEqual(3);
  });

  it('answers 503 naming the cause when no worker finishes a render in time', async () => {
    worker.kill();
    await new Promise((resolve) => (worker.exitCode === null ? worker.once('exit', resolve) : resolve(null)));
    const renderer = new QueueReportRenderer({ templatesDir: join(ROOT, 'templates'), redisUrl: REDIS_URL, prefix, timeoutMs: 1500 });
    try {
      const summary = buildSummary();
      const failure = await renderer.render(summary, 'quarterly-board', { generatedAt: new Date() }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ServiceUnavailableException);
      expect((failure as Error).message).toMatch(/No report worker finished the render within 1.5 s.*npm run worker.*prefix "e2e-/);
    } finally {
      await renderer.onModuleDestroy();
    }
  });
});
