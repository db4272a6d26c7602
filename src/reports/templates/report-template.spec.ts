import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPng } from '../../../test/factories/png.factory';
import { ReportTemplates, SECTION_IDS } from './report-template';
import { TemplateError, UnknownTemplateError } from './template-errors';
import type { TemplateContext } from './template-text';

const SHIPPED = join(__dirname, '../../../templates');

const VALID = `
name: sample
title: Sample report
sections: [cover, themes]
colours: { primary: "#1d3f6e", accent: "#00796b", text: "#1a1a1a" }
intro: Progress on {{strategy.title}} for {{periodLabel}}.
closing: "{{plural missingReturns.length \\"return\\"}} outstanding."
`;

function context(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    report: { title: 'Sample report' },
    strategy: { title: 'Pride of Place', area: 'East Sussex', vision: null, leadPartnershipName: 'ESSP' },
    period: '2025-26-Q2',
    periodLabel: '2025/26 Q2 (Jul–Sep 2025)',
    previousPeriodLabel: '2025/26 Q1 (Apr–Jun 2025)',
    generatedOn: '14 October 2025',
    scopeLabel: null,
    counts: { green: 1, amber: 0, red: 2, noData: 0, total: 3 },
    movement: { improved: 0, worsened: 1, unchanged: 2, newlyRed: 1, notComparable: 0 },
    themes: [{}],
    exceptions: [{}, {}],
    missingReturns: [{}],
    ...overrides,
  };
}

