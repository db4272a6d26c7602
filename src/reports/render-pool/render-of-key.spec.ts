import type { LayoutContext } from '../layout/build-report-layout';
import { renderOfKey, renderOfRequest, type SummaryOf } from './render-request';

const of: SummaryOf = { strategyId: 's1', period: '2025-26-Q2', themeId: null, partnershipId: null, version: '0.3|2026-12-01' };
const context: LayoutContext = { generatedAt: new Date('2026-12-01T08:00:00Z'), language: 'en' };
const key = (summaryOf: SummaryOf, template = 'quarterly-board', ctx = context) => renderOfKey(renderOfRequest('/templates', template, summaryOf, ctx));

describe('renderOfKey (queued renders whose worker loads the summary)', () => {
  it('is the same for the same summary, version, template and context, wherever the templates are', () => {
    expect(key({ ...of })).toBe(key(of));
    expect(renderOfKey(renderOfRequest('/elsewhere', 'quarterly-board', of, context))).toBe(key(of));
  });

  it('changes with anything that changes the pack: a write (version), the day, the scope, the period, the template, the date printed', () => {
    const keys = [
      key(of),
      key({ ...of, version: '0.4|2026-12-01' }),
      key({ ...of, version: '0.3|2026-12-02' }),
      key({ ...of, themeId: 't1' }),
      key({ ...of, partnershipId: 'p1' }),
      key({ ...of, period: '2025-26-Q3' }),
      key({ ...of, strategyId: 's2' }),
      key(of, 'partnership-summary'),
      key(of, 'quarterly-board', { ...context, generatedAt: new Date('2026-12-01T08:00:01Z') }),
      key(of, 'quarterly-board', { ...context, language: 'cy' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
