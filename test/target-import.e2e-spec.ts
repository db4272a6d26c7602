import { Workbook } from 'exceljs';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const HEADER = 'code,title,theme,unit,direction,frequency,baseline_value,baseline_period,target_value,target_period,milestones,tolerance_percent,lead_partnership,accountable_officer,officer_email,supporting_partnerships,archived';

const rowOf = (code: string, extra: Partial<Record<'theme' | 'lead' | 'supporting' | 'milestones' | 'target_value', string>> = {}) =>
  [
    code,
    `Target ${code}`,
    extra.theme ?? 'Housing',
    'homes',
    'increase',
    'quarterly',
    '100',
    '2024-25-Q4',
    extra.target_value ?? '140',
    '2025-26-Q4',
    extra.milestones ?? '2025-26-Q2=120',
    '5',
    extra.lead ?? 'Wealden Housing Partnership',
    'Priya Shah',
    'priya.shah@example.test',
    extra.supporting ?? '',
    'no',
  ].join(',');

describeE2E('bulk target import: POST /strategies/:id/targets/import', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let housingPartnership: string;
  let safer: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    await b.theme('Housing');
    await b.theme('Community safety');
    housingPartnership = await b.partnership({ name: 'Wealden Housing Partnership' });
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    await b.partnership({ name: 'Health and Wellbeing Board' });
  });
  afterAll(() => t.close());

  const importCsv = (csv: string, query = '') => t.api().post(`/api/v1/strategies/${b.strategyId}/targets/import${query}`).set('Content-Type', 'text/csv').send(csv);
  const targets = async () => (await t.api().get(`/api/v1/strategies/${b.strategyId}/targets?pageSize=200`).expect(200)).body as { total: number; items: { id: string; code: string; milestones: unknown[] }[] };
  const exportCsv = async () => (await t.api().get(`/api/v1/strategies/${b.strategyId}/targets.csv`).expect(200)).text;

  it('creates targets with milestones and lead assignments named by partnership, in one go', async () => {
    const csv = [HEADER, rowOf('H 1', { supporting: 'Safer Wealden Partnership; Health and Wellbeing Board' }), rowOf('H 2', { lead: 'Safer Wealden Partnership', theme: 'Community safety', milestones: '2025/26 Q2=110; 2025-26-Q3=125' })].join('\n');
    const res = await importCsv(csv).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(res.body.targets).toEqual([
      { row: 2, code: 'H 1', title: 'Target H 1', outcome: 'created' },
      { row: 3, code: 'H 2', title: 'Target H 2', outcome: 'created' },
    ]);
    const h2 = (await targets()).items.find((x) => x.code === 'H 2')!;
    expect(h2.milestones).toEqual([
      { period: '2025-26-Q2', value: 110 },
      { period: '2025-26-Q3', value: 125 },
    ]);
    const matrix = (await t.api().get(`/api/v1/strategies/${b.strategyId}/accountability`).expect(200)).body;
    const h1 = matrix.rows.find((r: { code: string }) => r.code === 'H 1');
    expect(h1.lead.id).toBe(housingPartnership);
    expect(h1.accountableOfficer).toEqual({ name: 'Priya Shah', email: 'priya.shah@example.test' });
    expect(h1.supportingPartnerships.map((p: { name: string }) => p.name)).toEqual(['Health and Wellbeing Board', 'Safer Wealden Partnership']);
    expect(matrix.rows.find((r: { code: string }) => r.code === 'H 2').lead.id).toBe(safer);
  });

  it('round trip: importing the targets.csv export changes nothing, and the export is byte for byte the same after', async () => {
    const before = await exportCsv();
    const histories = async () =>
      Promise.all((await targets()).items.map(async (x) => (await t.api().get(`/api/v1/targets/${x.id}/history?pageSize=200`).expect(200)).body.total as number));
    const historyBefore = await histories();
    const res = await importCsv(before).expect(200);
    expect(res.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await exportCsv()).toBe(before);
    expect(await histories()).toEqual(historyBefore);
  });

  it('updates a changed row and moves the lead: the old assignment is withdrawn, the new one active', async () => {
    const changed = (await exportCsv()).replace('Target H 1,Housing,homes,increase,quarterly,100,2024-25-Q4,140', 'Target H 1,Housing,homes,increase,quarterly,100,2024-25-Q4,150');
    const moved = changed.replace(/(H 2,.*?),Safer Wealden Partnership,/, '$1,Wealden Housing Partnership,');
    const res = await importCsv(moved).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const h2 = (await targets()).items.find((x) => x.code === 'H 2')!;
    const assignments = (await t.api().get(`/api/v1/targets/${h2.id}/assignments`).expect(200)).body.items;
    expect(assignments.map((a: { partnershipId: string; status: string }) => `${a.partnershipId === safer ? 'safer' : 'housing'}:${a.status}`).sort()).toEqual(['housing:active', 'safer:withdrawn']);
    expect(await exportCsv()).toBe(moved);
  });

  it('dry run checks and counts, storing nothing', async () => {
    const res = await importCsv([HEADER, rowOf('D 1')].join('\n'), '?dryRun=true').expect(200);
    expect(res.body).toMatchObject({ dryRun: true, created: 1 });
    expect((await targets()).items.map((x) => x.code)).not.toContain('D 1');
  });

  it('refuses a file with bad rows, storing nothing and naming every row and column', async () => {
    const csv = [
      HEADER,
      rowOf('E 1'),
      rowOf('E 2', { lead: 'Nobody Partnership' }),
      rowOf('E 3', { theme: 'Transport' }),
      rowOf('E 1'),
      rowOf('E 5', { milestones: '2026-27-Q1=150' }),
      rowOf('E 6', { target_value: 'lots' }),
      rowOf('E 7', { supporting: 'Unknown Board' }),
    ].join('\n');
    const res = await importCsv(csv).expect(422);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'lead_partnership', message: 'no partnership called "Nobody Partnership"' }),
        expect.objectContaining({ row: 4, column: 'theme', message: 'no theme called "Transport" in this strategy' }),
        expect.objectContaining({ row: 5, column: 'code', message: 'E 1 is already given in row 2' }),
        expect.objectContaining({ row: 6, column: 'milestones' }),
        expect.objectContaining({ row: 7, column: 'target_value' }),
        expect.objectContaining({ row: 8, column: 'supporting_partnerships', message: 'no partnership called "Unknown Board"' }),
      ]),
    );
    expect(res.body.errors.every((e: { field: string; row: number; column: string }) => e.field === `row ${e.row}, ${e.column}`)).toBe(true);
    expect((await targets()).items.map((x) => x.code).filter((c) => c.startsWith('E'))).toEqual([]);
  });

  it('a 300-target sheet imports in one go; the same sheet with one bad row stores nothing and names the row', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => rowOf(`BULK ${i + 1}`, { supporting: i % 2 ? 'Safer Wealden Partnership' : '' }));
    const bad = [...rows];
    bad[149] = rowOf('BULK 150', { lead: 'Wealden Housing Partnershp' });
    const refused = await importCsv([HEADER, ...bad].join('\n')).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ row: 151, column: 'lead_partnership' })]);
    expect((await targets()).total).toBe(2);

    const res = await importCsv([HEADER, ...rows].join('\n')).expect(200);
    expect(res.body).toMatchObject({ rows: 300, created: 300 });
    expect((await targets()).total).toBe(302);
    const matrix = (await t.api().get(`/api/v1/strategies/${b.strategyId}/accountability`).expect(200)).body;
    expect(matrix.unassigned).toBe(0);
  }, 180_000);

  it('reads an .xlsx workbook in the same columns', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Targets');
    for (const line of [HEADER, rowOf('X 1')]) sheet.addRow(line.split(','));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await t
      .api()
      .post(`/api/v1/strategies/${b.strategyId}/targets/import`)
      .attach('file', bytes, 'targets.xlsx')
      .expect(200);
    expect(res.body).toMatchObject({ created: 1 });
  });

  it('answers 400 with no file or missing columns, 404 for an unknown strategy, 403 for officers and viewers', async () => {
    const none = await t.api().post(`/api/v1/strategies/${b.strategyId}/targets/import`).send({}).expect(400);
    expect(none.body.errors[0].field).toBe('file');
    const columns = await importCsv('code,title\nA,B\n').expect(400);
    expect(columns.body.errors.map((e: { message: string }) => e.message)).toContain('the header row has no "theme" column');
    await t.api().post('/api/v1/strategies/00000000-0000-4000-8000-000000000000/targets/import').set('Content-Type', 'text/csv').send(HEADER).expect(404);
    const viewer = await t.as('viewer');
    await viewer.post(`/api/v1/strategies/${b.strategyId}/targets/import`).set('Content-Type', 'text/csv').send([HEADER, rowOf('V 1')].join('\n')).expect(403);
    const officer = await t.as('partnership-officer', [safer]);
    await officer.post(`/api/v1/strategies/${b.strategyId}/targets/import`).set('Content-Type', 'text/csv').send([HEADER, rowOf('V 1')].join('\n')).expect(403);
  });
});
