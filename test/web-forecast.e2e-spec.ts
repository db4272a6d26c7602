import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The page's text without tags, spaces collapsed. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ');

/**
 * The dashboard and target pages show forecasts, days overdue and the targets at risk. The same
 * scenario as summary-forecast.e2e-spec.ts: report period 2025-26-Q2, due by 30 October 2025, the
 * clock at 15 November 2025.
 */
describeE2E('web pages: forecasts and deadlines', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let agent: Agent;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Economy');
    const lead = await b.partnership({ name: 'Economy Partnership' });
    const officer = await t.as('partnership-officer', [lead]);
    for (const code of ['A1', 'A2', 'A4']) {
      ids[code] = (await b.target({ code, themeId: theme, baselinePeriod: '2024-25-Q1', baselineValue: 100, targetPeriod: '2026-27-Q1', targetValue: 200, unit: 'jobs' })).id;
      await b.assign(ids[code], lead, { name: `Officer ${code}`, email: `${code.toLowerCase()}@example.test` });
    }
    t.clock.set(new Date('2025-10-20T10:00:00Z'));
    for (const [code, figures] of [['A1', [150, 160]], ['A2', [150, 165, 180]]] as const) {
      for (const [i, value] of figures.entries()) await b.approvedReturn(officer, ids[code], ['2024-25-Q4', '2025-26-Q1', '2025-26-Q2'][i], value);
    }
    t.clock.set(new Date('2025-11-03T09:00:00Z'));
    await b.approvedReturn(officer, ids.A1, '2025-26-Q2', 165);
    t.clock.set(new Date('2025-11-15T10:00:00Z'));

    const coordinator = await t.as('coordinator');
    agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: coordinator.user.email, password: 'e2e-password-123' }).expect(303);
  });
  afterAll(() => t.close());

  const dashboard = async (lang = 'en') =>
    textOf((await agent.get(`/dashboard?strategy=${b.strategyId}&period=2025-26-Q2&lang=${lang}`).expect(200)).text);

  it('the dashboard lists the target on track now but forecast to miss', async () => {
    const page = await dashboard();
    const atRisk = page.slice(page.indexOf('On track now, but forecast to miss'), page.indexOf('Missing returns'));
    expect(atRisk).toContain('A1 Target A1 On track 188.3 200 Economy Partnership');
    expect(atRisk).not.toContain('A2');
  });

  it('the dashboard says when returns were due, how many days overdue, and which came in late', async () => {
    const page = await dashboard();
    expect(page).toContain('Returns for this quarter are due by 30 October 2025.');
    expect(page).toMatch(/A4 Target A4 Economy Partnership Officer A4 Not started 16 days overdue/);
    expect(page).toMatch(/Returns received after the deadline .*A1 Target A1 Economy Partnership 4 days late/);
  });

  it('the dashboard theme table has a forecast column', async () => {
    const page = await dashboard();
    expect(page).toContain('A1 Target A1 On track 162.5 jobs 165 jobs At risk: 188.3 jobs');
    expect(page).toContain('A2 Target A2 On track 162.5 jobs 180 jobs Likely to meet: 225 jobs');
    expect(page).toContain('A4 Target A4 No data 162.5 jobs None No forecast');
  });

  it('the target page states the forecast, its method and the return’s deadline', async () => {
    const a1 = textOf((await agent.get(`/target/${ids.A1}?period=2025-26-Q2`).expect(200)).text);
    expect(a1).toContain('Forecast At risk 188.3 jobs by 2026/27 Q1 (April to June 2026) A least-squares straight line through the 3 most recent approved figures (at most 4), read at the target period.');
    expect(a1).toContain('Return for this quarter 4 days late');
    const a4 = textOf((await agent.get(`/target/${ids.A4}?period=2025-26-Q2`).expect(200)).text);
    expect(a4).toContain('Forecast No forecast At least 3 approved figures are needed for a forecast; there are 0.');
    expect(a4).toContain('Return for this quarter 16 days overdue');
    const a2 = textOf((await agent.get(`/target/${ids.A2}?period=2025-26-Q2`).expect(200)).text);
    expect(a2).not.toContain('Return for this quarter');
  });

  it('in Welsh', async () => {
    const page = await dashboard('cy');
    expect(page).toContain('Ar y trywydd nawr, ond rhagwelir y bydd yn methu');
    expect(page).toContain('16 diwrnod yn hwyr');
    expect(page).toContain('30 Hydref 2025');
    await dashboard('en');
  });
});
