/**
 * Queue mode (issue 11, point 5): two API instances on one PostgreSQL database and one Redis, and
 * one `npm run worker` process started as its own Node.js process. Renders are done by the worker
 * through BullMQ while both instances keep answering /api/health; the worker also computes the
 * summary a pack is drawn from (from the same database), so the instances compute none. The
 * figure (health p99 while a worker renders) comes from `npm run bench:health-under-render -- queue`;
 * this test asserts the behaviour. PostgreSQL only: several instances on one SQLite file is not a
 * supported deployment.
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
import { createHash } from 'node:crypto';
import { SummaryService } from '../src/summary/summary.service';
import { performRender, renderRequest } from '../src/reports/render-pool/render-request';
import type { StoredReportDto } from '../src/reports/dto/report.dto';

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
    // Today, not the tests' usual fixed date: the worker computes summaries on its own (system)
    // clock, and a summary's deadline states depend on the day.
    const now = new Date();
    a = await createTestApp({ now });
    // After the first instance has migrated this file's schema: the worker reads it.
    worker = await startWorker({});
    b = await createTestApp({ now });
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

  const summaryCalls = (t: TestApp) => {
    const summaries = t.app.get(SummaryService);
    return [jest.spyOn(summaries, 'summarise'), jest.spyOn(summaries, 'summariseJson')];
  };

  it('renders on the worker once for both instances while both keep answering /api/health, and neither computes the summary', async () => {
    const active: number[] = [];
    const completed: number[] = [];
    events.on('active', () => active.push(performance.now()));
    events.on('completed', () => completed.push(performance.now()));
    const spies = [...summaryCalls(a), ...summaryCalls(b)];

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

    // The worker loaded and computed the summary: neither instance's main thread did.
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it("draws byte for byte the pack an instance would draw from its own summary, and stores it once", async () => {
    const { body: page } = await a.api().get(`/api/v1/reports?strategyId=${strategyId}&period=${period}`).expect(200);
    const stored = (page as { items: StoredReportDto[] }).items;
    expect(stored).toHaveLength(1);
    const pack = await a.api().get(`/api/v1/reports/${stored[0].id}`).buffer(true).parse(binary).expect(200);

    const summary = await a.app.get(SummaryService).summarise(strategyId, { period });
    const local = await performRender(renderRequest(join(ROOT, 'templates'), 'quarterly-board', summary, { generatedAt: new Date(stored[0].createdAt), language: 'en' }));
    expect(createHash('sha256').update(local).digest('hex')).toBe(stored[0].sha256);
    expect(local.equals(pack.body as Buffer)).toBe(true);
  });

  it('renders again after a write on the other instance, and shares that render too', async () => {
    const url = `/api/v1/strategies/${strategyId}/reports/quarterly?period=${period}`;
    const queue = new Queue(RENDER_QUEUE, { connection: { url: REDIS_URL }, prefix });
    // Jobs in Redis, not QueueEvents: an event may reach this listener after the HTTP answer.
    const finished = async () => new Set((await queue.getJobs(['completed'])).map((job) => job.id));
    try {
      const before = (await b.api().get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
      const jobsBefore = await finished();

      const { body: list } = await a.api().get(`/api/v1/strategies/${strategyId}/targets?pageSize=1`).expect(200);
      const target = (list as { items: { id: string; version: number; title: string }[] }).items[0];
      await a.api().patch(`/api/v1/targets/${target.id}`).send({ version: target.version, title: `${target.title} (renamed)` }).expect(200);

      const after = (await b.api().get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
      expect(after.equals(before)).toBe(false);
      const jobsAfter = await finished();
      expect([...jobsAfter].filter((id) => !jobsBefore.has(id)).length).toBeGreaterThanOrEqual(1);
      // The same request on the other instance, nothing written since: answered from that render.
      const again = (await a.api().get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
      expect(again.equals(after)).toBe(true);
      expect([...(await finished())].filter((id) => !jobsAfter.has(id))).toEqual([]);
    } finally {
      await queue.close();
    }
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