/** Template text keeps the YAML's line breaks; the layout joins them into paragraphs. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('shipped templates', () => {
  const templates = new ReportTemplates(SHIPPED);

  it('lists both, sorted', () => {
    expect(templates.list()).toEqual(['partnership-summary', 'quarterly-board']);
  });

  it('quarterly-board is the full board pack', () => {
    const t = templates.get('quarterly-board');
    expect(t.sections).toEqual([...SECTION_IDS]);
    expect(t.title).toBe('Quarterly progress report to the board');
    expect(t.cy?.title).toBe('Adroddiad cynnydd chwarterol i’r bwrdd');
    expect(t.logo).toBeNull();
    expect(t.file).toBe('templates/quarterly-board.yaml');
  });

  it('partnership-summary leaves out exceptions and accountability', () => {
    expect(templates.get('partnership-summary').sections).toEqual([
      'cover',
      'executive-summary',
      'themes',
      'forecasts',
      'missing-returns',
    ]);
  });

  it.each(['quarterly-board', 'partnership-summary'])('%s fills its text from the context', (name) => {
    const t = templates.get(name);
    const intro = flat(t.intro.render(context()));
    expect(intro).toContain('Pride of Place');
    expect(intro).toContain('2025/26 Q2 (Jul–Sep 2025)');
    expect(intro).toContain('3 targets');
    expect(intro).not.toMatch(/{{|}}/);
    expect(t.closing.render(context()).length).toBeGreaterThan(20);
  });

  it('quarterly-board mentions the scope only when there is one', () => {
    const t = templates.get('quarterly-board');
    expect(flat(t.intro.render(context()))).not.toContain('Scope:');
    expect(flat(t.intro.render(context({ scopeLabel: 'Safer Wealden Partnership only' })))).toContain(
      'Scope: Safer Wealden Partnership only.',
    );
  });

  it('partnership-summary thanks the partnership when nothing is missing', () => {
    const closing = templates.get('partnership-summary').closing;
    expect(flat(closing.render(context({ missingReturns: [] })))).toContain('every return due');
    expect(flat(closing.render(context({ missingReturns: [{}, {}] })))).toContain('2 outstanding returns');
  });
});

describe('ReportTemplates', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'templates-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, yaml: string) => writeFileSync(join(dir, `${name}.yaml`), yaml);

  function problemsOf(yaml: string): TemplateError {
    write('sample', yaml);
    try {
      new ReportTemplates(dir).get('sample');
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      const error = e as TemplateError;
      expect(error.message).toContain(`${dir.split('/').pop()}/sample.yaml`);
      return error;
    }
    throw new Error('expected a TemplateError');
  }

  it('loads a valid template and normalises its colours', () => {
    write('sample', VALID.replace('"#1d3f6e"', '"#1D3F6E"'));
    const t = new ReportTemplates(dir).get('sample');
    expect(t.colours).toEqual({ primary: '#1d3f6e', accent: '#00796b', text: '#1a1a1a' });
    expect(t.intro.render(context())).toBe('Progress on Pride of Place for 2025/26 Q2 (Jul–Sep 2025).');
    expect(t.closing.render(context())).toBe('1 return outstanding.');
  });

  it('lists only .yaml files with valid names', () => {
    write('sample', VALID);
    write('Bad Name', VALID);
    writeFileSync(join(dir, 'notes.txt'), 'not a template');
    expect(new ReportTemplates(dir).list()).toEqual(['sample']);
  });

  it('names the unknown template and the available ones', () => {
    write('sample', VALID);
    const get = () => new ReportTemplates(dir).get('board');
    expect(get).toThrow(UnknownTemplateError);
    expect(get).toThrow('Unknown report template "board"; available templates: sample');
  });

  it.each(['../sample', 'sample/../sample', 'SAMPLE', '', 'sample.yaml'])(
    'refuses the name %p without touching the file system outside the folder',
    (name) => {
      write('sample', VALID);
      expect(() => new ReportTemplates(dir).get(name)).toThrow(UnknownTemplateError);
    },
  );

  it.each<[string, string, string]>([
    ['bad YAML', 'name: sample\ntitle: [unclosed', 'invalid YAML at line'],
    ['a list instead of a mapping', '- cover\n- themes', 'must hold a mapping of keys'],
    ['a missing field', VALID.replace(/^title:.*$/m, ''), 'missing required key "title"'],
    ['a wrong type', VALID.replace('title: Sample report', 'title: 42'), 'title must be text, not a number'],
    ['an empty title', VALID.replace('title: Sample report', 'title: "  "'), 'title must not be empty'],
    ['an unknown section', VALID.replace('[cover, themes]', '[cover, appendix]'), 'unknown section "appendix"'],
    ['a repeated section', VALID.replace('[cover, themes]', '[cover, cover]'), 'cover is listed more than once'],
    ['no sections', VALID.replace('[cover, themes]', '[]'), 'sections must be a non-empty list'],
    ['an unknown key', `${VALID}footer: hello\n`, 'unknown key "footer" in the template'],
    ['an unknown colour', VALID.replace('text: "#1a1a1a"', 'text: "#1a1a1a", link: "#0000ff"'), 'unknown key "link" in colours'],
    ['a bad colour', VALID.replace('"#00796b"', 'teal'), 'colours.accent must be a hex colour'],
    ['a missing colour', VALID.replace(', text: "#1a1a1a"', ''), 'colours.text is missing'],
    ['a pale text colour', VALID.replace('"#1a1a1a"', '"#bbbbbb"'), 'colours.text #bbbbbb has a contrast of'],
    ['a name that is not the file name', VALID.replace('name: sample', 'name: other'), 'must match the file name'],
    ['a language other than English at the top', `${VALID}language: cy\n`, 'give Welsh words under "cy:"'],
    ['a Welsh block that is not a mapping', `${VALID}cy: Adroddiad\n`, 'cy must be a mapping of title, intro, closing'],
    ['a Welsh block without its closing', `${VALID}cy: { title: Adroddiad, intro: Cynnydd }\n`, 'cy.closing is missing'],
    ['an unknown key in the Welsh block', `${VALID}cy: { title: A, intro: B, closing: C, footer: D }\n`, 'unknown key "footer" in cy'],
    ['an empty Welsh title', `${VALID}cy: { title: " ", intro: B, closing: C }\n`, 'cy.title must not be empty'],
    ['an unknown placeholder in the Welsh intro', `${VALID}cy: { title: A, intro: "{{cyfnod}}", closing: C }\n`, 'cy.intro, line 1: unknown placeholder {{cyfnod}}'],
    ['a missing logo', `${VALID}logo: crest.png\n`, 'logo file "crest.png" does not exist'],
    ['a logo outside the folder', `${VALID}logo: ../crest.png\n`, 'must be a path inside the templates folder'],
    ['a Handlebars syntax error', VALID.replace('{{periodLabel}}', '{{periodLabel'), 'intro: Parse error on line 1'],
    ['an unknown placeholder', VALID.replace('{{periodLabel}}', '{{period.label}}'), 'intro, line 1: unknown placeholder {{period.label}}'],
    ['an unknown placeholder in a condition', VALID.replace('{{periodLabel}}', '{{#if scope}}x{{/if}}'), 'unknown placeholder {{scope}}'],
    ['a block helper with logic', VALID.replace('{{periodLabel}}', '{{#each themes}}x{{/each}}'), '{{#each}} is not supported'],
    ['an unknown helper', VALID.replace('{{periodLabel}}', '{{upper periodLabel}}'), 'unknown helper "upper"'],
    ['plural without a word', VALID.replace('\\"return\\"', '3'), 'plural takes a number and one or two quoted words'],
    ['a partial', VALID.replace('{{periodLabel}}', '{{> footer}}'), 'PartialStatement is not supported'],
  ])('rejects %s, naming the file and the problem', (_, yaml, problem) => {
    expect(problemsOf(yaml).message).toContain(problem);
  });

  it('reports every problem at once', () => {
    const error = problemsOf(VALID.replace('title: Sample report', 'title: 42').replace('"#00796b"', 'teal'));
    expect(error.problems).toHaveLength(2);
  });

  it('accepts a PNG logo inside the folder and resolves its path', () => {
    mkdirSync(join(dir, 'logos'));
    writeFileSync(join(dir, 'logos', 'crest.png'), buildPng());
    write('sample', `${VALID}logo: logos/crest.png\n`);
    expect(new ReportTemplates(dir).get('sample').logo).toBe(join(dir, 'logos', 'crest.png'));
  });

  it('rejects a logo that is not a PNG or JPEG', () => {
    writeFileSync(join(dir, 'crest.png'), 'GIF89a');
    expect(problemsOf(`${VALID}logo: crest.png\n`).message).toContain('must be a PNG or JPEG image');
  });

  it('reads the Welsh title, intro and closing from the cy block; none without it', () => {
    write('sample', `${VALID}language: en-GB\ncy:\n  title: Adroddiad enghreifftiol\n  intro: Cynnydd ar {{strategy.title}} ar gyfer {{periodLabel}}.\n  closing: Diolch.\n`);
    const t = new ReportTemplates(dir).get('sample');
    expect(t.cy?.title).toBe('Adroddiad enghreifftiol');
    expect(t.cy?.intro.render(context({ periodLabel: '2025/26 Ch2 (Gorffennaf i Fedi 2025)' }))).toBe(
      'Cynnydd ar Pride of Place ar gyfer 2025/26 Ch2 (Gorffennaf i Fedi 2025).',
    );
    write('sample', VALID);
    expect(new ReportTemplates(dir).get('sample').cy).toBeNull();
  });

  it('reads the file afresh, so an edit applies to the next report', () => {
    write('sample', VALID);
    const templates = new ReportTemplates(dir);
    expect(templates.get('sample').title).toBe('Sample report');
    write('sample', VALID.replace('title: Sample report', 'title: Revised report'));
    expect(templates.get('sample').title).toBe('Revised report');
  });
});

