import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const summaryOf = (html: string) => /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
const idFrom = (location: string) => /partnership-directory\/([0-9a-f-]{36})/.exec(location)?.[1] ?? '';

// The partnership directory and its forms call the API's services: what the forms refuse, the
// API refuses too, and what they store, the API reads back.
describeE2E('web: the partnership directory', () => {
  let t: TestApp;
  let coordinator: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signedIn('coordinator');
  });
  afterAll(() => t.close());

  async function signedIn(role: 'coordinator' | 'viewer' | 'admin'): Promise<Agent> {
    const user = await t.as(role);
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: user.user.email, password: 'e2e-password-123' }).expect(303);
    return agent;
  }

  async function post(agent: Agent, path: string, body: Record<string, string>) {
    const form = await agent.get(path).expect(200);
    return agent.post(path).type('form').send({ _csrf: csrfOf(form.text), ...body });
  }

  async function addPartnership(body: Record<string, string>): Promise<string> {
    const res = await post(coordinator, '/partnership-directory/new', { statutory: 'no', ...body });
    expect(res.status).toBe(303);
    return idFrom(res.headers.location);
  }

  it('adds partnerships under their parents and shows the hierarchy, LSP → district → thematic', async () => {
    const county = await addPartnership({ name: 'Aardvark County LSP', kind: 'lsp', area: 'Aardvark' });
    const district = await addPartnership({ name: 'Aardvark North LSP', kind: 'lsp', parentId: county });
    const thematic = await addPartnership({ name: 'Aardvark North Safer Communities', kind: 'thematic', parentId: district, statutory: 'yes', chair: 'Cllr Jones', meetingsPerYear: '4' });

    const api = await t.api().get(`/api/v1/partnerships/${thematic}`).expect(200);
    expect(api.body).toMatchObject({ name: 'Aardvark North Safer Communities', kind: 'thematic', parentId: district, statutory: true, chair: 'Cllr Jones', meetingsPerYear: 4 });

    const page = await coordinator.get('/partnership-directory').expect(200);
    const order = [county, district, thematic].map((id) => page.text.indexOf(`/partnership-directory/${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.text).toMatch(new RegExp(`app-directory__depth-2">[\\s\\S]*?${thematic}`));
  });

  it('flags the sectors a partnership’s members leave out, until all four sit on it', async () => {
    const id = await addPartnership({ name: 'Gap Test Partnership', kind: 'thematic' });
    for (const [organisation, sector] of [['Gwynedd Council', 'public'], ['Mantell Gwynedd', 'voluntary']]) {
      expect((await post(coordinator, `/partnership-directory/${id}/members/new`, { organisation, sector })).status).toBe(303);
    }
    let page = await coordinator.get(`/partnership-directory/${id}`).expect(200);
    expect(page.text).toContain('No member comes from: Private sector, Community sector.');
    expect(page.text).toContain('Gwynedd Council');

    for (const [organisation, sector] of [['Siop Leol Cyf', 'private'], ['Cymdeithas Tai Lleol', 'community']]) {
      await post(coordinator, `/partnership-directory/${id}/members/new`, { organisation, sector, role: 'Member' });
    }
    page = await coordinator.get(`/partnership-directory/${id}`).expect(200);
    expect(page.text).not.toContain('No member comes from');
    const members = await t.api().get(`/api/v1/partnerships/${id}/members`).expect(200);
    expect(members.body.items.map((m: { sector: string }) => m.sector).sort()).toEqual(['community', 'private', 'public', 'voluntary']);
  });

  it('changes and removes a member', async () => {
    const id = await addPartnership({ name: 'Member Edit Partnership', kind: 'other' });
    await post(coordinator, `/partnership-directory/${id}/members/new`, { organisation: 'Old Name Ltd', sector: 'private' });
    const [member] = (await t.api().get(`/api/v1/partnerships/${id}/members`).expect(200)).body.items;
    const changed = await post(coordinator, `/partnership-directory/${id}/members/${member.id}/edit`, { organisation: 'New Name Ltd', sector: 'community', role: 'Treasurer' });
    expect(changed.status).toBe(303);
    expect((await t.api().get(`/api/v1/partnerships/${id}/members/${member.id}`).expect(200)).body).toMatchObject({ organisation: 'New Name Ltd', sector: 'community', role: 'Treasurer' });
    const form = await coordinator.get(`/partnership-directory/${id}/members/${member.id}/edit`).expect(200);
    await coordinator.post(`/partnership-directory/${id}/members/${member.id}/remove`).type('form').send({ _csrf: csrfOf(form.text) }).expect(303);
    await t.api().get(`/api/v1/partnerships/${id}/members/${member.id}`).expect(404);
  });

  it('shows what a partnership leads and supports', async () => {
    const b = await new StrategyBuilder(t).init();
    const lead = await b.partnership({ name: 'Leads Things Partnership' });
    const helper = await b.partnership({ name: 'Helps Things Partnership' });
    const theme = await b.theme('Housing');
    const target = await b.target({ code: 'LT 1', themeId: theme, baselineValue: 1, targetValue: 2 });
    await t.api().post(`/api/v1/targets/${target.id}/assignments`).send({ partnershipId: lead, supportingPartnershipIds: [helper], accountableOfficer: { name: 'Ffion Hughes', email: 'ffion@example.test' } }).expect(201);

    const leads = await coordinator.get(`/partnership-directory/${lead}`).expect(200);
    expect(leads.text).toMatch(/Targets it leads[\s\S]*LT 1[\s\S]*Ffion Hughes[\s\S]*Targets it supports/);
    const helps = await coordinator.get(`/partnership-directory/${helper}`).expect(200);
    expect(helps.text).toMatch(/Targets it supports[\s\S]*LT 1[\s\S]*Leads Things Partnership/);
  });

  it.each([
    [{ name: '', kind: 'lsp' }, ['#name', 'Enter the partnership’s name']],
    [{ name: 'No kind' }, ['#kind', 'Select the type of partnership']],
    [{ name: 'x'.repeat(201), kind: 'lsp' }, ['#name', 'Enter the partnership’s name']],
    [{ name: 'Busy', kind: 'lsp', meetingsPerYear: 'lots' }, ['#meetingsPerYear', 'Meetings a year must be a whole number']],
    [{ name: 'Busy', kind: 'lsp', meetingsPerYear: '400' }, ['#meetingsPerYear', 'Meetings a year must be a whole number']],
    [{ name: 'Orphan', kind: 'lsp', parentId: 'not-a-uuid' }, ['#parentId', 'Select the partnership it reports to']],
    [{ name: 'Orphan', kind: 'lsp', parentId: '00000000-0000-4000-8000-000000000000' }, ['#parentId', 'does not exist']],
  ])('refuses %j with the error summary naming the field, and stores nothing', async (body, [href, words]) => {
    const before = (await t.api().get('/api/v1/partnerships?pageSize=1').expect(200)).body.total;
    const res = await post(coordinator, '/partnership-directory/new', body as Record<string, string>);
    expect(res.status).toBe(200);
    const summary = summaryOf(res.text);
    expect(summary).toContain(`href="${href}"`);
    expect(summary).toContain(words);
    expect((await t.api().get('/api/v1/partnerships?pageSize=1').expect(200)).body.total).toBe(before);
  });

  it('refuses a parent that would make a partnership its own ancestor, naming the field', async () => {
    const top = await addPartnership({ name: 'Loop Top', kind: 'lsp' });
    const below = await addPartnership({ name: 'Loop Below', kind: 'lsp', parentId: top });
    const res = await post(coordinator, `/partnership-directory/${top}/edit`, { name: 'Loop Top', kind: 'lsp', parentId: below, statutory: 'no' });
    expect(res.status).toBe(200);
    expect(summaryOf(res.text)).toContain('href="#parentId"');
    expect(summaryOf(res.text)).toContain('would create a cycle');
    expect((await t.api().get(`/api/v1/partnerships/${top}`).expect(200)).body.parentId).toBeNull();
  });

  it('refuses a member with no organisation or sector, or over-long answers, naming the fields', async () => {
    const id = await addPartnership({ name: 'Member Errors', kind: 'thematic' });
    const res = await post(coordinator, `/partnership-directory/${id}/members/new`, { organisation: '  ', sector: 'charity' });
    expect(res.status).toBe(200);
    const summary = summaryOf(res.text);
    expect(summary.indexOf('href="#organisation"')).toBeLessThan(summary.indexOf('href="#sector"'));
    expect(summary).toContain('Select the organisation’s sector');
    const long = await post(coordinator, `/partnership-directory/${id}/members/new`, { organisation: 'o'.repeat(201), sector: 'public', role: 'r'.repeat(201) });
    expect(long.status).toBe(200);
    expect([...summaryOf(long.text).matchAll(/href="#(\w+)"/g)].map((m) => m[1])).toEqual(['organisation', 'role']);
    expect((await t.api().get(`/api/v1/partnerships/${id}/members`).expect(200)).body.total).toBe(0);
  });

  it('lets every reader see the directory but only coordinators and admins change it; every POST needs the form’s token', async () => {
    const viewer = await signedIn('viewer');
    await viewer.get('/partnership-directory').expect(200);
    await viewer.get('/partnership-directory/new').expect(403);
    const page = await viewer.get('/partnership-directory').expect(200);
    expect(page.text).not.toContain('Add a partnership');
    await viewer.post('/partnership-directory/new').type('form').send({ _csrf: csrfOf(page.text), name: 'Sneaky', kind: 'lsp' }).expect(403);
    const admin = await signedIn('admin');
    await admin.get('/partnership-directory/new').expect(200);
    await coordinator.post('/partnership-directory/new').type('form').send({ name: 'No token', kind: 'lsp' }).expect(403);
    await coordinator.get('/partnership-directory/not-a-uuid').expect(400);
    await coordinator.get('/partnership-directory/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
