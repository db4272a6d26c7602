import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { buildSummary } from '../../../test/factories/summary.factory';
import { buildReportLayout, renderReportPdf, ReportTemplates } from '../rendering';
import { InlineReportRenderer } from './inline-report-renderer';
import { PoolReportRenderer } from './pool-report-renderer';
import { reportRendererProvider } from './report-renderer.provider';
import type { ReportRenderer } from './report-renderer';

const TEMPLATES = join(__dirname, '../../../templates');
const generatedAt = new Date('2025-10-14T09:30:00Z');

/** The longest gap between ticks of a 1 ms timer on this thread while `work` runs. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number; tookMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const result = await work();
    return { result, stallMs: Math.max(stallMs, performance.now() - last), tookMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

function providedRenderer(env: Record<string, unknown>): ReportRenderer {
  const config = { get: (key: string) => ({ TEMPLATES_DIR: TEMPLATES, REPORT_CONCURRENCY: 1, REPORT_WARM_UP: false, ...env })[key] };
  const factory = (reportRendererProvider as { useFactory: (c: ConfigService) => ReportRenderer }).useFactory;
  return factory(config as unknown as ConfigService);
}

describe('InlineReportRenderer (REPORT_RENDER_MODE=inline, the command line)', () => {
  it('renders the same bytes as the render threads do', async () => {
    const pool = new PoolReportRenderer({ templatesDir: TEMPLATES, concurrency: 1 });
    try {
      const summary = buildSummary();
      const context = { generatedAt, scopeLabel: 'Housing only' };
      const inline = await new InlineReportRenderer(TEMPLATES).render(summary, 'quarterly-board', context);
      const template = new ReportTemplates(TEMPLATES).get('quarterly-board');
      expect(inline.subarray(0, 5).toString()).toBe('%PDF-');
      expect(inline.equals(await renderReportPdf(buildReportLayout(summary, template, context), template))).toBe(true);
      expect(inline.equals(await pool.render(summary, 'quarterly-board', context))).toBe(true);
    } finally {
      await pool.onModuleDestroy();
    }
  });

  it('draws on the calling thread: this thread does nothing else until the pack is made', async () => {
    const renderer = new InlineReportRenderer(TEMPLATES);
    const { result, stallMs, tookMs } = await longestStall(() => renderer.render(buildSummary(), 'quarterly-board', { generatedAt }));
    expect(result.length).toBeGreaterThan(10_000);
    // In a thread, the timer would tick throughout (pool-report-renderer.spec.ts: stall < a quarter).
    expect(stallMs).toBeGreaterThan(tookMs / 2);
  });

  it('shares one render between identical requests made at once, as every renderer does', async () => {
    const renderer = new InlineReportRenderer(TEMPLATES);
    const summary = buildSummary();
    const [a, b] = [renderer.render(summary, 'quarterly-board', { generatedAt }), renderer.render(structuredClone(summary), 'quarterly-board', { generatedAt })];
    expect(renderer.pending).toBe(1);
    expect((await a) === (await b)).toBe(true);
  });

  it('is what REPORT_RENDER_MODE=inline provides, even with Redis; local still gives the thread pool', async () => {
    expect(providedRenderer({ REPORT_RENDER_MODE: 'inline' })).toBeInstanceOf(InlineReportRenderer);
    expect(providedRenderer({ REPORT_RENDER_MODE: 'inline', REDIS_URL: 'redis://127.0.0.1:6379' })).toBeInstanceOf(InlineReportRenderer);
    const local = providedRenderer({ REPORT_RENDER_MODE: 'local' });
    expect(local).toBeInstanceOf(PoolReportRenderer);
    await (local as PoolReportRenderer).onModuleDestroy();
  });
});
