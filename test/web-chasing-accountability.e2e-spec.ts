import request from 'supertest';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const decodeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"');

// The clock is 15 November 2025: 2025-26-Q2 is the latest completed quarter, the pages' default.
describeE2E('web: chasing missing returns, and who is accountable for what', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let agent: Agent;
  let safety: string;
  let safer: string;
  let homes: string;
  let health: string;

  const signIn = async (client: ApiClient) => {
    const a = request.agent(t.app.getHttpServer());
    const form = await a.get('/sign-in').expect(200);
    await a.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: client.user.email, password: 'e2e-password-123' }).expect(303);
    return a;
  };

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    safety = await b.theme('Community safety');
    const housing = await b.theme('Housing');
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    homes = await b.partnership({ name: 'Wealden Housing Partnership' });
    health = await b.partnership({ name: 'Health and Wellbeing Board' });
    const saferOfficer = await t.as('partnership-officer', [safer]);
    const target = async (code: string, themeId: string) => (await b.target({ code, title: `Target ${code}`, themeId, baselineValue: 100, targetValue: 140 })).id;
    const s1 = await target('S 1', safety);
    const s2 = await target('S 2', safety);
    const h1 = await target('H 1', housing);
    const h2 = await target('H 2', housing);
    await target('U 1', housing); // unassigned: owes nobody a return
    await b.assign(s1, safer, { name: 'Sam Safer', email: 'sam@safer.example' });
    await b.assign(s2, safer, { name: 'Sue Safer', email: 'sue@safer.example' });
    await t.api().post(`/api/v1/targets/${h1}/assignments`).send({ partnershipId: homes, supportingPartnershipIds: [health], accountableOfficer: { name: 'Hal Homes', email: '=cmd@homes.example' } }).expect(201);
    await b.assign(h2, homes, { name: 'Hal Homes', email: 'hal@homes.example' });
    // S 2 has sent its return in; H 2 has only a draft.
    await b.submitReturn(saferOfficer, s2, '2025-26-Q2', 121);
    await (await t.as('partnership-officer', [homes])).post(`/api/v1/targets/${h2}/progress`).send({ period: '2025-26-Q2', value: 90 }).expect(201);
    agent = await signIn(t.api());
  });
  afterAll(() => t.close());

  describe('chasing', () => {
    it('is linked from the start page and lists the quarter’s missing returns by partnership with the accountable officers', async () => {
      expect((await agent.get('/dashboard').expect(200)).text).toContain(`href="/chasing?strategy=${b.strategyId}&amp;period=2025-26-Q2"`);
      const page = await agent.get(`/chasing?strategy=${b.strategyId}`).expect(200);
      expect(page.text).toContain('Returns missing: 3');
      const housingAt = page.text.indexOf('>Wealden Housing Partnership</h2>');
      const saferAt = page.text.indexOf('>Safer Wealden Partnership</h2>');
      // By partnership name, as the board pack lists missing returns.
      expect(housingAt).toBeGreaterThan(saferAt);
      expect(page.text.slice(saferAt, housingAt)).toContain('S 1 Target S 1');
      expect(page.text).not.toContain('S 2 Target S 2');
      expect(page.text).not.toContain('U 1 Target U 1');
      expect(page.text).toContain('Sam Safer');
      expect(page.text).toContain('href="mailto:hal@homes.example"');
      // H 2's draft is shown as a draft, not as "not started".
      expect(page.text.slice(housingAt)).toMatch(/H 2 Target H 2[\s\S]*govuk-tag--grey">Draft/);
    });

    it('offers every address in a plain field to copy, and a mailto with a polite prefilled message', async () => {
      const page = await agent.get(`/chasing?strategy=${b.strategyId}&period=2025-26-Q2`).expect(200);
      expect(page.text).toMatch(/<textarea[^>]*id="emails"[^>]*readonly[^>]*>sam@safer.example; =cmd@homes.example; hal@homes.example<\/textarea>/);
      const mailto = decodeHtml(/href="(mailto:[^"]*\?subject=[^"]*)">Write to all of them/.exec(page.text)![1]);
      const url = new URL(mailto);
      expect(decodeURIComponent(url.pathname)).toBe('sam@safer.example,=cmd@homes.example,hal@homes.example');
      expect(url.searchParams.get('subject')).toBe('Pride of Place: returns for 2025/26 Q2 (July to September 2025)');
      const body = url.searchParams.get('body')!;
      expect(body).toContain('Hello,');
      expect(body).toContain('- S 1 Target S 1');
      expect(body).toContain('Could you send it when you can?');
      expect(body).toContain(`Thank you,\nE2E coordinator`);
    });

    it('filters by partnership and by theme', async () => {
      const bySafer = await agent.get(`/chasing?strategy=${b.strategyId}&partnershipId=${safer}`).expect(200);
      expect(bySafer.text).toContain('Returns missing: 1');
      expect(bySafer.text).not.toContain('Wealden Housing Partnership</h2>');
      const bySafety = await agent.get(`/chasing?strategy=${b.strategyId}&themeId=${safety}`).expect(200);
      expect(bySafety.text).toContain('Returns missing: 1');
      // An unknown filter value is ignored, not a 5xx.
      await agent.get(`/chasing?strategy=nonsense&period=2099-00-Q9&themeId[x]=1`).expect(200);
    });

    it('is for coordinators: a viewer gets the 403 page', async () => {
      await (await signIn(await t.as('viewer'))).get('/chasing').expect(403);
    });
  });

  describe('accountability', () => {
    it('shows every target with its lead, officer and supporters, filterable by theme and by partnership (lead or supporter)', async () => {
      const page = await agent.get(`/accountability?strategy=${b.strategyId}`).expect(200);
      for (const code of ['H 1', 'H 2', 'S 1', 'S 2', 'U 1']) expect(page.text).toContain(`${code} Target ${code}`);
      expect(page.text).toContain('Targets with no lead partnership: 1.');
      expect(page.text).toContain('Health and Wellbeing Board');
      const byHealth = await agent.get(`/accountability?strategy=${b.strategyId}&partnershipId=${health}`).expect(200);
      expect(byHealth.text).toContain('H 1 Target H 1');
      expect(byHealth.text).not.toContain('H 2 Target H 2');
      const bySafety = await agent.get(`/accountability?strategy=${b.strategyId}&themeId=${safety}`).expect(200);
      expect(bySafety.text).toContain('S 1 Target S 1');
      expect(bySafety.text).not.toContain('H 1 Target H 1');
      expect(bySafety.text).toContain(`href="/accountability/export.csv?strategy=${b.strategyId}&amp;themeId=${safety}"`);
    });

    it('exports the filtered matrix as CSV with formula-like cells neutralised', async () => {
      const all = await agent.get(`/accountability/export.csv?strategy=${b.strategyId}`).expect(200).expect('Content-Type', /text\/csv/);
      expect(all.headers['content-disposition']).toContain('pride-of-place-accountability.csv');
      const lines = all.text.trim().split(/\r?\n/);
      expect(lines[0]).toBe('code,title,theme,lead_partnership,accountable_officer,officer_email,supporting_partnerships');
      expect(lines).toContain("H 1,Target H 1,Housing,Wealden Housing Partnership,Hal Homes,'=cmd@homes.example,Health and Wellbeing Board");
      expect(lines).toContain('U 1,Target U 1,Housing,,,,');
      const bySafer = await agent.get(`/accountability/export.csv?strategy=${b.strategyId}&partnershipId=${safer}`).expect(200);
      expect(bySafer.text.trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0])).toEqual(['S 1', 'S 2']);
    });

    it('is for coordinators: an officer gets the 403 page', async () => {
      const officer = await signIn(await t.as('partnership-officer', [homes]));
      await officer.get('/accountability').expect(403);
      await officer.get('/accountability/export.csv').expect(403);
    });
  });
});
