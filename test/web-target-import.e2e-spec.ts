import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const HEADER = 'code,title,theme,unit,baseline_value,baseline_period,target_value,target_period,milestones,lead_partnership,accountable_officer,officer_email';

describeE2E('web: import targets from a spreadsheet', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let agent: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    await b.theme('Housing');
    await b.partnership({ name: 'Wealden Housing Partnership' });
    agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: t.api().user.email, password: 'e2e-password-123' }).expect(303);
  });
  afterAll(() => t.close());

  const page = async () => csrfOf((await agent.get(`/import-targets?strategy=${b.strategyId}`).expect(200)).text);
  const upload = (token: string, file?: { bytes: Buffer; name: string }) => {
    const req = agent.post('/import-targets').field('_csrf', token).field('strategy', b.strategyId);
    return file ? req.attach('file', file.bytes, file.name) : req;
  };
  const codes = async () => ((await t.api().get(`/api/v1/strategies/${b.strategyId}/targets`).expect(200)).body.items as { code: string }[]).map((x) => x.code);

  it('is linked from the coordinator’s start page', async () => {
    const start = await agent.get(`/dashboard?strategy=${b.strategyId}`).expect(200);
    expect(start.text).toContain(`href="/import-targets?strategy=${b.strategyId}"`);
  });

  it('lists every bad row and column in the error summary and stores nothing', async () => {
    const csv = [HEADER, 'G 1,Homes,Housing,homes,100,2024-25-Q4,140,2025-26-Q4,,Wealden Housing Partnership,Priya Shah,priya@example.test', 'G 2,Jobs,Economy,jobs,1,2024-25-Q4,2,2025-26-Q4,,Nobody,Ann,ann@example.test'].join('\n');
    const res = await upload(await page(), { bytes: Buffer.from(csv), name: 'targets.csv' }).expect(200);
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain('Row 3, theme: no theme called &quot;Economy&quot; in this strategy');
    expect(res.text).toContain('Row 3, lead_partnership: no partnership called &quot;Nobody&quot;');
    expect(res.text).toContain('Nothing was stored');
    expect(await codes()).toEqual([]);
  });

  it.each([
    ['no file', undefined, 'Select a file'],
    ['an empty file', { bytes: Buffer.alloc(0), name: 'targets.csv' }, 'The selected file is empty'],
    ['a PDF', { bytes: Buffer.from('%PDF-1.4'), name: 'targets.pdf' }, 'must be a CSV or an Excel (.xlsx) file'],
    ['a file without the columns', { bytes: Buffer.from('a,b\n1,2\n'), name: 'targets.csv' }, 'the header row has no &quot;code&quot; column'],
    ['a workbook that is not one', { bytes: Buffer.from('not a zip'), name: 'targets.xlsx' }, 'not an Excel workbook'],
  ])('re-displays the form with the error summary for %s, never a 5xx', async (_what, file, message) => {
    const res = await upload(await page(), file).expect(200);
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain(message);
  });

  it('refuses a POST without the CSRF token', async () => {
    await agent.post('/import-targets').attach('file', Buffer.from(HEADER), 'targets.csv').expect(403);
  });

  const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  const confirm = (html: string) =>
    agent
      .post('/import-targets')
      .field('_csrf', csrfOf(html))
      .field('strategy', hidden(html, 'strategy'))
      .field('name', hidden(html, 'name'))
      .field('format', hidden(html, 'format'))
      .field('content', hidden(html, 'content'));

  it('checks a good file and lists its rows, storing nothing until confirmed; then imports it and confirms what became of each row', async () => {
    const csv = [HEADER, 'G 1,Homes,Housing,homes,100,2024-25-Q4,140,2025-26-Q4,2025-26-Q2=120,Wealden Housing Partnership,Priya Shah,priya@example.test'].join('\n');
    const check = await upload(await page(), { bytes: Buffer.from(csv), name: 'targets.csv' }).expect(200);
    expect(check.text).toContain('Check the targets before importing them');
    expect(check.text).toContain('1 new, 0 changed, 0 unchanged.');
    expect(check.text).toMatch(/G 1 Homes[\s\S]*New target/);
    expect(await codes()).toEqual([]);

    const res = await confirm(check.text).expect(200);
    expect(res.text).toContain('Targets imported');
    expect(res.text).toContain('1 new, 0 changed, 0 unchanged, from targets.csv');
    expect(res.text).toContain('G 1 Homes');
    expect(await codes()).toEqual(['G 1']);
  });

  it('confirming a file that no longer passes (someone changed things in between) shows the problems and stores nothing', async () => {
    const csv = [HEADER, 'G 9,Jobs,Housing,jobs,1,2024-25-Q4,2,2025-26-Q4,,Wealden Housing Partnership,Ann,ann@example.test'].join('\n');
    const check = await upload(await page(), { bytes: Buffer.from(csv), name: 'targets.csv' }).expect(200);
    const tampered = check.text.replace(/name="content" value="[^"]*"/, `name="content" value="${Buffer.from(csv.replace(',Housing,', ',Economy,')).toString('base64')}"`);
    const res = await confirm(tampered).expect(200);
    expect(res.text).toContain('Row 2, theme: no theme called &quot;Economy&quot;');
    expect(await codes()).not.toContain('G 9');
    const empty = await confirm(check.text.replace(/name="content" value="[^"]*"/, 'name="content" value=""')).expect(200);
    expect(empty.text).toContain('The checked file has expired');
  });

  it('downloads the targets as the API exports them, and that file imports back changing nothing', async () => {
    const form = await agent.get(`/import-targets?strategy=${b.strategyId}`).expect(200);
    expect(form.text).toContain(`href="/import-targets/targets.csv?strategy=${b.strategyId}"`);
    const csv = await agent.get(`/import-targets/targets.csv?strategy=${b.strategyId}`).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text).toBe((await t.api().get(`/api/v1/strategies/${b.strategyId}/targets.csv`).expect(200)).text);
    const res = await upload(csrfOf(form.text), { bytes: Buffer.from(csv.text), name: 'targets.csv' }).expect(200);
    expect(res.text).toContain('0 new, 0 changed, 1 unchanged.');
  });

  it('is for coordinators: a viewer gets the 403 page', async () => {
    const viewer = await t.as('viewer');
    const other = request.agent(t.app.getHttpServer());
    const form = await other.get('/sign-in').expect(200);
    await other.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: viewer.user.email, password: 'e2e-password-123' }).expect(303);
    await other.get('/import-targets').expect(403);
  });
});
