import { join } from 'node:path';
import { buildCountyScaleSummary, buildSummary } from '../../../test/factories/summary.factory';
import type { StrategySummaryDto } from '../../summary/summary.dto';
import { ReportTemplates } from '../templates/report-template';
import { buildReportLayout } from './build-report-layout';
import type {
  AccountabilitySection,
  CoverSection,
  ExceptionsSection,
  ExecutiveSummarySection,
  LayoutSection,
  MissingReturnsSection,
  ReportLayout,
  ThemeSection,
} from './report-layout';

const templates = new ReportTemplates(join(__dirname, '../../../templates'));
const board = templates.get('quarterly-board');
const generatedAt = new Date('2025-10-14T09:30:00Z');

function only<K extends LayoutSection['kind']>(layout: ReportLayout, kind: K): Extract<LayoutSection, { kind: K }> {
  const found = layout.sections.filter((s) => s.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<LayoutSection, { kind: K }>;
}

function themes(layout: ReportLayout): ThemeSection[] {
  return layout.sections.filter((s): s is ThemeSection => s.kind === 'theme');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

describe('buildReportLayout with the default scenario', () => {
  let summary: StrategySummaryDto;
  let layout: ReportLayout;

  beforeAll(() => {
    summary = deepFreeze(buildSummary());
    layout = buildReportLayout(summary, board, { generatedAt });
  });

  it('orders sections as the template lists them, one per theme with targets', () => {
    expect(layout.sections.map((s) => (s.kind === 'theme' ? `theme:${s.heading}` : s.kind))).toEqual([
      'cover',
      'executive-summary',
      'theme:Housing',
      'theme:Community safety',
      'theme:Economy, jobs & prosperity',
      'theme:Children & young people',
      'exceptions',
      'forecasts',
      'missing-returns',
      'accountability',
    ]);
  });

  it('leaves out the sections a template does not list', () => {
    const short = buildReportLayout(summary, templates.get('partnership-summary'), { generatedAt });
    const kinds = new Set(short.sections.map((s) => s.kind));
    expect([...kinds]).toEqual(['cover', 'executive-summary', 'theme', 'forecasts', 'missing-returns']);
  });

  it('puts the running header and footer facts on the layout', () => {
    expect(layout).toMatchObject({
      title: 'Quarterly progress report to the board',
      strategyTitle: 'Pride of Place',
      periodLabel: '2025/26 Q2 (Jul–Sep 2025)',
      scopeLabel: null,
      generatedOn: '14 October 2025',
    });
    expect(layout.generatedAt).toEqual(generatedAt);
    expect(layout.generatedAt).not.toBe(generatedAt);
  });

  it('builds the cover', () => {
    expect(only(layout, 'cover')).toEqual<CoverSection>({
      kind: 'cover',
      title: 'Quarterly progress report to the board',
      strategyTitle: 'Pride of Place',
      area: 'East Sussex',
      leadPartnershipName: 'East Sussex Strategic Partnership',
      periodLabel: '2025/26 Q2 (Jul–Sep 2025)',
      generatedOn: '14 October 2025',
      scopeLabel: null,
    });
  });

  it('carries a scope label to the cover', () => {
    const scoped = buildReportLayout(summary, board, { generatedAt, scopeLabel: ' Safer Wealden Partnership only ' });
    expect(scoped.scopeLabel).toBe('Safer Wealden Partnership only');
    expect(only(scoped, 'cover').scopeLabel).toBe('Safer Wealden Partnership only');
    expect(scoped.intro.join(' ')).toContain('Scope: Safer Wealden Partnership only.');
  });

  it('fills the intro and closing from the summary, as paragraphs', () => {
    expect(layout.intro).toHaveLength(3);
    expect(layout.intro[0]).toBe(
      'This report sets out progress on Pride of Place, the Sustainable Community Strategy for East Sussex, ' +
        'at the end of 2025/26 Q2 (Jul–Sep 2025). It is built from the returns that partnerships submitted and ' +
        'the coordinator approved; a target without an approved figure for the quarter is shown as “No data”.',
    );
    expect(layout.intro[1]).toContain(
      'The 11 targets in this report stand as follows: 3 on track (green), 3 slightly behind (amber), ' +
        '3 off track (red) and 2 without an approved figure. 1 return due for the quarter',
    );
    expect(layout.closing.join(' ')).toContain('approved by 14 October 2025');
    expect(layout.closing.join(' ')).toContain('East Sussex Strategic Partnership');
  });

  describe('executive summary', () => {
    let section: ExecutiveSummarySection;

    beforeAll(() => {
      section = only(layout, 'executive-summary');
    });

    it('gives the overall counts', () => {
      expect(section.counts).toEqual({ green: 3, amber: 3, red: 3, noData: 2, total: 11 });
      expect(section.headlines[0]).toBe(
        '11 targets in this report: 3 on track (green), 3 slightly behind (amber), 3 off track (red) and ' +
          '2 without an approved figure (no data).',
      );
      expect(section.headlines).toContain('Needing attention, because red or worse than last quarter: 4 targets.');
      expect(section.headlines).toContain('Returns due for the quarter but not submitted: 1.');
    });

    it('charts all targets, then each theme with targets, in the four statuses', () => {
      const { bars } = section.themeChart;
      expect(bars.map((b) => b.label)).toEqual([
        'All targets',
        'Housing',
        'Community safety',
        'Economy, jobs & prosperity',
        'Children & young people',
      ]);
      expect(bars[1].segments.map((s) => [s.label, s.count])).toEqual([
        ['Green', 1],
        ['Amber', 1],
        ['Red', 1],
        ['No data', 0],
      ]);
      expect(section.overallChart.bars).toEqual([bars[0]]);
      expect(section.themeChart.alt).toContain('Community safety: 0 green, 1 amber, 1 red, 1 no data');
      expect(section.overallChart.alt).toBe(
        'Column chart of all 11 targets by status. All targets: 3 green, 3 amber, 3 red, 2 no data.',
      );
    });

    it('puts movement since last quarter in words', () => {
      // LP 12 has no approved figure in either quarter: not comparable, not "stayed the same".
      expect(section.movement).toMatchObject({ improved: 0, worsened: 2, unchanged: 7, newlyRed: 1, notComparable: 2 });
      expect(section.movement.sentences).toEqual([
        'Compared with 2025/26 Q1 (Apr–Jun 2025): 0 improved, 2 worsened and 7 stayed the same.',
        'Newly red this quarter: 1 target.',
        'Not comparable, because one of the two quarters has no approved figure: 2 targets.',
      ]);
    });

    it('names themes without targets instead of giving them empty sections', () => {
      expect(section.themesWithoutTargets).toEqual(['Culture, sports & leisure']);
    });
  });

  describe('theme sections', () => {
    it('hold each target once, in its own theme', () => {
      const codes = themes(layout).flatMap((t) => t.rows.map((r) => r.code));
      const all = summary.themes.flatMap((t) => t.targets.map((target) => target.code));
      expect(codes.sort()).toEqual([...all].sort());
      for (const section of themes(layout)) {
        const theme = summary.themes.find((t) => t.title === section.heading);
        expect(section.rows.map((r) => r.code)).toEqual(theme?.targets.map((t) => t.code));
        expect(section.trends.map((t) => t.code)).toEqual(theme?.targets.map((t) => t.code));
      }
    });

    it('label themes and population groups', () => {
      expect(themes(layout).map((t) => t.kindLabel)).toEqual(['Theme', 'Theme', 'Theme', 'Population group']);
      expect(themes(layout)[1].summary).toBe('3 targets: 0 green, 1 amber, 1 red, 1 no data.');
    });

    it('format a row with its unit, periods, status and direction of travel', () => {
      const row = themes(layout)[0].rows[0];
      expect(row).toEqual({
        code: 'NI 154',
        title: 'Net additional homes provided',
        unitNote: null,
        lead: 'Wealden Strategic Partnership',
        baseline: '100 homes',
        baselinePeriod: '2024/25 Q4',
        expected: '120 homes',
        actual: '121 homes',
        judgedPeriod: null,
        target: '140 homes',
        targetPeriod: '2025/26 Q4',
        status: { rag: 'green', label: 'Green' },
        travel: 'Improving',
        // Two approved figures: too few to fit a line to.
        forecast: 'No forecast',
      });
    });

    it('format money, percentages and long units naturally', () => {
      const rows = themes(layout).flatMap((t) => t.rows);
      const row = (code: string) => rows.find((r) => r.code === code);
      expect(row('LP 7')).toMatchObject({ actual: '£350,000', target: '£500,000' });
      expect(row('NI 151')).toMatchObject({ actual: '72.5%', expected: '72%' });
      expect(row('NI 16')).toMatchObject({ unitNote: 'per 1,000 population', actual: '11.2', expected: '11' });
      expect(row('NI 20')).toMatchObject({ actual: '—', status: { rag: 'no-data', label: 'No data' }, travel: '—' });
      expect(row('LP 12')).toMatchObject({ lead: 'No lead partnership assigned' });
    });

    it('name the period an annual target is judged on', () => {
      const annual = themes(layout)[3].rows.find((r) => r.code === 'NI 56');
      expect(annual).toMatchObject({ judgedPeriod: '2024/25 Q4', expected: '17.3%', actual: '17.5%' });
    });

    it('give each target a trend of actuals against the trajectory', () => {
      const trend = themes(layout)[0].trends[2];
      expect(trend.code).toBe('NI 156');
      expect(trend.points).toEqual([
        { label: '2024/25 Q4', expected: 400, actual: 400 },
        { label: '2025/26 Q1', expected: 375, actual: 370 },
        { label: '2025/26 Q2', expected: 350, actual: 380 },
        { label: '2025/26 Q3', expected: 325, actual: null },
        { label: '2025/26 Q4', expected: 300, actual: null },
      ]);
      expect(trend.caption).toBe('380 homes against 350 homes expected');
      expect(themes(layout)[0].trendSpan).toBe('Each chart runs from 2024/25 Q4 to 2025/26 Q4.');
      // The annual target's trend starts earlier than the others in its group.
      expect(themes(layout)[3].trendSpan).toBe('Each chart runs from each target’s baseline to 2025/26 Q4.');
      expect(trend.status).toEqual({ rag: 'red', label: 'Red' });
      expect(trend.alt).toBe(
        'Line chart for NI 156: approved figures against the expected trajectory from 2024/25 Q4 to 2025/26 Q4. ' +
          'Latest: 380 homes against 350 homes expected. Status: Red.',
      );
    });
  });

  describe('exceptions', () => {
    let section: ExceptionsSection;

    beforeAll(() => {
      section = only(layout, 'exceptions');
    });

    it('list every red target, then every target that worsened, each once', () => {
      const red = summary.themes.flatMap((t) => t.targets).filter((t) => t.rag === 'red');
      expect(red.length).toBeGreaterThan(0);
      expect(section.items.map((i) => i.code)).toEqual(['NI 156', 'NI 32', 'NI 117', 'NI 155']);
      expect(section.items.map((i) => i.reason)).toEqual([
        'Newly red (was Green)',
        'Red, as last quarter',
        'Red, as last quarter',
        'Worsened from Green to Amber',
      ]);
    });

    it('carry the commentary, risks, next actions, lead and officer', () => {
      expect(section.items[0]).toEqual({
        code: 'NI 156',
        title: 'Households living in temporary accommodation',
        themeTitle: 'Housing',
        status: { rag: 'red', label: 'Red' },
        reason: 'Newly red (was Green)',
        figures: '380 homes against 350 homes expected (2025/26 Q2)',
        commentary: 'Demand rose sharply after two hostels closed.',
        risks: 'Cost of nightly-paid accommodation.',
        nextActions: 'Open 20 units of council-owned interim housing by December.',
        lead: 'Wealden Strategic Partnership',
        officer: 'Priya Shah (priya.shah@wealdenstrategicpartners.org.uk)',
      });
    });

    it('say so when a return came without commentary', () => {
      const quiet = buildSummary({
        themes: [{ title: 'Housing', targets: [{ code: 'H 1', title: 'Homes', actuals: { '2025-26-Q2': 100 } }] }],
      });
      const [item] = only(buildReportLayout(quiet, board, { generatedAt }), 'exceptions').items;
      expect(item).toMatchObject({
        commentary: 'No commentary was given with the return.',
        risks: 'None recorded.',
        nextActions: 'None recorded.',
        reason: 'Red; no figure last quarter',
      });
    });

    it('say so when there are none', () => {
      const calm = buildSummary({
        themes: [{ title: 'Housing', targets: [{ code: 'H 1', title: 'Homes', actuals: { '2025-26-Q1': 112, '2025-26-Q2': 121 } }] }],
      });
      const section = only(buildReportLayout(calm, board, { generatedAt }), 'exceptions');
      expect(section.items).toEqual([]);
      expect(section.description).toBe('No target is red and none is worse than last quarter.');
    });
  });

  it('lists every missing return with its partnership and officer', () => {
    const section: MissingReturnsSection = only(layout, 'missing-returns');
    expect(section.rows).toEqual([
      {
        partnership: 'Safer Wealden Partnership',
        officer: 'Tom Ellis',
        officerEmail: 'tom.ellis@saferwealdenpartnership.org.uk',
        code: 'NI 20',
        title: 'Assault with injury crime rate',
        period: '2025/26 Q2',
        state: 'Draft not submitted',
        // Without a moment given, the summary is judged at the end of the deadline day.
        deadline: 'Due today',
      },
    ]);
  });

  it('groups accountability by lead partnership, unled targets last', () => {
    const section: AccountabilitySection = only(layout, 'accountability');
    expect(section.groups.map((g) => g.partnership)).toEqual([
      'Children and Young People’s Trust',
      'East Sussex Economic Partnership',
      'Safer Wealden Partnership',
      'Wealden Strategic Partnership',
      'No lead partnership assigned',
    ]);
    expect(section.groups[2].targets.map((t) => t.code)).toEqual(['NI 16', 'NI 20', 'NI 32']);
    expect(section.groups[2].targets[0]).toEqual({
      code: 'NI 16',
      title: 'Serious acquisitive crime rate',
      officer: 'Tom Ellis',
      supporting: 'Sussex Police, East Sussex Fire & Rescue Service',
      status: { rag: 'amber', label: 'Amber' },
    });
    expect(section.groups[4].targets[0]).toMatchObject({ code: 'LP 12', officer: 'No accountable officer', supporting: 'None' });
    expect(section.groups.flatMap((g) => g.targets)).toHaveLength(11);
  });

  it('is pure: the same input gives an equal layout and the summary is left alone', () => {
    expect(buildReportLayout(summary, board, { generatedAt })).toEqual(layout);
  });
});

describe('buildReportLayout at county scale', () => {
  const summary = buildCountyScaleSummary({ targets: 300, themes: 11, quarters: 12 });
  const layout = buildReportLayout(summary, board, { generatedAt });

  it('has a section for each of the 11 themes and a row and a trend for each of the 300 targets', () => {
    expect(themes(layout)).toHaveLength(11);
    expect(themes(layout).flatMap((t) => t.rows)).toHaveLength(300);
    expect(new Set(themes(layout).flatMap((t) => t.rows.map((r) => r.code))).size).toBe(300);
    // Baseline and eleven quarters of history to the report period, then on to each target period.
    for (const trend of themes(layout).flatMap((t) => t.trends)) {
      expect(trend.points.length).toBeGreaterThan(12);
      expect(trend.points[11].label).toBe('2025/26 Q2');
      expect(trend.points[12].actual).toBeNull();
    }
  });

  it('agrees with the summary on counts, exceptions and missing returns', () => {
    const targets = summary.themes.flatMap((t) => t.targets);
    expect(only(layout, 'executive-summary').counts).toEqual(summary.counts);
    const exceptions = only(layout, 'exceptions').items.map((i) => i.code);
    for (const red of targets.filter((t) => t.rag === 'red')) expect(exceptions).toContain(red.code);
    expect(new Set(exceptions).size).toBe(exceptions.length);
    expect(only(layout, 'missing-returns').rows).toHaveLength(summary.missingReturns.length);
  });
});

describe('buildReportLayout in the strategy’s language', () => {
  const summary = deepFreeze(buildSummary());
  const english = buildReportLayout(summary, board, { generatedAt, language: 'en' });
  const welsh = buildReportLayout(summary, board, { generatedAt, language: 'cy' });

  it('is English, declared en-GB, when the strategy is English or says nothing', () => {
    expect(english).toEqual(buildReportLayout(summary, board, { generatedAt }));
    expect(english.language).toBe('en-GB');
    expect(english.templateTextLanguage).toBeNull();
    expect(english.labels.introduction).toBe('Introduction');
    expect(only(english, 'executive-summary').heading).toBe('Executive summary');
  });

  it('declares cy and takes the template’s Welsh title, intro and closing', () => {
    expect(welsh.language).toBe('cy');
    expect(welsh.templateTextLanguage).toBeNull();
    expect(welsh.title).toBe('Adroddiad cynnydd chwarterol i’r bwrdd');
    expect(welsh.intro[0]).toMatch(/^Mae’r adroddiad hwn yn nodi’r cynnydd ar Pride of Place, .* ar ddiwedd 2025\/26 Ch2 \(Gorffennaf i Fedi 2025\)\./);
    expect(welsh.closing.join(' ')).toContain('Y ffigurau yw’r rhai a gymeradwywyd erbyn 14 Hydref 2025.');
  });

  it('gives Welsh period labels, with Ch for the quarter, on the cover, in tables and in sentences', () => {
    expect(welsh.periodLabel).toBe('2025/26 Ch2 (Gorffennaf i Fedi 2025)');
    expect(only(welsh, 'cover')).toMatchObject({ periodLabel: '2025/26 Ch2 (Gorffennaf i Fedi 2025)', generatedOn: '14 Hydref 2025' });
    const movement = only(welsh, 'executive-summary').movement;
    expect(movement.previousPeriodLabel).toBe('2025/26 Ch1 (Ebrill i Fehefin 2025)');
    expect(movement.sentences[0]).toMatch(/^O’i gymharu â 2025\/26 Ch1 \(Ebrill i Fehefin 2025\): \d+ wedi gwella/);
    const row = themes(welsh)[0].rows[0];
    expect(row.baselinePeriod).toMatch(/^\d{4}\/\d{2} Ch[1-4]$/);
    expect(themes(welsh)[0].trends[0].points.every((p) => /^\d{4}\/\d{2} Ch[1-4]$/.test(p.label))).toBe(true);
    expect(only(welsh, 'missing-returns').rows.every((r) => / Ch[1-4]$/.test(r.period))).toBe(true);
  });

  it('gives Welsh headings, table headings, statuses and descriptions', () => {
    expect(welsh.labels).toMatchObject({ introduction: 'Cyflwyniad', closing: 'Sylwadau i gloi', code: 'Cod', target: 'Targed', status: 'Statws' });
    expect(only(welsh, 'executive-summary').heading).toBe('Crynodeb gweithredol');
    expect(only(welsh, 'exceptions').heading).toBe('Eithriadau');
    expect(only(welsh, 'missing-returns').heading).toBe('Ffurflenni sydd ar goll');
    expect(only(welsh, 'accountability').heading).toBe('Pwy sy’n atebol');
    const statuses = themes(welsh).flatMap((t) => t.rows.map((r) => r.status.label));
    expect(new Set(statuses)).toEqual(new Set(themes(english).flatMap((t) => t.rows.map((r) => ({ green: 'Gwyrdd', amber: 'Ambr', red: 'Coch', 'no-data': 'Dim data' })[r.status.rag]))));
    expect(only(welsh, 'missing-returns').rows.map((r) => r.state)).not.toContain('Not started');
    expect(themes(welsh)[0].kindLabel).toBe('Thema');
  });

  it('keeps the same figures and order as the English pack: only the words change', () => {
    const strip = (layout: ReportLayout) => themes(layout).map((t) => t.rows.map((r) => [r.code, r.baseline, r.expected, r.actual, r.target]));
    expect(strip(welsh)).toEqual(strip(english));
    expect(welsh.sections.map((s) => s.kind)).toEqual(english.sections.map((s) => s.kind));
  });

  it('tags the template’s English words as English when the template has no Welsh', () => {
    const noWelsh = { ...board, cy: null };
    const layout = buildReportLayout(summary, noWelsh, { generatedAt, language: 'cy' });
    expect(layout.language).toBe('cy');
    expect(layout.templateTextLanguage).toBe('en-GB');
    expect(layout.title).toBe('Quarterly progress report to the board');
    expect(only(layout, 'executive-summary').heading).toBe('Crynodeb gweithredol');
  });
});
