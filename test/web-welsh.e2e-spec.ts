import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const WELSH_MONTHS = /\d{4}\/\d{2} Ch[1-4] \((Ionawr|Ebrill|Gorffennaf|Hydref) i (Fawrth|Fehefin|Fedi|Ragfyr) \d{4}\)/;

// The Welsh pages: chosen before signing in, kept through the session, and <html lang> always the words' language.
describeE2E('web pages in Welsh', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = async (agent: Agent, email: string, password = 'e2e-password-123') => {
    const form = await agent.get('/sign-in').expect(200);
    return agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email, password });
  };

  it('shows the sign-in page in Welsh under lang="cy" when asked, with a link back to English', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const page = await agent.get('/sign-in?lang=cy').expect(200);
    expect(page.text).toContain('<html lang="cy"');
    expect(page.text).toMatch(/<label class="govuk-label" for="email">\s*Cyfeiriad e-bost\s*<\/label>/);
    expect(page.text).toMatch(/<label class="govuk-label" for="password">\s*Cyfrinair\s*<\/label>/);
    expect(page.text).toMatch(/<button[^>]*>\s*Mewngofnodi\s*<\/button>/);
    expect(page.text).not.toContain('Email address');
    // The header's names are Welsh too (the defaults' translations), in the title as well.
    expect(page.text).toContain('Olrhain eich strategaeth gymunedol');
    expect(page.text).toContain('Partneriaeth Strategol Leol');
    expect(page.text).not.toContain('Track your community strategy');
    expect(page.text).not.toContain('Local Strategic Partnership');
    expect(page.text).toMatch(/<a [^>]*href="\/sign-in\?lang=en" hreflang="en" lang="en">English<\/a>/);

    // The choice stays for the session, errors included.
    const empty = await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(page.text) }).expect(200);
    expect(empty.text).toContain('<html lang="cy"');
    expect(empty.text).toContain('Mae problem');
    expect(empty.text).toContain('href="#email">Rhowch eich cyfeiriad e-bost</a>');
    expect(empty.text).toContain('<title>Gwall: Mewngofnodi');

    const back = await agent.get('/sign-in?lang=en').expect(200);
    expect(back.text).toContain('<html lang="en"');
    expect(back.text).toContain('Track your community strategy');
    expect(back.text).toMatch(/<a [^>]*href="\/sign-in\?lang=cy" hreflang="cy" lang="cy">Cymraeg<\/a>/);
  });

  it('ignores a language it does not offer', async () => {
    const page = await t.http().get('/sign-in?lang=fr').expect(200);
    expect(page.text).toContain('<html lang="en"');
    expect(page.text).toContain('Email address');
  });

  it('gives a Welsh officer their returns page in Welsh, quarters in Welsh words', async () => {
    const post = async (path: string, body: object) => (await t.api().post(path).send(body).expect(201)).body;
    const lsp = await post('/api/v1/partnerships', { name: 'Wealden Strategic Partnership', kind: 'lsp' });
    const partnership = await post('/api/v1/partnerships', { name: 'Partneriaeth Wealden Fwy Diogel', kind: 'thematic', parentId: lsp.id });
    const strategy = await post('/api/v1/strategies', { title: 'Pride of Place', area: 'East Sussex', startDate: '2008-04-01', endDate: '2026-03-31', leadPartnershipId: lsp.id });
    const theme = await post(`/api/v1/strategies/${strategy.id}/themes`, { title: 'Community safety' });
    const target = await post(`/api/v1/strategies/${strategy.id}/targets`, {
      code: 'NI 16', title: 'Serious acquisitive crime', themeId: theme.id, unit: 'crimes', direction: 'decrease',
      baselineValue: 100, baselinePeriod: '2024-25-Q4', targetValue: 80, targetPeriod: '2025-26-Q4',
    });
    await post(`/api/v1/targets/${target.id}/assignments`, { partnershipId: partnership.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } });
    const officer = await t.as('partnership-officer', [partnership.id]);
    const agent = request.agent(t.app.getHttpServer());
    await agent.get('/sign-in?lang=cy').expect(200);
    await signIn(agent, officer.user.email).then((res) => expect(res.headers.location).toBe('/your-returns'));
    const page = await agent.get('/your-returns').expect(200);
    expect(page.text).toContain('<html lang="cy"');
    expect(page.text).toContain('Eich ffurflenni ar gyfer');
    expect(page.text).toMatch(WELSH_MONTHS);
    expect(page.text).toContain('Allgofnodi');
    expect(page.text).not.toMatch(/Your returns|Sign out|January|April|July|October/);
    expect(page.text).toContain('Heb ddechrau');

    // The return form, its errors and the check page.
    const form = /href="(\/your-returns\/[^"]+)"/.exec(page.text)?.[1];
    expect(form).toBeDefined();
    const formPage = await agent.get(form!).expect(200);
    expect(formPage.text).toContain('<html lang="cy"');
    expect(formPage.text).toContain('Cadw fel drafft');
    expect(formPage.text).toContain('Parhau');
    expect(formPage.text).toContain('Yn ôl');
    const wrong = await agent.post(form!).type('form').send({ _csrf: csrfOf(formPage.text), value: 'lots', commentary: '' });
    expect(wrong.text).toContain('Mae problem');
    expect(wrong.text).toContain('Rhaid i’r ffigur fod yn rhif, fel 12 neu 3.5');
    expect(wrong.text).not.toMatch(/There is a problem|must be a number/);
  });
});

describeE2E('each user’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = async (agent: Agent, email: string) => {
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email, password: 'e2e-password-123' }).expect(303);
  };

  it('is kept with the user through the users API, validated, and used on signing in', async () => {
    const viewer = await t.as('viewer');
    const admin = await t.as('admin');
    const user = (await admin.get(`/api/v1/users/${viewer.user.id}`).expect(200)).body;
    expect(user.language).toBe('en');
    const refused = await admin.patch(`/api/v1/users/${viewer.user.id}`).send({ language: 'fr' }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('language');
    await admin.patch(`/api/v1/users/${viewer.user.id}`).send({ language: 'cy' }).expect(200);

    const agent = request.agent(t.app.getHttpServer());
    await signIn(agent, viewer.user.email);
    const page = await agent.get('/dashboard').expect(200);
    expect(page.text).toContain('<html lang="cy"');
    expect(page.text).toContain('Y strategaeth yn gryno');

    // The footer link switches back, and the choice is stored for the next sign-in.
    await agent.get('/dashboard?lang=en').expect(200).expect((res) => expect(res.text).toContain('<html lang="en"'));
    expect((await admin.get(`/api/v1/users/${viewer.user.id}`).expect(200)).body.language).toBe('en');
    const fresh = request.agent(t.app.getHttpServer());
    await signIn(fresh, viewer.user.email);
    expect((await fresh.get('/dashboard').expect(200)).text).toContain('<html lang="en"');
  });
});
