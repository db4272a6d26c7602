import { join } from 'node:path';
import { buildSummary, type SummarySpec } from '../../../test/factories/summary.factory';
import { ReportTemplates } from '../templates/report-template';
import { buildReportLayout } from './build-report-layout';
import type { ForecastsSection, MissingReturnsSection, ThemeSection } from './report-layout';

const templates = new ReportTemplates(join(__dirname, '../../../templates'));
const generatedAt = new Date('2025-11-15T09:30:00Z');

/**
 * Report period 2025-26-Q2; every target: baseline 100 at 2024-25-Q1, 200 by 2026-27-Q1 (12.5 a
 * quarter, so 162.5 expected at 2025-26-Q2), returns due by 30 October 2025.
 */
const trajectory = { baselinePeriod: '2024-25-Q1', baselineValue: 100, targetPeriod: '2026-27-Q1', targetValue: 200, unit: 'homes' };
const spec: SummarySpec = {
  now: '2025-11-15T09:30:00Z',
  themes: [
    {
      title: 'Housing',
      targets: [
        // 150, 160, 165: 7.5 a quarter, 188.3 by 2026-27-Q1; green now.
        { code: 'H1', title: 'Slowing homes', ...trajectory, actuals: { '2024-25-Q4': 150, '2025-26-Q1': 160, '2025-26-Q2': 165 } },
        // 150, 165, 180: 15 a quarter, 225.
        { code: 'H2', title: 'Steady homes', ...trajectory, actuals: { '2024-25-Q4': 150, '2025-26-Q1': 165, '2025-26-Q2': 180 } },
        // 120, 130, 140: red now and at risk, but not "on track now".
        { code: 'H3', title: 'Lagging homes', ...trajectory, actuals: { '2024-25-Q4': 120, '2025-26-Q1': 130, '2025-26-Q2': 140 } },
        { code: 'H4', title: 'Unreported homes', ...trajectory, actuals: { '2025-26-Q1': 150 } },
      ],
    },
  ],
};

const layout = buildReportLayout(buildSummary(spec), templates.get('quarterly-board'), { generatedAt });
const section = <K extends string>(kind: K) => layout.sections.find((s) => s.kind === kind);

describe('the forecast column of a theme table', () => {
  const rows = (section('theme') as ThemeSection).rows;
  const cell = (code: string) => rows.find((r) => r.code === code)?.forecast;

  it('says the outcome and the projected value at the target period', () => {
    expect(cell('H1')).toBe('At risk\n188.3 homes');
    expect(cell('H2')).toBe('Likely to meet\n225 homes');
    expect(cell('H3')).toBe('At risk\n170 homes');
  });

  it('says so when there are too few figures', () => {
    expect(cell('H4')).toBe('No forecast');
  });
});

describe('the forecasts section', () => {
  const forecasts = section('forecasts') as ForecastsSection;

  it('comes after the exceptions, before the missing returns', () => {
    const kinds = layout.sections.map((s) => s.kind);
    expect(kinds.indexOf('forecasts')).toBe(kinds.indexOf('exceptions') + 1);
    expect(kinds.indexOf('missing-returns')).toBe(kinds.indexOf('forecasts') + 1);
  });

  it('states the method once, and counts the outcomes', () => {
    expect(forecasts.description).toContain('least-squares straight line through its 4 most recent approved figures up to 2025/26 Q2');
    expect(forecasts.summary).toBe('1 target likely to meet, 2 at risk, 1 without enough figures for a forecast.');
  });

  it('lists as at risk only the targets on track now but forecast to miss', () => {
    expect(forecasts.rows).toEqual([
      { code: 'H1', title: 'Slowing homes', lead: 'Wealden Strategic Partnership', status: { rag: 'green', label: 'Green' }, projected: '188.3 homes by 2026/27 Q1', target: '200 homes' },
    ]);
    expect(forecasts.atRiskDescription).toBe('Green or amber now, but forecast to miss: 1 target.');
  });

  it('says when none is at risk', () => {
    const calm = buildReportLayout(buildSummary({ ...spec, themes: [{ title: 'Housing', targets: [spec.themes![0].targets[1]] }] }), templates.get('quarterly-board'), { generatedAt });
    const f = calm.sections.find((s) => s.kind === 'forecasts') as ForecastsSection;
    expect(f.rows).toEqual([]);
    expect(f.atRiskDescription).toBe('No target that is green or amber now is forecast to miss.');
  });
});

