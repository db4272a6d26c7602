import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { extractPdf, flat } from './helpers/pdf-text';
import { StrategyBuilder } from './helpers/strategy-builder';

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Rows in a table for the strategy, counted in the database itself. */
const rows = async (t: TestApp, table: 'stored_reports' | 'report_contents' | 'report_publications', strategyId: string) => {
  const ds = t.app.get(DataSource);
  const p = ds.options.type === 'postgres' ? '$1' : '?';
  const sql =
    table === 'report_contents'
      ? `SELECT COUNT(*) AS n FROM report_contents c JOIN stored_reports r ON r.id = c."reportId" WHERE r."strategyId" = ${p}`
      : `SELECT COUNT(*) AS n FROM ${table} WHERE "strategyId" = ${p}`;
  const [{ n }] = (await ds.query(sql, [strategyId])) as { n: string | number }[];
  return Number(n);
};

// Packs in the database, published by a coordinator, read back by a second instance of the service.
describeE2E('publishing board packs', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let safety: string;
  let safer: string;
  let officer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    safety = await b.theme('Community safety');
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    officer = await t.as('partnership-officer', [safer]);
    const target = await b.target({ code: 'CS 1', title: 'Burglaries prevented', themeId: safety, baselineValue: 100, targetValue: 140, unit: 'homes' });
    await b.assign(target.id, safer, { name: 'Tom Ellis', email: 'tom@example.test' });
    await b.approvedReturn(officer, target.id, '2025-26-Q2', 121);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.api().get(path).buffer(true).parse(binary);
  const publish = (body: object, client = t.api()) => client.post(`/api/v1/strategies/${b.strategyId}/reports`).send(body);

  it('stores one pack, in the database, however often refresh is pressed (50 times, 10 at a time, the clock moving)', async () => {
    const before = { reports: await rows(t, 'stored_reports', b.strategyId), contents: await rows(t, 'report_contents', b.strategyId) };
    const start = t.clock.now().getTime();
    const ids = new Set<string>();
    for (let batch = 0; batch < 5; batch++) {
      t.clock.set(new Date(start + batch * 600_000));
      const answers = await Promise.all(Array.from({ length: 10 }, () => get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?period=2025-26-Q2&themeId=${safety}`).expect(200)));
      answers.forEach((res) => ids.add(res.headers['x-report-id']));
    }
    t.clock.set(new Date(start));
    expect(ids.size).toBe(1);
    expect(await rows(t, 'stored_reports', b.strategyId)).toBe(before.reports + 1);
    expect(await rows(t, 'report_contents', b.strategyId)).toBe(before.contents + 1);
  });

  it('publishes the quarter’s pack (201, who and when), which downloads byte for byte; re-publishing new figures makes the newer one current and keeps the earlier one', async () => {
    t.clock.set(new Date('2025-11-16T09:30:00Z'));
    const first = await publish({ period: '2025-26-Q2' }).expect(201);
    expect(first.body).toMatchObject({
      strategyId: b.strategyId,
      period: '2025-26-Q2',
      template: 'quarterly-board',
      themeId: null,
      partnershipId: null,
      revision: 1,
      current: true,
      publishedById: t.api().user.id,
      publishedByEmail: t.api().user.email,
      publishedByName: 'E2E coordinator',
      publishedAt: '2025-11-16T09:30:00.000Z',
      downloadUrl: `/api/v1/reports/${first.body.reportId}`,
    });
    const firstPdf = (await get(first.body.downloadUrl).expect(200)).body as Buffer;
    expect(sha(firstPdf)).toBe(first.body.sha256);
    expect(firstPdf.length).toBe(first.body.sizeBytes);
    expect(flat(extractPdf(firstPdf).pages.join('\n'))).toContain('CS 1');

    // New figures: a second target reports. The next publication is a new pack, revision 2.
    const second = await b.target({ code: 'CS 2', title: 'Repeat victims supported', themeId: safety, baselineValue: 100, targetValue: 140, unit: 'people' });
    await b.assign(second.id, safer, { name: 'Tom Ellis', email: 'tom@example.test' });
    await b.approvedReturn(officer, second.id, '2025-26-Q2', 113);
    t.clock.set(new Date('2025-11-20T14:00:00Z'));
    const again = await publish({ period: '2025-26-Q2' }).expect(201);
    expect(again.body).toMatchObject({ revision: 2, current: true, publishedAt: '2025-11-20T14:00:00.000Z' });
    expect(again.body.reportId).not.toBe(first.body.reportId);
    expect(again.body.sha256).not.toBe(first.body.sha256);

    const list = (await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q2`).expect(200)).body;
    expect(list.total).toBe(2);
    expect(list.items.map((p: { id: string; current: boolean }) => [p.id, p.current])).toEqual([
      [again.body.id, true],
      [first.body.id, false],
    ]);
    const paged = (await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?pageSize=1&page=2`).expect(200)).body;
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: first.body.id }] });
    expect((await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q1`).expect(200)).body.total).toBe(0);

    // The earlier pack is frozen: it still downloads exactly as it did, though the figures moved on.
    const later = (await get(first.body.downloadUrl).expect(200)).body as Buffer;
    expect(later.equals(firstPdf)).toBe(true);
    const viewer = await t.as('viewer');
    const asViewer = (await viewer.get(first.body.downloadUrl).buffer(true).parse(binary).expect(200)).body as Buffer;
    expect(asViewer.equals(firstPdf)).toBe(true);
  });

  it('publishes one theme’s or one partnership’s pack as its own scope, reusing the stored pack of the same content', async () => {
    const viewed = await get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?period=2025-26-Q2&partnershipId=${safer}`).expect(200);
    const res = await publish({ period: '2025-26-Q2', partnershipId: safer }).expect(201);
    expect(res.body).toMatchObject({ partnershipId: safer, scopeLabel: 'Safer Wealden Partnership only', revision: 1, current: true, reportId: viewed.headers['x-report-id'] });
    const theme = await publish({ period: '2025-26-Q2', themeId: safety, template: 'partnership-summary' }).expect(201);
    expect(theme.body).toMatchObject({ themeId: safety, template: 'partnership-summary', revision: 1, current: true });
    const current = (await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q2`).expect(200)).body.items.filter((p: { current: boolean }) => p.current);
    expect(current).toHaveLength(3);
  });

  it('refuses officers and viewers (403), names bad input (400, 422) and an unknown strategy (404), never a 500', async () => {
    const before = await rows(t, 'report_publications', b.strategyId);
    await publish({ period: '2025-26-Q2' }, officer).expect(403);
    await publish({ period: '2025-26-Q2' }, await t.as('viewer')).expect(403);
    const noPeriod = await publish({}).expect(400);
    expect(noPeriod.body.errors.map((e: { field: string }) => e.field)).toContain('period');
    const badPeriod = await publish({ period: '2025-27-Q1', colour: 'blue' }).expect(400);
    expect(badPeriod.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'period']);
    const unknownTheme = await publish({ period: '2025-26-Q2', themeId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(unknownTheme.body.errors[0].field).toBe('themeId');
    const unknownTemplate = await publish({ period: '2025-26-Q2', template: 'glossy-brochure' }).expect(400);
    expect(unknownTemplate.body.message).toContain('glossy-brochure');
    await t.api().post('/api/v1/strategies/00000000-0000-4000-8000-000000000000/reports').send({ period: '2025-26-Q2' }).expect(404);
    await t.api().get('/api/v1/strategies/00000000-0000-4000-8000-000000000000/reports').expect(404);
    await t.api().get(`/api/v1/strategies/${b.strategyId}/reports?period=Q2`).expect(400);
    expect(await rows(t, 'report_publications', b.strategyId)).toBe(before);
  });

  it('a second instance on the same database downloads the pack published on the first, byte-identical; with REPORTS_DIR set new packs are files and database packs still read', async () => {
    t.clock.set(new Date('2025-11-21T08:00:00Z'));
    const published = await publish({ period: '2025-26-Q2', partnershipId: safer, template: 'partnership-summary' }).expect(201);
    const onA = (await get(published.body.downloadUrl).expect(200)).body as Buffer;

    const dir = mkdtempSync(join(tmpdir(), 'scs-reports-'));
    process.env.REPORTS_DIR = dir;
    const second = await createTestApp();
    try {
      const viewerOnB = await second.as('viewer');
      const listed = (await viewerOnB.get(`/api/v1/strategies/${b.strategyId}/reports?period=2025-26-Q2`).expect(200)).body;
      expect(listed.items.find((p: { id: string }) => p.id === published.body.id)).toMatchObject({ current: true, sha256: published.body.sha256 });
      const onB = (await viewerOnB.get(published.body.downloadUrl).buffer(true).parse(binary).expect(200)).body as Buffer;
      expect(onB.equals(onA)).toBe(true);

      // Instance B, with REPORTS_DIR, keeps its new packs as files, and says so in the row.
      const onFile = await second.api().get(`/api/v1/strategies/${b.strategyId}/reports/quarterly?period=2025-26-Q1`).buffer(true).parse(binary).expect(200);
      const id = onFile.headers['x-report-id'];
      expect(readFileSync(join(dir, `${id}.pdf`)).equals(onFile.body as Buffer)).toBe(true);
      const [{ storage }] = (await second.app.get(DataSource).query(`SELECT storage FROM stored_reports WHERE id = ${second.app.get(DataSource).options.type === 'postgres' ? '$1' : '?'}`, [id])) as { storage: string }[];
      expect(storage).toBe('file');
      const again = await second.api().get(`/api/v1/reports/${id}`).buffer(true).parse(binary).expect(200);
      expect((again.body as Buffer).equals(onFile.body as Buffer)).toBe(true);
    } finally {
      delete process.env.REPORTS_DIR;
      await second.close({ keepData: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
