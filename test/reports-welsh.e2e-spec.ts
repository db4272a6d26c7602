import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { extractPdf, flat } from './helpers/pdf-text';
import { StrategyBuilder } from './helpers/strategy-builder';

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

// The pack is written in its strategy's language, and the PDF's /Lang says which (issue 12, point 5).
describeE2E('the board pack in the strategy’s language', () => {
  let t: TestApp;
  let b: StrategyBuilder;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const safety = await b.theme('Community safety');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    const officer = await t.as('partnership-officer', [safer]);
    const target = await b.target({ code: 'CS 1', title: 'Serious acquisitive crime', themeId: safety, baselineValue: 100, targetValue: 140, unit: 'crimes' });
    await b.assign(target.id, safer, { name: 'Tom Ellis', email: 'tom@example.test' });
    await b.approvedReturn(officer, target.id, '2025-26-Q2', 121);
  });
  afterAll(() => t.close());

  const download = async () => {
    const res = await t.api().get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?period=2025-26-Q2`).buffer(true).parse(binary).expect(200);
    const { pages, info } = extractPdf(res.body as Buffer);
    return { text: flat(pages.join('\n')), info, raw: (res.body as Buffer).toString('latin1') };
  };

  it('is Welsh, with /Lang cy, once the strategy’s language is cy; English with /Lang en-GB when it goes back', async () => {
    await t.api().patch(`/api/v1/strategies/${b.strategyId}`).send({ language: 'cy' }).expect(200);
    const welsh = await download();
    expect(welsh.info.Language).toBe('cy');
    expect(welsh.raw).toMatch(/\/Lang \(cy\)/);
    for (const phrase of ['Adroddiad cynnydd chwarterol i’r bwrdd', 'Crynodeb gweithredol', 'Pwy sy’n atebol', 'Llinell sylfaen', '2025/26 Ch2 (Gorffennaf i Fedi 2025)', 'Tudalen 1 o']) {
      expect([phrase, welsh.text.includes(phrase)]).toEqual([phrase, true]);
    }
    expect(welsh.text).not.toContain('Executive summary');
    expect(welsh.text).toContain('Serious acquisitive crime'); // the strategy's own words stay as written

    await t.api().patch(`/api/v1/strategies/${b.strategyId}`).send({ language: 'en' }).expect(200);
    const english = await download();
    expect(english.info.Language).toBe('en-GB');
    expect(english.text).toContain('Executive summary');
    expect(english.text).toContain('2025/26 Q2 (Jul–Sep 2025)');
    expect(english.text).not.toContain('Crynodeb gweithredol');
  });
});
