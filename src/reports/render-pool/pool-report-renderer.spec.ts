import { join } from 'node:path';
import { buildCountyScaleSummary, buildSummary } from '../../../test/factories/summary.factory';
import { buildReportLayout, renderReportPdf, ReportTemplates } from '../rendering';
import { PoolReportRenderer } from './pool-report-renderer';

const TEMPLATES = join(__dirname, '../../../templates');
const generatedAt = new Date('2025-10-14T09:30:00Z');

/** Runs `work` while a 5 ms timer ticks on this thread; the longest gap between ticks shows how long the thread was blocked. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number; tookMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { result, stallMs: Math.max(stallMs, performance.now() - last), tookMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('PoolReportRenderer (piscina threads)', () => {
  let pool: PoolReportRenderer | undefined;
  afterEach(async () => {
    await pool?.onModuleDestroy();
    pool = undefined;
  });

  it('renders the same bytes as rendering in this thread', async () => {
    pool = new PoolReportRenderer({ templatesDir: TEMPLATES, concurrency: 1 });
    const summary = buildSummary();
    const template = new ReportTemplates(TEMPLATES).get('quarterly-board');
    const here = await renderReportPdf(buildReportLayout(summary, template, { generatedAt, scopeLabel: 'Housing only' }), template);
    const there = await pool.render(summary, 'quarterly-board', { generatedAt, scopeLabel: 'Housing only' });
    expect(there.subarray(0, 5).toString()).toBe('%PDF-');
    expect(there.equals(here)).toBe(true);
  });

  it('keeps this thread free while a county pack renders', async () => {
    pool = new PoolReportRenderer({ templatesDir: TEMPLATES, concurrency: 1 });
    const summary = buildCountyScaleSummary();
    const { result, stallMs, tookMs } = await longestStall(() => pool!.render(summary, 'quarterly-board', { generatedAt }));
    expect(result.length).toBeGreaterThan(100_000);
    // Rendered here, the timer would wait for the whole render.
    expect(stallMs).toBeLessThan(tookMs / 4);
  });

  it('warms up in its threads: the constructor returns at once and this thread keeps running meanwhile', async () => {
    const constructed = await longestStall(async () => (pool = new PoolReportRenderer({ templatesDir: TEMPLATES, concurrency: 1, warmUpTemplate: 'quarterly-board' })));
    const warm = await longestStall(() => constructed.result.ready());
    expect(warm.stallMs).toBeLessThan(warm.tookMs / 4);
    expect(constructed.tookMs).toBeLessThan(warm.tookMs / 4);
  });

  it('starts no thread before startWarmUp, which main.ts calls once the server listens (cold start)', async () => {
    pool = new PoolReportRenderer({ templatesDir: TEMPLATES, concurrency: 1, warmUpTemplate: 'quarterly-board' });
    const threads = () => (pool as unknown as { pool: { threads: unknown[] } }).pool.threads.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(threads()).toBe(0);
    await pool.startWarmUp();
    expect(threads()).toBe(1);
  });

  it('reports an unknown template from the thread as an error, not a crash', async () => {
    pool = new PoolReportRenderer({ templatesDir: TEMPLATES, concurrency: 1 });
    await expect(pool.render(buildSummary(), 'no-such-template', { generatedAt })).rejects.toThrow(/no-such-template/);
  });
});
