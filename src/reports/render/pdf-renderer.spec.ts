import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPng } from '../../../test/factories/png.factory';
import { extractPdf as extract, flat, sectionPages } from '../../../test/helpers/pdf-text';
import { buildCountyScaleSummary, buildSummary, type SummarySpec } from '../../../test/factories/summary.factory';
import type { StrategySummaryDto } from '../../summary/summary.dto';
import { buildReportLayout } from '../layout/build-report-layout';
import { type ReportTemplate, ReportTemplates } from '../templates/report-template';
import { renderReportPdf } from './pdf-renderer';

const ROOT = join(__dirname, '../../..');
const templates = new ReportTemplates(join(ROOT, 'templates'));
const board = templates.get('quarterly-board');
const generatedAt = new Date('2025-10-14T09:30:00Z');

function render(summary: StrategySummaryDto, template: ReportTemplate = board, scopeLabel?: string): Promise<Buffer> {
  return renderReportPdf(buildReportLayout(summary, template, { generatedAt, scopeLabel }), template);
}

const mentions = (text: string, code: string) => new RegExp(`(^|\\s)${code}(\\s|$)`).test(text);

describe('renderReportPdf with the default scenario', () => {
  const summary = buildSummary();
  const themeTitles = summary.themes.filter((t) => t.targets.length > 0).map((t) => t.title);
  let pdf: Buffer;
  let pages: string[];
  let info: Record<string, unknown>;
  let sections: Map<string, number[]>;
  const textOf = (heading: string) => flat((sections.get(heading) ?? []).map((p) => pages[p]).join('\n'));

  beforeAll(async () => {
    pdf = await render(summary);
    ({ pages, info } = extract(pdf));
    sections = sectionPages(pages, [
      'Executive summary',
      ...themeTitles,
      'Exceptions',
      'Missing returns',
      'Who is accountable',
    ]);
  });

  it('is a PDF of a known number of pages', () => {
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pages).toHaveLength(10);
  });

  it('puts the running header and "Page X of Y" on every page', () => {
    pages.forEach((text, i) => {
      expect(text).toContain('Quarterly progress report to the board');
      expect(text).toContain('2025/26 Q2 (Jul–Sep 2025)');
      expect(text).toContain('Pride of Place');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('opens with the cover and introduction', () => {
    const cover = flat(pages[0]);
    expect(cover).toContain('Quarterly progress report to the board');
    expect(cover).toContain('Pride of Place East Sussex');
    expect(cover).toContain('2025/26 Q2 (Jul–Sep 2025)');
    expect(cover).toMatch(/Generated on: 14 October 2025/);
    expect(cover).toContain('Lead partnership: East Sussex Strategic Partnership');
    expect(cover).toContain('Introduction This report sets out progress on Pride of Place');
  });

  it('gives the counts in the executive summary, in words and in the chart', () => {
    const text = textOf('Executive summary');
    expect(text).toContain(
      '11 targets in this report: 3 on track (green), 3 slightly behind (amber), 3 off track (red) and 2 without an approved figure (no data).',
    );
    expect(text).toContain('All targets 3 3 3 2 11');
    expect(text).toContain('Compared with 2025/26 Q1 (Apr–Jun 2025): 0 improved, 2 worsened and 7 stayed the same.');
    expect(text).toContain('Newly red this quarter: 1 target.');
  });

  it('shows each target in its own theme section and in no other', () => {
    expect([...sections.keys()]).toEqual(expect.arrayContaining(themeTitles));
    for (const theme of summary.themes.filter((t) => t.targets.length > 0)) {
      const text = textOf(theme.title);
      for (const target of summary.themes.flatMap((t) => t.targets)) {
        expect([target.code, mentions(text, target.code)]).toEqual([target.code, target.themeId === theme.id]);
      }
    }
  });

  it('shows status in words next to the shapes', () => {
    const housing = textOf('Housing');
    expect(housing).toContain('NI 154 Net additional homes provided Wealden Strategic Partnership 100 homes');
    expect(housing).toMatch(/Green Improving/);
    expect(housing).toMatch(/Amber Improving/);
    expect(housing).toMatch(/Red Worsening/);
  });

  it('lists every red target under exceptions, with what was reported', () => {
    const text = textOf('Exceptions');
    const red = summary.themes.flatMap((t) => t.targets).filter((t) => t.rag === 'red');
    expect(red.length).toBe(3);
    for (const target of red) expect(text).toContain(`${target.code} ${target.title}`);
    expect(text).toContain('Commentary: Demand rose sharply after two hostels closed.');
    expect(text).toContain('Next actions: Open 20 units of council-owned interim housing by December.');
    expect(text).toContain('Worsened from Green to Amber');
  });

  it('lists every missing return with its officer', () => {
    const text = textOf('Missing returns');
    for (const missing of summary.missingReturns) {
      expect(text).toContain(missing.partnershipName);
      expect(text).toContain(missing.officerName);
      expect(text).toContain(missing.code);
    }
    expect(text).toContain('Draft not submitted');
  });

  it('says who is accountable for what', () => {
    const text = textOf('Who is accountable');
    expect(text).toContain('Safer Wealden Partnership');
    expect(text).toContain('NI 16 Serious acquisitive crime rate Tom Ellis Sussex Police, East Sussex Fire & Rescue Service Amber');
    expect(text).toContain('No lead partnership assigned');
  });

  it('keeps Welsh and other non-ASCII text intact', () => {
    const all = flat(pages.join('\n'));
    for (const phrase of ['Siân Llŷr', 'Tŷ Gwyn Youth Trust', 'Gŵyl Ieuenctid', '(≥ 16 hours a week)', '£350,000', 'Jul–Sep']) {
      expect(all).toContain(phrase);
    }
  });

  it('ends with the closing remarks', () => {
    expect(flat(pages[pages.length - 1])).toContain('Closing remarks The board is asked to note progress');
  });

  it('declares its title, language and dates, pinned to the generation time', () => {
    expect(info).toMatchObject({
      Title: 'Quarterly progress report to the board: Pride of Place, 2025/26 Q2 (Jul–Sep 2025)',
      Language: 'en-GB',
      CreationDate: 'D:20251014093000Z',
      ModDate: 'D:20251014093000Z',
      PDFFormatVersion: '1.7',
    });
  });

  it('is a tagged PDF with headings, tables, figures with alternative text and embedded fonts', () => {
    const raw = pdf.toString('latin1');
    for (const marker of [
      '/StructTreeRoot',
      '/Marked true',
      '/DisplayDocTitle true',
      '/S /Document',
      '/S /H1',
      '/S /Table',
      '/S /THead',
      '/S /TH',
      '/Scope /Column',
      '/S /TD',
      '/S /Figure',
      '/Alt (Column chart of all 11 targets by status.',
      '/S /L',
      '/FontFile2',
      '+DejaVuSans',
    ]) {
      expect([marker, raw.includes(marker)]).toEqual([marker, true]);
    }
  });

  it('renders the same bytes again, also from freshly loaded modules', async () => {
    expect((await render(summary)).equals(pdf)).toBe(true);
    let fresh: typeof renderReportPdf | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous load
      fresh = (require('./pdf-renderer') as { renderReportPdf: typeof renderReportPdf }).renderReportPdf;
    });
    const again = await fresh!(buildReportLayout(summary, board, { generatedAt }), board);
    expect(again.equals(pdf)).toBe(true);
  });

  it('changes when the generation time changes', async () => {
    const later = renderReportPdf(buildReportLayout(summary, board, { generatedAt: new Date('2025-10-15T09:30:00Z') }), board);
    expect((await later).equals(pdf)).toBe(false);
  });
});

describe('renderReportPdf with other templates and data', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-templates-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the shorter partnership summary with a scope label', async () => {
    const pdf = await render(buildSummary(), templates.get('partnership-summary'), 'Safer Wealden Partnership only');
    const { pages } = extract(pdf);
    const all = flat(pages.join('\n'));
    expect(all).toContain('Partnership progress summary');
    expect(all).toContain('Scope: Safer Wealden Partnership only');
    expect(pages[1]).toContain('2025/26 Q2 (Jul–Sep 2025) · Safer Wealden Partnership only');
    expect(all).not.toContain('Exceptions');
    expect(all).not.toContain('Who is accountable');
  });

  it('starts with the introduction when a template has no cover, and draws a logo', async () => {
    writeFileSync(join(dir, 'crest.png'), buildPng());
    writeFileSync(
      join(dir, 'themes-only.yaml'),
      [
        'name: themes-only',
        'title: Theme tables',
        'sections: [themes]',
        'colours: { primary: "#4b2e83", accent: "#00796b", text: "#1a1a1a" }',
        'intro: Tables for {{strategy.title}}.',
        'closing: ""',
        'logo: crest.png',
      ].join('\n'),
    );
    const template = new ReportTemplates(dir).get('themes-only');
    const { pages } = extract(await render(buildSummary(), template));
    expect(pages[0].trimStart()).toMatch(/^Introduction\nTables for Pride of Place\.\nHousing/);
    expect(flat(pages.join('\n'))).not.toContain('Closing remarks');
  });

  it('cuts a row taller than a page short instead of letting it run off the page', async () => {
    const spec: SummarySpec = {
      themes: [
        {
          title: 'Housing',
          targets: [
            { code: 'H 1', title: 'Homes '.repeat(1500).trim(), actuals: { '2025-26-Q2': 121 } },
            { code: 'H 2', title: 'Affordable homes', actuals: { '2025-26-Q2': 121 } },
          ],
        },
      ],
    };
    const { pages } = extract(await render(buildSummary(spec)));
    const giant = pages.findIndex((p) => p.includes('H 1 Homes Homes'));
    // Cut mid-word where the column is narrow: the ellipsis is what matters.
    expect(pages[giant]).toMatch(/Hom\S*…/);
    expect(pages[giant]).not.toContain('H 2');
    expect(pages[giant + 1]).toContain('H 2 Affordable homes');
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });
});

