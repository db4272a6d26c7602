import request from 'supertest';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The `id:version` values of the inbox's checkboxes, in page order. */
const boxesOf = (html: string) => [...html.matchAll(/name="update" type="checkbox" value="([^"]+)"/g)].map((m) => m[1]);

// The clock is 15 November 2025: 2025-26-Q2 is the latest completed quarter, the page's default.
describeE2E('web: the approvals inbox', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let agent: Agent;
  let saferOfficer: ApiClient;
  let housing: string;
  let homes: string;
  const ids: Record<string, string> = {};

  const signIn = async (client: ApiClient) => {
    const a = request.agent(t.app.getHttpServer());
    const form = await a.get('/sign-in').expect(200);
    await a.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: client.user.email, password: 'e2e-password-123' }).expect(303);
    return a;
  };

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const safety = await b.theme('Community safety');
    housing = await b.theme('Housing');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    homes = await b.partnership({ name: 'Wealden Housing Partnership' });
    saferOfficer = await t.as('partnership-officer', [safer]);
    const homesOfficer = await t.as('partnership-officer', [homes]);
    for (const [code, theme, lead, officer, value] of [
      ['NI 3', safety, safer, saferOfficer, 121],
      ['NI 20', safety, safer, saferOfficer, 116],
      ['NI 154', housing, homes, homesOfficer, 113],
    ] as const) {
      const target = await b.target({ code, title: `Target ${code}`, themeId: theme, baselineValue: 100, targetValue: 140 });
      await b.assign(target.id, lead);
      ids[code] = target.id;
      ids[`u ${code}`] = await b.submitReturn(officer, target.id, '2025-26-Q2', value, { commentary: `Commentary of ${code}` });
    }
    agent = await signIn(t.api());
  });
  afterAll(() => t.close());

  const statusOf = async (code: string) => (await t.api().get(`/api/v1/progress/${ids[`u ${code}`]}`).expect(200)).body as { status: string; version: number; returnReason: string | null };

  it('is linked from the coordinator’s start page and lists every submitted update with figure, expected value, RAG and commentary', async () => {
    const start = await agent.get('/dashboard').expect(200);
    expect(start.text).toContain(`href="/approvals?strategy=${b.strategyId}&amp;period=2025-26-Q2"`);
    const page = await agent.get(`/approvals?strategy=${b.strategyId}`).expect(200);
    expect(page.text).toContain('Approvals: 2025/26 Q2 (July to September 2025)');
    expect(boxesOf(page.text)).toHaveLength(3);
    for (const text of ['NI 3 Target NI 3', '121 count', '120 count', 'Commentary of NI 154', 'Wealden Housing Partnership']) expect(page.text).toContain(text);
    expect(page.text).toContain('govuk-tag--green');
    expect(page.text).toContain('govuk-tag--red');
  });

  it('filters by theme and by partnership', async () => {
    const byTheme = await agent.get(`/approvals?strategy=${b.strategyId}&period=2025-26-Q2&themeId=${housing}`).expect(200);
    expect(boxesOf(byTheme.text)).toEqual([`${ids['u NI 154']}:2`]);
    const byPartnership = await agent.get(`/approvals?strategy=${b.strategyId}&period=2025-26-Q2&partnershipId=${homes}`).expect(200);
    expect(boxesOf(byPartnership.text)).toEqual([`${ids['u NI 154']}:2`]);
  });

  it('with nothing selected shows the error summary and approves nothing', async () => {
    const page = await agent.get(`/approvals?strategy=${b.strategyId}`).expect(200);
    const res = await agent.post('/approvals').type('form').send({ _csrf: csrfOf(page.text), strategy: b.strategyId, period: '2025-26-Q2' }).expect(200);
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain('Select at least one update to approve');
    expect(res.text).toContain('href="#update"');
    const odd = await agent.post('/approvals').type('form').send(`_csrf=${csrfOf(page.text)}&strategy=${b.strategyId}&update=nonsense&update[x]=1`);
    expect(odd.status).toBeLessThan(500);
    expect((await statusOf('NI 3')).status).toBe('submitted');
  });

  it('takes a batch of hundreds of checked updates in one POST (no form-field limit in the way)', async () => {
    const page = await agent.get(`/approvals?strategy=${b.strategyId}`).expect(200);
    const missing = Array.from({ length: 300 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}:1`);
    const res = await agent.post('/approvals').type('form').send({ _csrf: csrfOf(page.text), strategy: b.strategyId, period: '2025-26-Q2', update: [`${ids['u NI 3']}:2`, ...missing] }).expect(200);
    // Read, then refused as a whole: the first unknown update is named and NI 3 is not approved either.
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain('Nothing was approved or returned');
    expect((await statusOf('NI 3')).status).toBe('submitted');
  });

  it('refuses a POST without the CSRF token', async () => {
    await agent.post('/approvals').type('form').send({ strategy: b.strategyId, update: `${ids['u NI 3']}:2` }).expect(403);
    expect((await statusOf('NI 3')).status).toBe('submitted');
  });

  it('approves nothing when one of the selected updates changed since the page was read, and says which', async () => {
    const page = await agent.get(`/approvals?strategy=${b.strategyId}&period=2025-26-Q2`).expect(200);
    const boxes = boxesOf(page.text);
    // The officer corrects NI 20 after the coordinator read the inbox.
    const before = await statusOf('NI 20');
    await saferOfficer.patch(`/api/v1/progress/${ids['u NI 20']}`).send({ version: before.version, value: 117 }).expect(200);
    const res = await agent.post('/approvals').type('form').send({ _csrf: csrfOf(page.text), strategy: b.strategyId, period: '2025-26-Q2', update: boxes }).expect(200);
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toMatch(/NI 20 2025-26-Q2: .*nothing was approved/);
    for (const code of ['NI 3', 'NI 20', 'NI 154']) expect((await statusOf(code)).status).toBe('submitted');
  });

  it('approves several at once in one POST', async () => {
    const page = await agent.get(`/approvals?strategy=${b.strategyId}&period=2025-26-Q2`).expect(200);
    const [first, second] = boxesOf(page.text);
    const res = await agent.post('/approvals').type('form').send({ _csrf: csrfOf(page.text), strategy: b.strategyId, period: '2025-26-Q2', update: [first, second] }).expect(303);
    expect(res.headers.location).toContain('approved=2');
    expect((await statusOf('NI 3')).status).toBe('approved');
    expect((await statusOf('NI 20')).status).toBe('approved');
    const after = await agent.get(res.headers.location).expect(200);
    expect(after.text).toContain('Updates approved: 2');
    expect(boxesOf(after.text)).toEqual([`${ids['u NI 154']}:2`]);
  });

  it('returns one with a reason, which is required', async () => {
    const form = await agent.get(`/approvals/${ids['u NI 154']}/return?strategy=${b.strategyId}&period=2025-26-Q2`).expect(200);
    expect(form.text).toContain('Return the update for NI 154');
    const empty = await agent.post(`/approvals/${ids['u NI 154']}/return`).type('form').send({ _csrf: csrfOf(form.text), version: '2', strategy: b.strategyId, period: '2025-26-Q2', reason: '   ' }).expect(200);
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('Enter why you are returning the update');
    const long = await agent.post(`/approvals/${ids['u NI 154']}/return`).type('form').send({ _csrf: csrfOf(form.text), version: '2', reason: 'x'.repeat(2001) }).expect(200);
    expect(long.text).toContain('2,000 characters or fewer');
    expect((await statusOf('NI 154')).status).toBe('submitted');

    const done = await agent.post(`/approvals/${ids['u NI 154']}/return`).type('form').send({ _csrf: csrfOf(form.text), version: '2', strategy: b.strategyId, period: '2025-26-Q2', reason: 'Please check against the housing return' }).expect(303);
    expect(done.headers.location).toContain('returned=NI+154');
    expect(await statusOf('NI 154')).toMatchObject({ status: 'returned', returnReason: 'Please check against the housing return' });
    expect((await agent.get(done.headers.location).expect(200)).text).toContain('NI 154 returned to the partnership');
  });

  it('is for coordinators and admins: an officer and a viewer get the 403 page', async () => {
    const officer = await signIn(saferOfficer);
    await officer.get('/approvals').expect(403);
    const viewer = await signIn(await t.as('viewer'));
    await viewer.get('/approvals').expect(403);
    await viewer.get(`/approvals/${ids['u NI 3']}/return`).expect(403);
  });
});
