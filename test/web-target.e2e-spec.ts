import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The text of a page without its tags, as a reader (or screen reader) gets it. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

// The target page: who is accountable, who supports, and the action plan (issue 12, point 3).
describeE2E('the target page', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let planned: string;
  let unplanned: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const safety = await b.theme('Community safety');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    const police = await b.partnership({ name: 'Sussex Police Wealden' });
    const target = await b.target({ code: 'CS 1', title: 'Serious acquisitive crime', themeId: safety, baselineValue: 100, targetValue: 80, unit: 'crimes', direction: 'decrease' });
    planned = target.id;
    await t.api().post(`/api/v1/targets/${planned}/assignments`).send({
      partnershipId: safer,
      supportingPartnershipIds: [police],
      accountableOfficer: { name: 'Tom Ellis', email: 'tom@example.test' },
      actions: [
        { description: 'Target hardening scheme for 200 homes in Hailsham', owner: 'Wealden District Council', dueDate: '2025-12-31', status: 'in-progress' },
        { description: 'Shop-watch radio link for Crowborough', owner: 'Sussex Police', dueDate: null, status: 'not-started' },
        { description: 'Recruit two volunteer coordinators', owner: 'Safer Wealden Partnership', dueDate: '2025-06-30', status: 'done' },
      ],
    }).expect(201);
    unplanned = (await b.target({ code: 'CS 2', title: 'Repeat incidents of domestic violence', themeId: safety, baselineValue: 100, targetValue: 80, direction: 'decrease' })).id;
    await b.assign(unplanned, safer, { name: 'Tom Ellis', email: 'tom@example.test' });
  });
  afterAll(() => t.close());

  const signedIn = async (lang?: 'cy'): Promise<Agent> => {
    const viewer = await t.as('viewer');
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get(`/sign-in${lang ? `?lang=${lang}` : ''}`).expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: viewer.user.email, password: 'e2e-password-123' }).expect(303);
    return agent;
  };

  it('shows the accountable officer, the supporting partnerships and the action plan in order, with owner, due date and status', async () => {
    const agent = await signedIn();
    const page = await agent.get(`/target/${planned}`).expect(200);
    const text = words(page.text);
    expect(text).toContain('Accountable officer Tom Ellis');
    expect(text).toContain('Supporting partnerships Sussex Police Wealden');
    expect(page.text).toContain('<h2 class="govuk-heading-m" id="action-plan">Action plan</h2>');
    expect(text).toMatch(
      /Action Owner Due Status Target hardening scheme for 200 homes in Hailsham Wealden District Council 31 December 2025 In progress Shop-watch radio link for Crowborough Sussex Police No date Not started Recruit two volunteer coordinators Safer Wealden Partnership 30 June 2025 Done/,
    );
    expect(page.text).toMatch(/<strong class="govuk-tag govuk-tag--blue">\s*In progress\s*<\/strong>/);
  });

  it('says so when a target has no actions planned', async () => {
    const agent = await signedIn();
    const page = await agent.get(`/target/${unplanned}`).expect(200);
    expect(words(page.text)).toContain('Action plan No actions have been planned for this target.');
  });

  it('gives the action plan in Welsh to a Welsh reader', async () => {
    const agent = await signedIn('cy');
    const page = await agent.get(`/target/${planned}`).expect(200);
    const text = words(page.text);
    expect(page.text).toContain('<html lang="cy"');
    expect(text).toContain('Cynllun gweithredu');
    expect(text).toContain('31 Rhagfyr 2025 Ar y gweill');
    expect(text).toContain('Dim dyddiad Heb ddechrau');
    expect(text).not.toMatch(/Action plan|In progress|No date/);
  });
  it('writes figures as the board pack does, with thousands grouped', async () => {
    const safety = await b.theme('Housing supply');
    const homes = await b.partnership({ name: 'Wealden Housing Partnership' });
    const target = await b.target({ code: 'HS 1', title: 'Homes brought back into use', themeId: safety, baselineValue: 12500, targetValue: 10000, unit: 'homes', direction: 'decrease' });
    await b.assign(target.id, homes);
    await b.approvedReturn(await t.as('partnership-officer', [homes]), target.id, '2025-26-Q2', 11250.5);
    const text = words((await (await signedIn()).get(`/target/${target.id}`).expect(200)).text);
    expect(text).toContain('12,500 homes');
    expect(text).toContain('10,000 homes');
    expect(text).toContain('11,250.5');
    expect(text).not.toMatch(/\b12500\b|\b11250\.5\b/);
  });
});
