import { stringify } from 'csv-stringify/sync';
import { refusal } from '../src/auth/policy';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

// One access policy (src/auth/policy.ts) behind every path a figure can take: an officer of
// another partnership is refused by the API with a 403 and by the CSV import with a row error,
// in the same words, and the officer of the lead partnership gets through both.
describeE2E('one access policy for returns: the API and the CSV import agree', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let target: string;
  let safer: string;
  let housing: string;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
    b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    housing = await b.partnership({ name: 'Wealden Housing Partnership' });
    target = (await b.target({ code: 'NI 16', themeId: theme, baselineValue: 100, targetValue: 80, baselinePeriod: '2024-25-Q4', targetPeriod: '2026-27-Q4' })).id;
    await b.assign(target, safer);
  });
  afterAll(() => t.close());

  const csv = (value: number) => stringify([{ code: 'NI 16', period: '2025-26-Q1', value }], { header: true });
  const importAs = (client: Awaited<ReturnType<TestApp['as']>>, body: string) =>
    client.post(`/api/v1/strategies/${b.strategyId}/progress/import`).set('Content-Type', 'text/csv').send(body);

  it('refuses an officer of another partnership on both paths, with the same message, and stores nothing', async () => {
    const stranger = await t.as('partnership-officer', [housing]);
    const expected = refusal({ ...stranger.user, name: 'Housing officer' }, 'progress.report', { code: 'NI 16', lead: { partnershipId: safer, partnershipName: 'Safer Wealden Partnership' } });
    expect(expected).toBe('NI 16 is led by Safer Wealden Partnership, not by a partnership you belong to');

    const viaApi = await stranger.post(`/api/v1/targets/${target}/progress`).send({ period: '2025-26-Q1', value: 7 }).expect(403);
    expect(viaApi.body.message).toBe(expected);

    const viaImport = await importAs(stranger, csv(7)).expect(422);
    expect(viaImport.body.errors).toEqual([{ field: 'row 2, code', row: 2, column: 'code', message: expected }]);

    expect((await b.api.get(`/api/v1/targets/${target}/progress`).expect(200)).body.total).toBe(0);
  });

  it('lets the officer of the lead partnership through on both paths', async () => {
    const officer = await t.as('partnership-officer', [safer]);
    await officer.post(`/api/v1/targets/${target}/progress`).send({ period: '2025-26-Q2', value: 8 }).expect(201);
    expect((await importAs(officer, csv(9)).expect(200)).body).toMatchObject({ created: 1 });
  });

  it('refuses the other partnership’s return template to an officer, but not to their own', async () => {
    const stranger = await t.as('partnership-officer', [housing]);
    const res = await stranger.get(`/api/v1/partnerships/${safer}/returns/template.csv?period=2025-26-Q1`).expect(403);
    expect(res.body.message).toBe(refusal({ ...stranger.user, name: 'Housing officer' }, 'returns.template', { partnershipId: safer }));
    await stranger.get(`/api/v1/partnerships/${housing}/returns/template.csv?period=2025-26-Q1`).expect(200);
  });
});