describe('the missing-returns section', () => {
  const missing = (now: string) => {
    const l = buildReportLayout(buildSummary({ ...spec, now }), templates.get('quarterly-board'), { generatedAt });
    return l.sections.find((s) => s.kind === 'missing-returns') as MissingReturnsSection;
  };

  it('says how many days overdue each return is, and the deadline', () => {
    const m = missing('2025-11-15T09:30:00Z');
    expect(m.rows.map((r) => [r.code, r.deadline])).toEqual([['H4', '16 days overdue']]);
    expect(m.description).toContain('They were due by 30 October 2025.');
  });

  it.each([
    ['2025-10-31T00:00:00Z', '1 day overdue'],
    ['2025-10-30T12:00:00Z', 'Due today'],
    ['2025-10-29T12:00:00Z', 'Due in 1 day'],
    ['2025-10-25T12:00:00Z', 'Due in 5 days'],
    ['2025-10-14T12:00:00Z', 'Due 30 October 2025'],
  ])('at %s says %s', (now, words) => {
    expect(missing(now).rows[0].deadline).toBe(words);
  });
});

describe('the forecasts and deadlines in a Welsh pack', () => {
  const welsh = (now = spec.now) => buildReportLayout(buildSummary({ ...spec, now }), templates.get('quarterly-board'), { generatedAt, language: 'cy' });
  const kind = <S>(l: ReturnType<typeof welsh>, k: string) => l.sections.find((s) => s.kind === k) as S;

  it('words the forecast cells, the section and its table in Welsh, with Ch periods', () => {
    const layout = welsh();
    const rows = kind<ThemeSection>(layout, 'theme').rows;
    expect(rows.map((r) => r.forecast)).toEqual(['Mewn perygl\n188.3 homes', 'Tebygol o’i gyrraedd\n225 homes', 'Mewn perygl\n170 homes', 'Dim rhagolwg']);
    const f = kind<ForecastsSection>(layout, 'forecasts');
    expect(f.heading).toBe('Rhagolygon');
    expect(f.description).toContain('hyd at 2025/26 Ch2');
    expect(f.summary).toBe('1 targed yn debygol o’u cyrraedd, 2 mewn perygl, 1 heb ddigon o ffigurau ar gyfer rhagolwg.');
    expect(f.atRiskDescription).toBe('Gwyrdd neu ambr nawr, ond y rhagwelir y byddant yn methu: 1 targed.');
    expect(f.rows[0]).toMatchObject({ status: { rag: 'green', label: 'Gwyrdd' }, projected: '188.3 homes erbyn 2026/27 Ch1' });
    expect(layout.labels).toMatchObject({ forecast: 'Rhagolwg', deadline: 'Dyddiad cau', statusNow: 'Statws nawr', atRisk: 'Mewn perygl' });
  });

  it.each([
    ['2025-11-15T09:30:00Z', '16 diwrnod yn hwyr'],
    ['2025-10-30T12:00:00Z', 'Yn ddyledus heddiw'],
    ['2025-10-25T12:00:00Z', 'Yn ddyledus ymhen 5 diwrnod'],
    ['2025-10-14T12:00:00Z', 'Yn ddyledus 30 Hydref 2025'],
  ])('words a missing return’s deadline at %s as %s, and the due date in Welsh', (now, words) => {
    const m = kind<MissingReturnsSection>(welsh(now), 'missing-returns');
    expect(m.rows[0].deadline).toBe(words);
    expect(m.description).toContain('Roeddent yn ddyledus erbyn 30 Hydref 2025.');
    expect(m.description).not.toMatch(/due|October/);
  });
});