describe('renderReportPdf at county scale', () => {
  const summary = buildCountyScaleSummary({ targets: 300, themes: 11, quarters: 12 });
  let pages: string[];

  beforeAll(async () => {
    pages = extract(await render(summary)).pages;
  }, 60_000);

  it('numbers every page of a long pack', () => {
    expect(pages.length).toBe(67);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('repeats the table header on every page a theme table runs over', () => {
    const titles = summary.themes.map((t) => t.title);
    const sections = sectionPages(pages, titles);
    for (const title of titles) {
      const theme = sections.get(title) ?? [];
      const trends = theme.find((p) => pages[p].includes('Trends\nDashed line'));
      expect(trends).toBeDefined();
      // The trends page carries table rows only when the table did not end exactly at a page foot.
      const tableBefore = (p: number) => p < trends! || /\S/.test(pages[p].split('Trends\nDashed line')[0].replace(title, ''));
      const tablePages = theme.filter((p) => p <= trends! && tableBefore(p));
      expect(tablePages.length).toBeGreaterThan(1);
      for (const p of tablePages) expect([title, p, /End\s+target/.test(pages[p])]).toEqual([title, p, true]);
    }
  });

  it('shows every one of the 300 targets in the theme tables', () => {
    const all = pages.join('\n');
    for (const target of summary.themes.flatMap((t) => t.targets)) expect(mentions(all, target.code)).toBe(true);
  });
});

describe('renderReportPdf in Welsh', () => {
  const summary = buildSummary();
  let pdf: Buffer;
  let text: string;
  let info: Record<string, unknown>;

  beforeAll(async () => {
    pdf = await renderReportPdf(buildReportLayout(summary, board, { generatedAt, language: 'cy' }), board);
    const extracted = extract(pdf);
    text = flat(extracted.pages.join('\n'));
    info = extracted.info;
  });

  it('declares /Lang cy, and its title is the Welsh one', () => {
    expect(info).toMatchObject({ Language: 'cy', Title: 'Adroddiad cynnydd chwarterol i’r bwrdd: Pride of Place, 2025/26 Ch2 (Gorffennaf i Fedi 2025)' });
  });

  it('reads Welsh: headings, table headings, period labels and page numbers', () => {
    for (const phrase of [
      'Strategaeth Gymunedol Gynaliadwy',
      'Cyflwyniad Mae’r adroddiad hwn yn nodi’r cynnydd',
      'Crynodeb gweithredol',
      'Statws fesul thema',
      'Llinell sylfaen',
      'Cyfeiriad teithio',
      'Eithriadau',
      'Ffurflenni sydd ar goll',
      'Pwy sy’n atebol',
      'Sylwadau i gloi',
      '2025/26 Ch2 (Gorffennaf i Fedi 2025)',
      'Tudalen 1 o',
    ]) {
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    }
    for (const english of ['Executive summary', 'Direction of travel', 'Who is accountable', 'Closing remarks', 'Page 1 of', 'Jul–Sep']) {
      expect([english, text.includes(english)]).toEqual([english, false]);
    }
  });

  it('marks the template’s English words with their own /Lang when the template has no Welsh', async () => {
    const noWelsh = { ...board, cy: null };
    const mixed = await renderReportPdf(buildReportLayout(summary, noWelsh, { generatedAt, language: 'cy' }), noWelsh);
    const raw = mixed.toString('latin1');
    expect(extract(mixed).info).toMatchObject({ Language: 'cy' });
    expect(raw).toContain('/Lang (en-GB)');
    expect(pdf.toString('latin1')).not.toContain('/Lang (en-GB)');
  });
});
