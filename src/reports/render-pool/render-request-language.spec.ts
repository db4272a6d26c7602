import { join } from 'node:path';
import { buildSummary } from '../../../test/factories/summary.factory';
import { performRender, renderKey, renderRequest } from './render-request';

const templatesDir = join(__dirname, '../../../templates');
const generatedAt = new Date('2025-10-14T09:30:00Z');

// The pack's language must cross to a render thread (structured clone) or a BullMQ worker (JSON) with the request.
describe('a render request carries the pack’s language', () => {
  const summary = buildSummary();
  const welsh = renderRequest(templatesDir, 'quarterly-board', summary, { generatedAt, language: 'cy' });
  const english = renderRequest(templatesDir, 'quarterly-board', summary, { generatedAt, language: 'en' });

  it('keeps it through the JSON a queue job is stored as, and keys Welsh and English renders apart', () => {
    expect((JSON.parse(JSON.stringify(welsh)) as typeof welsh).context.language).toBe('cy');
    expect(renderKey(welsh)).not.toBe(renderKey(english));
  });

  it('renders the pack in that language where the request is performed', async () => {
    const pdf = (request: typeof welsh) => performRender(JSON.parse(JSON.stringify(request)) as typeof welsh).then((b) => Buffer.from(b).toString('latin1'));
    const [cy, en] = await Promise.all([pdf(welsh), pdf(english)]);
    expect(cy).toContain('/Lang (cy)');
    expect(en).toContain('/Lang (en-GB)');
  }, 60_000);
});

// Identical requests share one render, and refreshes re-use the stored pack, only if the moment of
// the request (the summary's asOf) changes neither the key nor the bytes.
describe('the moment of the request', () => {
  const summary = buildSummary();
  const at = (asOf: string) => renderRequest(templatesDir, 'quarterly-board', { ...summary, asOf }, { generatedAt });
  const first = at('2025-10-14T09:30:00.001Z');
  const later = at('2025-10-14T17:45:12.345Z');

  it('is not part of the render key, while the figures are', () => {
    expect(renderKey(later)).toBe(renderKey(first));
    const changed = renderRequest(templatesDir, 'quarterly-board', { ...summary, asOf: first.summary.asOf, periodLabel: summary.periodLabel + ' (revised)' }, { generatedAt });
    expect(renderKey(changed)).not.toBe(renderKey(first));
  });

  it('does not change the PDF, so sharing one render between them is sound', async () => {
    const [a, b] = await Promise.all([performRender(first), performRender(later)]);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  }, 60_000);
});
