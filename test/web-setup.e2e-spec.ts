import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const summaryOf = (html: string) => /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
const hrefs = (html: string) => [...summaryOf(html).matchAll(/href="#([\w-]+)"/g)].map((m) => m[1]);
const strategyFrom = (location: string) => /set-up\/([0-9a-f-]{36})/.exec(location)?.[1] ?? '';

// The strategy's set-up in the browser, on the API's services: what the forms store, the API
// reads back; what the API refuses, the forms refuse with the field named, never a 5xx.
describeE2E('web: setting a strategy up', () => {
  let t: TestApp;
  let coordinator: Agent;
  let lsp: string;
  let district: string;
  let thematic: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signedIn('coordinator');
    const partnership = async (name: string, kind: string) => (await t.api().post('/api/v1/partnerships').send({ name, kind }).expect(201)).body.id as string;
    lsp = await partnership('Partneriaeth Gwynedd', 'lsp');
    district = await partnership('Gwynedd Arfon LSP', 'lsp');
    thematic = await partnership('Gwynedd Community Safety', 'thematic');
  });
  afterAll(() => t.close());

  async function signedIn(role: 'coordinator' | 'viewer'): Promise<Agent> {
    const user = await t.as(role);
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: user.user.email, password: 'e2e-password-123' }).expect(303);
    return agent;
  }

  async function post(path: string, body: Record<string, string | string[]>, formPath = path) {
    const form = await coordinator.get(formPath).expect(200);
    return coordinator.post(path).type('form').send({ _csrf: csrfOf(form.text), ...body });
  }

  const strategyBody = (over: Record<string, string> = {}) => ({
    title: 'Gwynedd Sustainable Community Strategy',
    area: 'Gwynedd',
    'startDate-day': '1',
    'startDate-month': '4',
    'startDate-year': '2025',
    'endDate-day': '31',
    'endDate-month': '3',
    'endDate-year': '2030',
    leadPartnershipId: lsp,
    status: 'adopted',
    language: 'cy',
    returnDeadlineDays: '45',
    ...over,
  });

  async function newStrategy(): Promise<string> {
    const res = await post('/set-up/new', strategyBody());
    expect(res.status).toBe(303);
    return strategyFrom(res.headers.location);
  }

  async function newTheme(strategyId: string, title = 'Safer communities'): Promise<string> {
    await post(`/set-up/${strategyId}/themes/new`, { title, kind: 'theme' }).then((r) => expect(r.status).toBe(303));
    const themes = await t.api().get(`/api/v1/strategies/${strategyId}/themes`).expect(200);
    return themes.body.items.find((th: { title: string }) => th.title === title).id;
  }

  const targetBody = (themeId: string, over: Record<string, string> = {}) => ({
    code: 'GW 1',
    title: 'Reduce anti-social behaviour incidents',
    themeId,
    unit: 'incidents',
    direction: 'decrease',
    frequency: 'quarterly',
    baselineValue: '1,200',
    baselinePeriod: '2024-25-Q4',
    targetValue: '900',
    targetPeriod: '2027-28-Q4',
    milestones: '2025-26-Q4 1100\r\n2026-27-Q4 1000',
    tolerancePercent: '5',
    ...over,
  });

  it('creates a strategy with its board pack language and return deadline, as the API reads it', async () => {
    const id = await newStrategy();
    const strategy = await t.api().get(`/api/v1/strategies/${id}`).expect(200);
    expect(strategy.body).toMatchObject({ title: 'Gwynedd Sustainable Community Strategy', startDate: '2025-04-01', endDate: '2030-03-31', status: 'adopted', language: 'cy', returnDeadlineDays: 45, leadPartnershipId: lsp });
    const page = await coordinator.get(`/set-up/${id}`).expect(200);
    expect(page.text).toContain('Welsh (Cymraeg)');
    expect(page.text).toContain('45 days after the quarter ends');
    // The lead is chosen by name, and only LSPs are offered.
    const form = await coordinator.get('/set-up/new').expect(200);
    expect(form.text).toContain(`<option value="${district}">Gwynedd Arfon LSP</option>`);
    expect(form.text).not.toContain(thematic);
  });

  it.each([
    [{ title: '', area: '' }, ['title', 'area']],
    [{ 'startDate-day': '31', 'startDate-month': '2', 'startDate-year': '2025' }, ['startDate']],
    [{ 'endDate-day': 'x', 'endDate-month': '', 'endDate-year': '' }, ['endDate']],
    [{ leadPartnershipId: '' }, ['leadPartnershipId']],
    [{ returnDeadlineDays: 'a month' }, ['returnDeadlineDays']],
    [{ returnDeadlineDays: '400', language: 'fr' }, ['language', 'returnDeadlineDays']],
    [{ 'endDate-year': '2020' }, ['endDate']],
  ])('refuses the strategy %j naming %j, and stores nothing', async (over, fieldsNamed) => {
    const before = (await t.api().get('/api/v1/strategies').expect(200)).body.total;
    const res = await post('/set-up/new', strategyBody(over));
    expect(res.status).toBe(200);
    expect(hrefs(res.text)).toEqual(fieldsNamed);
    expect((await t.api().get('/api/v1/strategies').expect(200)).body.total).toBe(before);
  });

  it('refuses a thematic partnership as lead with the service’s reason against the field', async () => {
    const res = await post('/set-up/new', strategyBody({ leadPartnershipId: thematic }));
    expect(res.status).toBe(200);
    expect(hrefs(res.text)).toEqual(['leadPartnershipId']);
    expect(summaryOf(res.text)).toContain('not an lsp');
  });

  it('adds themes and priorities, refusing bad ones by field', async () => {
    const id = await newStrategy();
    const theme = await newTheme(id, 'Housing');
    const bad = await post(`/set-up/${id}/themes/new`, { title: '', kind: 'theme', position: '-1' });
    expect(hrefs(bad.text)).toEqual(['title', 'position']);
    const priority = await post(`/set-up/${id}/priorities/new`, { title: 'Welsh language in everyday life', kind: 'cross-cutting', themeIds: [theme] });
    expect(priority.status).toBe(303);
    const priorities = await t.api().get(`/api/v1/strategies/${id}/priorities`).expect(200);
    expect(priorities.body.items).toEqual([expect.objectContaining({ title: 'Welsh language in everyday life', themeIds: [theme] })]);
    const priorityId = priorities.body.items[0].id;
    const changed = await post(`/set-up/${id}/priorities/${priorityId}/edit`, { title: 'Welsh in everyday life', kind: 'local', partnershipId: district });
    expect(changed.status).toBe(303);
    expect((await t.api().get(`/api/v1/priorities/${priorityId}`).expect(200)).body).toMatchObject({ title: 'Welsh in everyday life', kind: 'local', partnershipId: district, themeIds: [] });
    const local = await post(`/set-up/${id}/priorities/new`, { title: 'Arfon first', kind: 'local' });
    expect(local.status).toBe(200);
    expect(hrefs(local.text)).toEqual(['partnershipId']);
    const renamed = await post(`/set-up/${id}/themes/${theme}/edit`, { title: 'Housing and homes', kind: 'theme' });
    expect(renamed.status).toBe(303);
    expect((await t.api().get(`/api/v1/themes/${theme}`).expect(200)).body.title).toBe('Housing and homes');
  });

  it('adds a target with milestones after "check your answers", and refuses bad figures and periods by field', async () => {
    const id = await newStrategy();
    const theme = await newTheme(id);
    const bad = await post(`/set-up/${id}/targets/new`, targetBody(theme, { code: '', baselineValue: 'lots', targetPeriod: '2027-Q4', milestones: 'soon 5' }));
    expect(bad.status).toBe(200);
    expect(hrefs(bad.text)).toEqual(['code', 'baselineValue', 'targetPeriod', 'milestones']);

    const check = await post(`/set-up/${id}/targets/new`, targetBody(theme));
    expect(check.status).toBe(200);
    expect(check.text).toContain('Check the target before saving it');
    expect((await t.api().get(`/api/v1/strategies/${id}/targets`).expect(200)).body.total).toBe(0);

    const saved = await post(`/set-up/${id}/targets/new`, { ...targetBody(theme), step: 'confirm' }, `/set-up/${id}/targets/new`);
    expect(saved.status).toBe(303);
    const targets = await t.api().get(`/api/v1/strategies/${id}/targets`).expect(200);
    expect(targets.body.items[0]).toMatchObject({
      code: 'GW 1',
      direction: 'decrease',
      baselineValue: 1200,
      targetValue: 900,
      milestones: [{ period: '2025-26-Q4', value: 1100 }, { period: '2026-27-Q4', value: 1000 }],
    });

    const duplicate = await post(`/set-up/${id}/targets/new`, { ...targetBody(theme), step: 'confirm' }, `/set-up/${id}/targets/new`);
    expect(duplicate.status).toBe(200);
    expect(hrefs(duplicate.text)).toEqual(['code']);
    const offTrajectory = await post(`/set-up/${id}/targets/new`, { ...targetBody(theme, { code: 'GW 2', milestones: '2030-31-Q4 5' }), step: 'confirm' }, `/set-up/${id}/targets/new`);
    expect(offTrajectory.status).toBe(200);
    expect(hrefs(offTrajectory.text)).toEqual(['milestones']);
  });

  it('shows what a change does to the trajectory before saving it, and what the other person changed on a version conflict', async () => {
    const id = await newStrategy();
    const theme = await newTheme(id);
    await post(`/set-up/${id}/targets/new`, { ...targetBody(theme), step: 'confirm' }, `/set-up/${id}/targets/new`);
    const [target] = (await t.api().get(`/api/v1/strategies/${id}/targets`).expect(200)).body.items;
    const path = `/set-up/${id}/targets/${target.id}/edit`;

    const check = await post(path, { ...targetBody(theme, { targetValue: '800' }), version: '1' });
    expect(check.status).toBe(200);
    expect(check.text).toMatch(/Target figure[\s\S]*?800[\s\S]*?Changed[\s\S]*?Was: 900/);
    const saved = await post(path, { ...targetBody(theme, { targetValue: '800' }), version: '1', step: 'confirm' });
    expect(saved.status).toBe(303);
    expect((await t.api().get(`/api/v1/targets/${target.id}`).expect(200)).body).toMatchObject({ targetValue: 800, version: 2 });

    // Someone else renames it while this coordinator still holds version 2.
    await t.api().patch(`/api/v1/targets/${target.id}`).send({ version: 2, title: 'Cut anti-social behaviour' }).expect(200);
    const conflict = await post(path, { ...targetBody(theme, { targetValue: '700' }), version: '2', step: 'confirm' });
    expect(conflict.status).toBe(200);
    expect(conflict.text).toContain('Someone else changed this target while you were editing it');
    expect(conflict.text).toMatch(/Title<\/td>\s*<td[^>]*>Cut anti-social behaviour<\/td>\s*<td[^>]*>Reduce anti-social behaviour incidents/);
    expect(conflict.text).toContain('name="version" value="3"');
    expect((await t.api().get(`/api/v1/targets/${target.id}`).expect(200)).body).toMatchObject({ targetValue: 800, version: 3 });
  });

  it('assigns a target to partnerships chosen by name, with its officer and action plan', async () => {
    const id = await newStrategy();
    const theme = await newTheme(id);
    await post(`/set-up/${id}/targets/new`, { ...targetBody(theme), step: 'confirm' }, `/set-up/${id}/targets/new`);
    const [target] = (await t.api().get(`/api/v1/strategies/${id}/targets`).expect(200)).body.items;
    const path = `/set-up/${id}/targets/${target.id}/assignment`;
    const form = await coordinator.get(path).expect(200);
    expect(form.text).toContain(`<option value="${thematic}">Gwynedd Community Safety</option>`);

    const bad = await post(path, { partnershipId: '', officerName: '', officerEmail: 'not an email' });
    expect(hrefs(bad.text)).toEqual(['partnershipId', 'officerName', 'officerEmail']);
    const selfSupport = await post(path, { partnershipId: thematic, supportingPartnershipIds: [thematic], officerName: 'Elin Roberts', officerEmail: 'elin@gwynedd.example' });
    expect(hrefs(selfSupport.text)).toEqual(['supportingPartnershipIds']);
    const noAction = await post(`${path}/actions`, { description: 'x' }, path);
    expect(noAction.status).toBe(303);

    const saved = await post(path, { partnershipId: thematic, supportingPartnershipIds: [district], officerName: 'Elin Roberts', officerEmail: 'Elin@Gwynedd.example' });
    expect(saved.status).toBe(303);
    const matrix = await t.api().get(`/api/v1/strategies/${id}/accountability`).expect(200);
    expect(matrix.body.rows[0]).toMatchObject({
      lead: { id: thematic, name: 'Gwynedd Community Safety' },
      accountableOfficer: { name: 'Elin Roberts', email: 'elin@gwynedd.example' },
      supportingPartnerships: [{ id: district, name: 'Gwynedd Arfon LSP' }],
    });

    const badAction = await post(`${path}/actions`, { description: '', owner: 'Police', 'dueDate-day': '31', 'dueDate-month': '9', 'dueDate-year': '2026', status: 'done' }, path);
    expect(hrefs(badAction.text)).toEqual(['description', 'dueDate']);
    const action = await post(`${path}/actions`, { description: 'Extend street wardens to Caernarfon', owner: 'North Wales Police', 'dueDate-day': '30', 'dueDate-month': '9', 'dueDate-year': '2026', status: 'in-progress' }, path);
    expect(action.status).toBe(303);
    const assignment = await t.api().get(`/api/v1/assignments/${matrix.body.rows[0].assignmentId}`).expect(200);
    expect(assignment.body.actions).toEqual([{ description: 'Extend street wardens to Caernarfon', owner: 'North Wales Police', dueDate: '2026-09-30', status: 'in-progress' }]);

    await post(`${path}/actions`, { description: 'Open a youth hub in Bangor', owner: 'Gwynedd Council', status: 'not-started' }, path);
    expect((await post(`${path}/actions/0`, { status: 'done' }, path)).status).toBe(303);
    expect((await post(`${path}/actions/1`, { status: 'not-started', remove: 'yes' }, path)).status).toBe(303);
    expect((await post(`${path}/actions/0`, { status: 'finished' }, path)).status).toBe(400);
    expect((await post(`${path}/actions/5`, { status: 'done' }, path)).status).toBe(404);
    const plan = await t.api().get(`/api/v1/assignments/${matrix.body.rows[0].assignmentId}`).expect(200);
    expect(plan.body.actions).toEqual([{ description: 'Extend street wardens to Caernarfon', owner: 'North Wales Police', dueDate: '2026-09-30', status: 'done' }]);

    const overview = await coordinator.get(`/set-up/${id}`).expect(200);
    expect(overview.text).toMatch(/GW 1[\s\S]*Gwynedd Community Safety[\s\S]*Elin Roberts/);
  });

  it('refuses over-long, repeated and wrong-kind answers on every set-up form, naming the field, never a 5xx, and stores nothing', async () => {
    const id = await newStrategy();
    const theme = await newTheme(id);
    const long = 'x'.repeat(20_001);
    const strategies = (await t.api().get('/api/v1/strategies').expect(200)).body.total;
    const checks: [string, Record<string, string | string[]>, string[], string?][] = [
      ['/set-up/new', strategyBody({ title: long, area: long }), ['title', 'area']],
      ['/set-up/new', { ...strategyBody(), title: ['One', 'Two'], status: 'shelved' }, ['title', 'status']],
      [`/set-up/${id}/edit`, strategyBody({ returnDeadlineDays: '1e9' }), ['returnDeadlineDays']],
      [`/set-up/${id}/themes/new`, { title: long, kind: 'chapter' }, ['title', 'kind']],
      [`/set-up/${id}/priorities/new`, { title: long, kind: 'cross-cutting', themeIds: ['not-a-theme'] }, ['title', 'themeIds']],
      [`/set-up/${id}/targets/new`, targetBody(theme, { title: long, unit: long, tolerancePercent: '-5' }), ['title', 'unit', 'tolerancePercent']],
      [`/set-up/${id}/targets/new`, { ...targetBody(theme, { direction: 'sideways', frequency: 'hourly', baselineValue: '1e400' }), step: 'confirm' }, ['direction', 'baselineValue', 'frequency']],
      [`/set-up/${id}/targets/new`, targetBody(theme, { themeId: 'Safer communities', milestones: `2025-26-Q4 ${long}` }), ['themeId', 'milestones']],
      // A theme id of no theme passes the form's check, and is refused by the service at the confirm step.
      [`/set-up/${id}/targets/new`, { ...targetBody(theme, { themeId: '00000000-0000-4000-8000-000000000000' }), step: 'confirm' }, ['themeId']],
    ];
    for (const [path, body, named] of checks) {
      const res = await post(path, body);
      expect({ path, status: res.status, named: hrefs(res.text) }).toEqual({ path, status: 200, named });
    }
    expect((await t.api().get('/api/v1/strategies').expect(200)).body.total).toBe(strategies);
    expect((await t.api().get(`/api/v1/strategies/${id}/themes`).expect(200)).body.total).toBe(1);
    expect((await t.api().get(`/api/v1/strategies/${id}/priorities`).expect(200)).body.total).toBe(0);
    expect((await t.api().get(`/api/v1/strategies/${id}/targets`).expect(200)).body.total).toBe(0);

    await post(`/set-up/${id}/targets/new`, { ...targetBody(theme), step: 'confirm' }, `/set-up/${id}/targets/new`);
    const [target] = (await t.api().get(`/api/v1/strategies/${id}/targets`).expect(200)).body.items;
    const path = `/set-up/${id}/targets/${target.id}/assignment`;
    const assignment = await post(path, { partnershipId: 'Gwynedd Community Safety', supportingPartnershipIds: [lsp, 'nobody'], officerName: long, officerEmail: `${'a'.repeat(320)}@gwynedd.example` });
    expect(assignment.status).toBe(200);
    expect(hrefs(assignment.text)).toEqual(['partnershipId', 'supportingPartnershipIds', 'officerName', 'officerEmail']);
    expect((await t.api().get(`/api/v1/strategies/${id}/accountability`).expect(200)).body.rows[0].lead).toBeNull();
    await post(path, { partnershipId: thematic, officerName: 'Elin Roberts', officerEmail: 'elin@gwynedd.example' }).then((r) => expect(r.status).toBe(303));
    const action = await post(`${path}/actions`, { description: long, owner: long, 'dueDate-day': '1', 'dueDate-month': '13', 'dueDate-year': '2026', status: 'someday' }, path);
    expect(action.status).toBe(200);
    expect(hrefs(action.text)).toEqual(['description', 'owner', 'dueDate', 'status']);
    const matrix = await t.api().get(`/api/v1/strategies/${id}/accountability`).expect(200);
    expect((await t.api().get(`/api/v1/assignments/${matrix.body.rows[0].assignmentId}`).expect(200)).body.actions).toEqual([]);
  });

  it('is for coordinators and admins only, and every POST needs the form’s token', async () => {
    const viewer = await signedIn('viewer');
    await viewer.get('/set-up').expect(403);
    await viewer.get('/set-up/new').expect(403);
    await coordinator.post('/set-up/new').type('form').send(strategyBody()).expect(403);
    await coordinator.get('/set-up/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
