import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const PERIODS = ['2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1', '2025-26-Q2', '2025-26-Q3', '2025-26-Q4'];

// The clock is 1 May 2026, so all eight quarters of 2024-26 are open for returns.
describeE2E('CSV returns: template, import (all or nothing), exports', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let lead: string;
  let officer: ApiClient;
  let codes: string[];

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
    b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    lead = await b.partnership({ name: 'Safer Wealden Partnership' });
    officer = await t.as('partnership-officer', [lead]);
    codes = [];
    for (let i = 1; i <= 125; i++) {
      const code = `CS ${String(i).padStart(3, '0')}`;
      const target = await b.target({ code, themeId: theme, baselineValue: 100, targetValue: 180, baselinePeriod: '2023-24-Q4', unit: 'crimes' });
      await b.assign(target.id, lead, { name: 'Tom Ellis', email: 'tom.ellis@example.test' });
      codes.push(code);
    }
  }, 120_000);
  afterAll(() => t.close());

  const importCsv = (client: ApiClient, csv: string, query = '') =>
    client.post(`/api/v1/strategies/${b.strategyId}/progress/import${query}`).set('Content-Type', 'text/csv').send(csv);
  const historyCount = async () => {
    let total = 0;
    for (const code of codes.slice(0, 5)) {
      const id = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets?q=${encodeURIComponent(code)}`)).body.items[0].id;
      total += (await b.api.get(`/api/v1/targets/${id}/history?pageSize=200`)).body.total;
    }
    return total;
  };
  const rows = (values: (i: number, period: string) => string | number) =>
    codes.flatMap((code, i) => PERIODS.map((period) => ({ code, period, value: values(i, period), commentary: `Return for ${code}` })));

  it('offers a template of the targets due that quarter, with the expected value', async () => {
    const res = await officer.get(`/api/v1/partnerships/${lead}/returns/template.csv?period=2025-26-Q2`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="safer-wealden-partnership-return-2025-26-Q2.csv"');
    const records = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(125);
    expect(Object.keys(records[0])).toEqual(['code', 'title', 'unit', 'period', 'expected', 'last_value', 'value', 'commentary', 'risks', 'next_actions']);
    // 100 → 180 over eight quarters: 10 a quarter; 2025-26-Q2 is the sixth.
    expect(records[0]).toMatchObject({ code: 'CS 001', unit: 'crimes', period: '2025-26-Q2', expected: '160', last_value: '', value: '' });
    await officer.get(`/api/v1/partnerships/${lead}/returns/template.csv?period=2025-26-Q5`).expect(400);
  });

  it('refuses a 1,000-row file with one bad row, naming row and column, and stores nothing', async () => {
    const good = rows((i, p) => 100 + i + PERIODS.indexOf(p));
    expect(good).toHaveLength(1000);
    const bad = good.map((r, index) => (index === 736 ? { ...r, value: 'twelve' } : r));
    const before = await historyCount();
    const res = await importCsv(officer, stringify(bad, { header: true })).expect(422);
    expect(res.body.message).toBe('Nothing was imported: 1 problem in 1 row(s)');
    expect(res.body.errors).toEqual([{ field: 'row 738, value', row: 738, column: 'value', message: 'must be a number, got "twelve"' }]);
    expect(await historyCount()).toBe(before);
    expect((await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=2025-26-Q2&status=all`)).text.trim().split('\n')).toHaveLength(1);
  });

  it('validates without storing on a dry run, then stores all 1,000; importing again changes nothing', async () => {
    const csv = stringify(rows((i, p) => 100 + i + PERIODS.indexOf(p)), { header: true });
    const dry = await importCsv(officer, csv, '?dryRun=true').expect(200);
    expect(dry.body).toEqual({ dryRun: true, rows: 1000, created: 1000, updated: 0, unchanged: 0, skipped: 0 });
    expect((await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=2025-26-Q2&status=all`)).text.trim().split('\n')).toHaveLength(1);

    const stored = await importCsv(officer, csv).expect(200);
    expect(stored.body).toEqual({ dryRun: false, rows: 1000, created: 1000, updated: 0, unchanged: 0, skipped: 0 });
    const history = await historyCount();
    const again = await importCsv(officer, csv).expect(200);
    expect(again.body).toEqual({ dryRun: false, rows: 1000, created: 0, updated: 0, unchanged: 1000, skipped: 0 });
    expect(await historyCount()).toBe(history);
    const update = (await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=2024-25-Q3`)).text;
    expect(parse(update, { columns: true })[0]).toMatchObject({ code: 'CS 001', value: '102', status: 'submitted' });
  });

  it('round-trips a period: export, re-import, nothing changes', async () => {
    // Approve a few so the export mixes statuses.
    const q2 = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets?q=CS%20001`)).body.items[0].id;
    const [update] = (await b.api.get(`/api/v1/targets/${q2}/progress?from=2025-26-Q2&to=2025-26-Q2`)).body.items;
    await b.approve(update.id);
    const exported = (await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=2025-26-Q2`).expect(200)).text;
    expect(parse(exported, { columns: true })).toHaveLength(125);
    const history = await historyCount();
    const res = await importCsv(b.api, exported).expect(200);
    expect(res.body).toMatchObject({ rows: 125, created: 0, updated: 0, unchanged: 125 });
    expect(await historyCount()).toBe(history);
    expect((await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=2025-26-Q2`).expect(200)).text).toBe(exported);
  });

  it('names every problem row by row: unknown code, bad period, not due, duplicates, someone else’s target, an approved figure', async () => {
    const other = await b.partnership({ name: 'Wealden Housing Partnership' });
    const stranger = await t.as('partnership-officer', [other]);
    const csv = stringify(
      [
        { code: 'NOPE', period: '2025-26-Q1', value: 1 },
        { code: 'CS 002', period: '2025-27-Q1', value: 1 },
        { code: 'CS 002', period: '2026-27-Q1', value: 1 },
        { code: 'CS 003', period: '2025-26-Q1', value: '1,250' },
        { code: 'CS 003', period: '2025-26-Q1', value: 2 },
        { code: 'CS 001', period: '2025-26-Q2', value: 999 },
        { code: 'CS 004', period: '', value: '' },
      ],
      { header: true },
    );
    const res = await importCsv(stranger, csv).expect(422);
    expect(res.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:code', '3:period', '4:period', '4:code', '5:code', '6:code', '6:code', '7:code']);
    expect(res.body.errors[7].message).toBe('CS 001 is led by Safer Wealden Partnership, not by a partnership you belong to');
    const approved = await importCsv(officer, stringify([{ code: 'CS 001', period: '2025-26-Q2', value: 999 }], { header: true })).expect(422);
    expect(approved.body.errors).toEqual([
      { field: 'row 2, value', row: 2, column: 'value', message: 'the 2025-26-Q2 figure for CS 001 is already approved (105); ask a coordinator to correct it' },
    ]);
  });

  it('accepts a multipart upload and refuses what is not a CSV of returns', async () => {
    const csv = stringify([{ code: 'CS 010', period: '2025-26-Q1', value: 111, risks: 'Staffing' }], { header: true });
    const res = await officer
      .post(`/api/v1/strategies/${b.strategyId}/progress/import?dryRun=true`)
      .attach('file', Buffer.from(csv), { filename: 'return.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body).toMatchObject({ rows: 1, updated: 1 });
    const noColumns = await importCsv(officer, 'code,amount\nCS 001,3\n').expect(400);
    expect(noColumns.body.errors).toEqual([
      { field: 'file', message: 'the header row has no "period" column' },
      { field: 'file', message: 'the header row has no "value" column' },
    ]);
    const broken = await importCsv(officer, 'code,period,value\n"CS 001,2025-26-Q1,3\n').expect(400);
    expect(broken.body.errors[0].message).toMatch(/^not valid CSV/);
    await officer.post(`/api/v1/strategies/${b.strategyId}/progress/import`).send({ code: 'CS 001' }).expect(400);
    const viewer = await t.as('viewer');
    await importCsv(viewer, csv).expect(403);
  });

  it('exports the targets with trajectory and accountability', async () => {
    const res = await t.api().get(`/api/v1/strategies/${b.strategyId}/targets.csv`).expect(200);
    const records = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(125);
    expect(records[0]).toMatchObject({ code: 'CS 001', theme: 'Community safety', baseline_value: '100', target_value: '180', lead_partnership: 'Safer Wealden Partnership', accountable_officer: 'Tom Ellis', archived: 'no' });
  });
});
