import { buildSummary } from '../../../test/factories/summary.factory';
import type { RenderRequest } from './render-request';
import { renderKey, renderRequest } from './render-request';
import { ReportRenderer } from './report-renderer';

/** A renderer whose renders finish when the test says so, counting how many were started. */
class ControlledRenderer extends ReportRenderer {
  readonly started: { request: RenderRequest; finish: (pdf: Buffer) => void; fail: (e: Error) => void }[] = [];
  constructor() {
    super('/templates');
  }
  protected perform(request: RenderRequest): Promise<Buffer> {
    return new Promise((finish, fail) => this.started.push({ request, finish, fail }));
  }
}

const generatedAt = new Date('2025-10-14T09:30:00Z');

describe('ReportRenderer: identical concurrent requests share one render', () => {
  it('starts one render for identical requests made while it runs, and gives every caller its PDF', async () => {
    const renderer = new ControlledRenderer();
    const summary = buildSummary();
    const calls = Array.from({ length: 5 }, () => renderer.render(structuredClone(summary), 'quarterly-board', { generatedAt }));
    expect(renderer.started).toHaveLength(1);
    expect(renderer.pending).toBe(1);
    renderer.started[0].finish(Buffer.from('%PDF-shared'));
    const pdfs = await Promise.all(calls);
    expect(pdfs.map(String)).toEqual(Array(5).fill('%PDF-shared'));
    expect(renderer.pending).toBe(0);
  });

  it('renders again once the shared render has finished (it is not a cache)', async () => {
    const renderer = new ControlledRenderer();
    const summary = buildSummary();
    const first = renderer.render(summary, 'quarterly-board', { generatedAt });
    renderer.started[0].finish(Buffer.from('one'));
    await first;
    const second = renderer.render(summary, 'quarterly-board', { generatedAt });
    expect(renderer.started).toHaveLength(2);
    renderer.started[1].finish(Buffer.from('two'));
    expect(String(await second)).toBe('two');
  });

  it('does not share between different templates, scopes, dates or summary content', () => {
    const renderer = new ControlledRenderer();
    const summary = buildSummary();
    const changed = structuredClone(summary);
    changed.themes[0].targets[0].title += " (renamed)";
    void renderer.render(summary, 'quarterly-board', { generatedAt });
    void renderer.render(summary, 'partnership', { generatedAt });
    void renderer.render(summary, 'quarterly-board', { generatedAt, scopeLabel: 'Housing only' });
    void renderer.render(summary, 'quarterly-board', { generatedAt: new Date(generatedAt.getTime() + 1000) });
    void renderer.render(changed, 'quarterly-board', { generatedAt });
    expect(renderer.started).toHaveLength(5);
  });

  it('passes a failure to every caller sharing the render, then lets the next request try again', async () => {
    const renderer = new ControlledRenderer();
    const summary = buildSummary();
    const calls = [1, 2].map(() => renderer.render(summary, 'quarterly-board', { generatedAt }));
    renderer.started[0].fail(new Error('font missing'));
    await expect(Promise.all(calls.map((c) => c.catch((e: Error) => e.message)))).resolves.toEqual(['font missing', 'font missing']);
    void renderer.render(summary, 'quarterly-board', { generatedAt });
    expect(renderer.started).toHaveLength(2);
  });
});

describe('renderRequest / renderKey', () => {
  it('is plain data with the date as ISO text, so it crosses a thread or a queue unchanged', () => {
    const request = renderRequest('/t', 'quarterly-board', buildSummary(), { generatedAt, scopeLabel: 'Housing only' });
    expect(request.context).toEqual({ generatedAt: '2025-10-14T09:30:00.000Z', scopeLabel: 'Housing only' });
    expect(JSON.parse(JSON.stringify(request))).toEqual(request);
    expect(renderKey(JSON.parse(JSON.stringify(request)) as RenderRequest)).toBe(renderKey(request));
  });

  it('does not depend on the templates folder, which may differ between an API instance and a worker', () => {
    const summary = buildSummary();
    expect(renderKey(renderRequest('/a', 'quarterly-board', summary, { generatedAt }))).toBe(renderKey(renderRequest('/b', 'quarterly-board', summary, { generatedAt })));
  });
});
