import { createHash } from 'node:crypto';
import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The error summary's links, as `#field text`. */
const summaryOf = (html: string) => [...html.matchAll(/<a href="(#[a-zA-Z]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2].trim()}`);

// The board packs pages over HTTP; the clock is 15 November 2025, so the quarter is 2025-26-Q2.
describeE2E('web: board packs', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let safety: string;
  let safer: string;
  let coordinator: Agent;
  let board: Agent;

  const signIn = async (email: string) => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email, password: 'e2e-password-123' }).expect(303);
    return agent;
  };

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    safety = await b.theme('Community safety');
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    const target = await b.target({ code: 'CS 1', title: 'Burglaries prevented', themeId: safety, baselineValue: 100, targetValue: 140, unit: 'homes' });
    await b.assign(target.id, safer);
    await b.approvedReturn(await t.as('partnership-officer', [safer]), target.id, '2025-26-Q2', 121);
    coordinator = await signIn(t.api().user.email);
    board = await signIn((await t.as('viewer')).user.email);
  });
  afterAll(() => t.close());

  it('shows a board member that nothing is published yet, with no preview or publish controls', async () => {
    const page = await board.get('/board-packs').expect(200);
    expect(page.text).toContain('The board pack for 2025/26 Q2');
    expect(page.text).toContain('No board pack has been published for this quarter yet.');
    expect(page.text).not.toContain('Publish this quarter’s pack');
    expect(page.text).not.toContain('Preview this quarter’s pack');
  });

  it('lets a coordinator preview, check and publish the quarter’s pack; the board member then downloads exactly that pack', async () => {
    const page = await coordinator.get('/board-packs?period=2025-26-Q2').expect(200);
    expect(page.text).toContain('Preview this quarter’s pack (PDF)');
    const preview = await coordinator.get(`/board-packs/quarterly/${b.strategyId}?period=2025-26-Q2`).buffer(true).parse(binary).expect(200).expect('Content-Type', 'application/pdf');
    expect((preview.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const check = await coordinator.get(`/board-packs/publish/${b.strategyId}?period=2025-26-Q2`).expect(200);
    expect(check.text).toContain('Check before you publish the board pack');
    expect(check.text).toMatch(/Quarter\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*2025\/26 Q2/);
    expect(check.text).toContain('Whole strategy');
    await coordinator.post(`/board-packs/publish/${b.strategyId}`).type('form').send({ period: '2025-26-Q2', _csrf: 'forged' }).expect(403);
    const done = await coordinator.post(`/board-packs/publish/${b.strategyId}`).type('form').send({ period: '2025-26-Q2', _csrf: csrfOf(check.text) }).expect(200);
    expect(done.text).toContain('govuk-panel--confirmation');
    expect(done.text).toContain('Board pack published');
    expect(done.text).toMatch(/Published by E2E coordinator \(coordinator-[0-9a-f]+@e2e\.test\) on 15 November 2025 at 10:00/);
    const api = (await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q2`).expect(200)).body;
    expect(api.total).toBe(1);
    const reportId = api.items[0].reportId as string;
    expect(done.text).toContain(`href="/board-packs/${reportId}"`);

    const seen = await board.get('/board-packs').expect(200);
    expect(seen.text).toContain('Published by E2E coordinator on 15 November 2025 at 10:00.');
    expect(seen.text).toContain(`href="/board-packs/${reportId}"`);
    const pdf = (await board.get(`/board-packs/${reportId}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    expect(sha(pdf)).toBe(api.items[0].sha256);
  });

  it('lists the earlier pack, still downloadable, once a newer one is published', async () => {
    const check = await coordinator.get(`/board-packs/publish/${b.strategyId}?period=2025-26-Q2`).expect(200);
    t.clock.set(new Date('2025-11-18T15:30:00Z'));
    await coordinator.post(`/board-packs/publish/${b.strategyId}`).type('form').send({ period: '2025-26-Q2', _csrf: csrfOf(check.text) }).expect(200);
    const [newest, earlier] = (await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q2`).expect(200)).body.items;
    const seen = await board.get('/board-packs').expect(200);
    expect(seen.text).toContain('Published by E2E coordinator on 18 November 2025 at 15:30.');
    const table = seen.text.slice(seen.text.indexOf('Earlier published packs'));
    expect(table).toContain(`href="/board-packs/${earlier.reportId}"`);
    expect(table).toContain('15 November 2025 at 10:00');
    expect(newest.current).toBe(true);
  });

  it('makes a pack for one theme or one partnership, naming a wrong choice in the error summary (the form again, 200, like every other page), never a 5xx', async () => {
    const scoped = (q: string) => coordinator.get(`/board-packs/publish/${b.strategyId}?scoped=1&period=2025-26-Q2&${q}`);
    const none = await scoped('themeId=&partnershipId=&action=publish').expect(200);
    expect(summaryOf(none.text)).toEqual(['#themeId Choose a theme or a partnership']);
    expect(none.text).toContain('govuk-error-summary');
    const both = await scoped(`themeId=${safety}&partnershipId=${safer}&action=publish`).expect(200);
    expect(summaryOf(both.text)).toEqual(['#partnershipId Choose a theme or a partnership, not both']);
    const bogus = await scoped('partnershipId=not-a-partnership&action=preview').expect(200);
    expect(summaryOf(bogus.text)).toEqual(['#partnershipId Choose a partnership from the list']);
    const quarter = await coordinator.get(`/board-packs/publish/${b.strategyId}?scoped=1&period=2031-32-Q1&themeId=${safety}&action=publish`).expect(200);
    expect(summaryOf(quarter.text)).toEqual(['#period Choose a quarter from the list']);

    const preview = await scoped(`themeId=${safety}&action=preview`).buffer(true).parse(binary).expect(200).expect('Content-Type', 'application/pdf');
    expect(preview.headers['content-disposition']).toContain('community-safety-only');
    const check = await scoped(`partnershipId=${safer}&action=publish`).expect(200);
    expect(check.text).toContain('Safer Wealden Partnership only');
    expect(check.text).toContain(`name="partnershipId" value="${safer}"`);
    const done = await coordinator.post(`/board-packs/publish/${b.strategyId}`).type('form').send({ period: '2025-26-Q2', partnershipId: safer, _csrf: csrfOf(check.text) }).expect(200);
    expect(done.text).toContain('2025/26 Q2 (July to September 2025): Safer Wealden Partnership only');
    const seen = await board.get('/board-packs').expect(200);
    expect(seen.text).toContain('Packs for one theme or one partnership');
  });

  it('answers a publish POST with a wrong quarter, theme or partnership with the error summary naming the field, and publishes nothing', async () => {
    const check = await coordinator.get(`/board-packs/publish/${b.strategyId}?period=2025-26-Q2`).expect(200);
    const published = async () => (await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q2`).expect(200)).body.total as number;
    const before = await published();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ period: 'next quarter' }, '#period Choose a quarter from the list'],
      [{ period: '2031-32-Q1' }, '#period Choose a quarter from the list'],
      [{ period: '2025-26-Q2', themeId: 'x'.repeat(5000) }, '#themeId Choose a theme from the list'],
      [{ period: '2025-26-Q2', partnershipId: '00000000-0000-4000-8000-000000000000' }, '#partnershipId Choose a partnership from the list'],
    ];
    for (const [body, named] of cases) {
      const res = await coordinator.post(`/board-packs/publish/${b.strategyId}`).type('form').send({ ...body, _csrf: csrfOf(check.text) });
      expect({ body: Object.keys(body), status: res.status, summary: summaryOf(res.text) }).toEqual({ body: Object.keys(body), status: 200, summary: [named] });
    }
    expect(await published()).toBe(before);
  });

  it('refuses publishing to a board member (403 page) and speaks Welsh', async () => {
    const page = await board.get('/board-packs').expect(200);
    await board.get(`/board-packs/publish/${b.strategyId}?period=2025-26-Q2`).expect(403);
    await board.post(`/board-packs/publish/${b.strategyId}`).type('form').send({ period: '2025-26-Q2', _csrf: csrfOf(page.text) }).expect(403);
    const welsh = await board.get('/board-packs?lang=cy').expect(200);
    expect(welsh.text).toContain('Pecynnau’r bwrdd');
    expect(welsh.text).toContain('Cyhoeddwyd gan E2E coordinator');
    await board.get('/board-packs?lang=en').expect(200);
  });
});
