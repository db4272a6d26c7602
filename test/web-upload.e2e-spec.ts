import { Workbook } from 'exceljs';
import request from 'supertest';
import type { Test as HttpRequest } from 'supertest';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Collects a binary response body (supertest buffers only text by default). */
const binary = ((res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<HttpRequest['parse']>[0];

// The clock is 1 May 2026, so every quarter of 2025-26 is open for returns.
describeE2E('web: upload a spreadsheet of returns, download the template', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let lead: string;
  let other: string;
  let officer: ApiClient;
  let agent: Agent;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
    b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    lead = await b.partnership({ name: 'Safer Wealden Partnership' });
    other = await b.partnership({ name: 'Hastings Health Partnership' });
    for (const code of ['UP 1', 'UP 2']) {
      const target = await b.target({ code, title: `Upload target ${code}`, themeId: theme, baselineValue: 100, targetValue: 200, baselinePeriod: '2024-25-Q4', targetPeriod: '2026-27-Q4' });
      await b.assign(target.id, lead);
      ids[code] = target.id;
    }
    const elsewhere = await b.target({ code: 'UP 9', title: 'Someone else’s target', themeId: theme, baselineValue: 1, targetValue: 2, baselinePeriod: '2024-25-Q4', targetPeriod: '2026-27-Q4' });
    await b.assign(elsewhere.id, other);
    ids['UP 9'] = elsewhere.id;
    officer = await t.as('partnership-officer', [lead]);
    agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: officer.user.email, password: 'e2e-password-123' }).expect(303);
  });
  afterAll(() => t.close());

  const uploadPage = async () => csrfOf((await agent.get('/your-returns/upload?period=2025-26-Q4').expect(200)).text);
  const upload = (file: Buffer, name: string, token?: string) => {
    const req = agent.post('/your-returns/upload');
    if (token !== undefined) req.field('_csrf', token);
    return req.field('period', '2025-26-Q4').attach('file', file, name);
  };
  const stored = async (code: string, period: string) => (await officer.get(`/api/v1/targets/${ids[code]}/progress?from=${period}&to=${period}`).expect(200)).body.items;

  it('links the templates of the officer’s partnership and the upload page from "Your returns"', async () => {
    const page = await agent.get('/your-returns?period=2025-26-Q4').expect(200);
    expect(page.text).toContain(`href="/your-returns/template/${lead}/csv?period=2025-26-Q4"`);
    expect(page.text).toContain(`href="/your-returns/template/${lead}/xlsx?period=2025-26-Q4"`);
    expect(page.text).not.toContain(`/your-returns/template/${other}/`);
    expect(page.text).toContain('href="/your-returns/upload?period=2025-26-Q4">Upload a spreadsheet of returns</a>');
  });

  it('downloads the template (CSV and .xlsx) for the officer’s own partnership, and a 403 page for another', async () => {
    const csv = await agent.get(`/your-returns/template/${lead}/csv?period=2025-26-Q4`).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="?[\w-]+-2025-26-Q4\.csv"?$/);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^code,title,unit,period,expected,last_value,value/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['UP 1', 'UP 2']);

    const xlsx = await agent.get(`/your-returns/template/${lead}/xlsx?period=2025-26-Q4`).buffer(true).parse(binary).expect(200).expect('Content-Type', /spreadsheetml/);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(1).value).toBe('UP 1');

    const refused = await agent.get(`/your-returns/template/${other}/csv?period=2025-26-Q4`).expect(403).expect('Content-Type', /html/);
    expect(refused.text).toContain('You cannot see this page');
    await agent.get(`/your-returns/template/${lead}/pdf?period=2025-26-Q4`).expect(404);
  });

  it('refuses an upload without a valid CSRF token with 403, and stores nothing', async () => {
    const csv = Buffer.from('code,period,value\nUP 1,2025-26-Q1,150\n');
    await upload(csv, 'returns.csv').expect(403);
    await upload(csv, 'returns.csv', 'forged').expect(403);
    expect(await stored('UP 1', '2025-26-Q1')).toEqual([]);
  });

  it('shows every row and column problem in the error summary and stores nothing when one row is bad', async () => {
    const csv = Buffer.from('code,period,value,commentary\nUP 1,2025-26-Q2,150,Fine\nUP 2,2025-26-Q2,lots,Bad figure\nUP 9,2025-26-Q2,3,Not ours\n');
    const page = await upload(csv, 'returns.csv', await uploadPage()).expect(200);
    expect(page.text).toContain('<title>Error: Upload a spreadsheet of returns');
    expect(page.text).toContain('govuk-error-summary');
    expect(page.text).toMatch(/href="#file">Row 3, column value: must be a number, got &quot;lots&quot;<\/a>/);
    expect(page.text).toMatch(/href="#file">Row 4, column code: [^<]*UP 9/);
    expect(page.text).toContain('Nothing was stored');
    expect(await stored('UP 1', '2025-26-Q2')).toEqual([]);
    expect(await stored('UP 2', '2025-26-Q2')).toEqual([]);

    const empty = await upload(Buffer.alloc(0), 'returns.csv', await uploadPage()).expect(200);
    expect(empty.text).toContain('href="#file">The selected file is empty</a>');
    const wrongType = await upload(Buffer.from('hello'), 'returns.pdf', await uploadPage()).expect(200);
    expect(wrongType.text).toContain('href="#file">The selected file must be a CSV or .xlsx</a>');
    const none = await agent.post('/your-returns/upload').field('_csrf', await uploadPage()).expect(200);
    expect(none.text).toContain('href="#file">Select a CSV or .xlsx file</a>');
  });

  it('stores a good CSV through the same import as the API and lists what was stored', async () => {
    const csv = Buffer.from('code,period,value,commentary\nUP 1,2025-26-Q3,150,On track\nUP 2,2025-26-Q3,120,Behind\n');
    const page = await upload(csv, 'returns.csv', await uploadPage()).expect(200);
    expect(page.text).toContain('Returns uploaded');
    expect(page.text).toMatch(/UP 1 Upload target UP 1[\s\S]*2025\/26 Q3[\s\S]*150[\s\S]*New return, submitted/);
    expect(page.text).toContain('New: 2. Changed: 0. Unchanged: 0.');
    expect(await stored('UP 1', '2025-26-Q3')).toMatchObject([{ value: 150, status: 'submitted', commentary: 'On track' }]);

    // The same file again changes nothing, and says so.
    const again = await upload(csv, 'returns.csv', await uploadPage()).expect(200);
    expect(again.text).toContain('New: 0. Changed: 0. Unchanged: 2.');
  });

  it('stores a filled-in .xlsx template', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Return');
    sheet.addRow(['code', 'period', 'value', 'commentary']);
    sheet.addRow(['UP 2', '2025-26-Q4', 130, 'From Excel']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const page = await upload(file, 'returns.xlsx', await uploadPage()).expect(200);
    expect(page.text).toContain('New: 1. Changed: 0. Unchanged: 0.');
    expect(await stored('UP 2', '2025-26-Q4')).toMatchObject([{ value: 130, commentary: 'From Excel' }]);
  });
});
