import { createHash } from 'node:crypto';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { extractPdf, flat, sectionPages } from './helpers/pdf-text';
import { StrategyBuilder } from './helpers/strategy-builder';

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// Green, amber, red and missing targets over two themes; the clock is 15 November 2025.
describeE2E('the quarterly PDF board report', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let safer: string;
  let housing: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const safety = await b.theme('Community safety');
    const homes = await b.theme('Housing');
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    housing = await b.partnership({ name: 'Wealden Housing Partnership' });
    const saferOfficer = await t.as('partnership-officer', [safer]);
    const housingOfficer = await t.as('partnership-officer', [housing]);
    const make = async (code: string, theme: string, lead: string, officer: string) => {
      const target = await b.target({ code, title: `Target ${code}`, themeId: theme, baselineValue: 100, targetValue: 140, unit: 'homes' });
      await b.assign(target.id, lead, { name: officer, email: `${officer.split(' ')[0].toLowerCase()}@example.test` });
      return target.id;
    };
    // E(2025-26-Q2) = 120 for each: 121 green, 116 amber, 113 red.
    await b.approvedReturn(saferOfficer, await make('CS 1', safety, safer, 'Tom Ellis'), '2025-26-Q2', 121);
    await b.approvedReturn(saferOfficer, await make('CS 2', safety, safer, 'Tom Ellis'), '2025-26-Q2', 113, { commentary: 'Burglary rose in Hailsham', risks: 'Patrol cover', nextActions: 'Target hardening scheme' });
    await b.approvedReturn(housingOfficer, await make('HO 1', homes, housing, 'Priya Shah'), '2025-26-Q2', 116);
    await make('HO 2', homes, housing, 'Priya Shah'); // owes its return
  });
  afterAll(() => t.close());

  const report = (query: string) =>
    t.api().get(`/api/v1/strategies/${b.strategyId}/reports/quarterly${query}`).buffer(true).parse(binary);

  it('contains each target once in its theme, every red target in exceptions, every missing return with its officer, correct counts and page numbers', async () => {
    const res = await report('?period=2025-26-Q2').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pride-of-place-2025-26-Q2.pdf"');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages } = extractPdf(pdf);
    const sections = sectionPages(pages, ['Executive summary', 'Community safety', 'Housing', 'Exceptions', 'Missing returns', 'Who is accountable']);
    const textOf = (heading: string) => flat((sections.get(heading) ?? []).map((p) => pages[p]).join('\n'));

    expect(flat(pages[0])).toContain('2025/26 Q2 (Jul–Sep 2025)');
    expect(textOf('Executive summary')).toContain('4 targets in this report: 1 on track (green), 1 slightly behind (amber), 1 off track (red) and 1 without an approved figure (no data).');
    const mentions = (text: string, code: string) => text.split(code).length - 1;
    expect(mentions(textOf('Community safety'), 'CS 1')).toBeGreaterThan(0);
    expect(mentions(textOf('Community safety'), 'HO 1')).toBe(0);
    expect(mentions(textOf('Housing'), 'HO 2')).toBeGreaterThan(0);
    expect(mentions(textOf('Housing'), 'CS 2')).toBe(0);
    expect(textOf('Exceptions')).toContain('CS 2 Target CS 2');
    expect(textOf('Exceptions')).toContain('Commentary: Burglary rose in Hailsham');
    expect(textOf('Exceptions')).not.toContain('CS 1 Target CS 1');
    expect(textOf('Missing returns')).toContain('HO 2');
    expect(textOf('Missing returns')).toContain('Priya Shah');
    pages.forEach((page, i) => expect(flat(page)).toContain(`Page ${i + 1} of ${pages.length}`));

    const stored = await t.api().get(`/api/v1/reports/${res.headers['x-report-id']}`).buffer(true).parse(binary).expect(200);
    expect(sha(stored.body)).toBe(sha(pdf));
    const list = (await t.api().get(`/api/v1/reports?strategyId=${b.strategyId}`).expect(200)).body;
    expect(list.items[0]).toMatchObject({ id: res.headers['x-report-id'], period: '2025-26-Q2', template: 'quarterly-board', sha256: sha(pdf), pageCount: pages.length, createdByEmail: t.api().user.email });
  });

  it('regenerates byte-identical with the same data, template and clock', async () => {
    const first = (await report('?period=2025-26-Q2').expect(200)).body as Buffer;
    const second = (await report('?period=2025-26-Q2').expect(200)).body as Buffer;
    expect(sha(second)).toBe(sha(first));
  });

  it('narrows to one partnership’s targets', async () => {
    const res = await report(`?period=2025-26-Q2&partnershipId=${housing}&template=partnership-summary`).expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="pride-of-place-2025-26-Q2-wealden-housing-partnership-only.pdf"');
    const text = flat(extractPdf(res.body as Buffer).pages.join('\n'));
    expect(text).toContain('Wealden Housing Partnership only');
    expect(text).toContain('HO 1');
    expect(text).not.toMatch(/CS [12]/);
  });

  it('is readable by a board member (viewer), refuses a malformed period (400) and names an unknown template (400)', async () => {
    const viewer = await t.as('viewer');
    await viewer.get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?period=2025-26-Q2`).expect(200);
    const badPeriod = await t.api().get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?period=Q2-2025`).expect(400);
    expect(badPeriod.body.errors[0].field).toBe('period');
    const badTemplate = await t.api().get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?template=glossy-brochure`).expect(400);
    expect(badTemplate.body.message).toContain('glossy-brochure');
    const templates = (await t.api().get('/api/v1/reports/templates').expect(200)).body.map((x: { name: string }) => x.name);
    expect(templates).toEqual(['partnership-summary', 'quarterly-board']);
    await t.http().get(`/api/v1/strategies/${b.strategyId}/reports/quarterly`).expect(401);
  });

  it('stores a pack at most once per distinct content: refresh pressed 50 times over an hour stores one', async () => {
    const total = async () => (await t.api().get(`/api/v1/reports?strategyId=${b.strategyId}`).expect(200)).body.total as number;
    const before = await total();
    const start = t.clock.now().getTime();
    const shas = new Set<string>();
    const ids = new Set<string>();
    for (let press = 0; press < 50; press++) {
      t.clock.set(new Date(start + press * 73_000)); // the pack is dated: a later press must not count as new content
      const res = await report(`?period=2025-26-Q2&partnershipId=${safer}`).expect(200);
      shas.add(sha(res.body as Buffer));
      ids.add(res.headers['x-report-id']);
    }
    t.clock.set(new Date(start));
    expect(await total()).toBe(before + 1);
    expect(ids.size).toBe(1);
    expect(shas.size).toBe(1);
    const [id] = ids;
    const stored = await t.api().get(`/api/v1/reports/${id}`).buffer(true).parse(binary).expect(200);
    expect(shas.has(sha(stored.body as Buffer))).toBe(true);
  });
});
