import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

interface InboxItem {
  id: string;
  period: string;
  value: number;
  status: string;
  expected: number;
  rag: string;
  commentary: string | null;
  version: number;
  target: { code: string; themeId: string };
  leadPartnership: { id: string; name: string } | null;
}

// The clock is 15 November 2025: 2025-26-Q2 is the quarter just ended.
describeE2E('approvals inbox: GET /strategies/:id/progress', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let safety: string;
  let housing: string;
  let safer: string;
  let homes: string;
  let viewer: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    safety = await b.theme('Community safety');
    housing = await b.theme('Housing');
    safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    homes = await b.partnership({ name: 'Wealden Housing Partnership' });
    const saferOfficer = await t.as('partnership-officer', [safer]);
    const homesOfficer = await t.as('partnership-officer', [homes]);
    viewer = await t.as('viewer');
    // Increase from 100 (2024-25-Q4) to 140 (2025-26-Q4): expected 120 at Q2, tolerance 5% → amber down to 114.
    const make = async (code: string, themeId: string, lead: string) => {
      const target = await b.target({ code, themeId, baselineValue: 100, targetValue: 140 });
      await b.assign(target.id, lead);
      ids[code] = target.id;
    };
    await make('NI 20', safety, safer);
    await make('NI 3', safety, safer);
    await make('NI 154', housing, homes);
    await make('NI 155', housing, homes);
    ids['u3'] = await b.submitReturn(saferOfficer, ids['NI 3'], '2025-26-Q2', 121, { commentary: 'Ahead of plan' });
    ids['u20'] = await b.submitReturn(saferOfficer, ids['NI 20'], '2025-26-Q2', 116);
    ids['u154'] = await b.submitReturn(homesOfficer, ids['NI 154'], '2025-26-Q2', 113, { commentary: 'Two schemes slipped' });
    await b.approvedReturn(homesOfficer, ids['NI 155'], '2025-26-Q2', 130);
    // Another quarter, and a draft: neither is in the Q2 submitted inbox.
    await b.submitReturn(saferOfficer, ids['NI 3'], '2025-26-Q1', 110);
    await saferOfficer.post(`/api/v1/targets/${ids['NI 20']}/progress`).send({ period: '2025-26-Q1', value: 105 }).expect(201);
  });
  afterAll(() => t.close());

  const inbox = async (query: string, client: ApiClient = t.api()) =>
    (await client.get(`/api/v1/strategies/${b.strategyId}/progress?${query}`).expect(200)).body as { items: InboxItem[]; total: number; page: number; pageSize: number };

  it('lists every submitted update of the quarter, by target code, with figure, expected value, RAG, commentary and lead', async () => {
    const page = await inbox('period=2025-26-Q2&status=submitted');
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.target.code, i.value, i.expected, i.rag, i.commentary, i.leadPartnership?.name])).toEqual([
      ['NI 3', 121, 120, 'green', 'Ahead of plan', 'Safer Wealden Partnership'],
      ['NI 20', 116, 120, 'amber', null, 'Safer Wealden Partnership'],
      ['NI 154', 113, 120, 'red', 'Two schemes slipped', 'Wealden Housing Partnership'],
    ]);
    expect(page.items.every((i) => i.status === 'submitted' && i.period === '2025-26-Q2')).toBe(true);
  });

  it('without a status lists every update of the quarter', async () => {
    const page = await inbox('period=2025-26-Q2');
    expect(page.items.map((i) => `${i.target.code}:${i.status}`)).toEqual(['NI 3:submitted', 'NI 20:submitted', 'NI 154:submitted', 'NI 155:approved']);
    expect((await inbox('period=2025-26-Q1')).items.map((i) => `${i.target.code}:${i.status}`)).toEqual(['NI 3:submitted', 'NI 20:draft']);
  });

  it('filters by theme and by lead partnership', async () => {
    expect((await inbox(`period=2025-26-Q2&status=submitted&themeId=${housing}`)).items.map((i) => i.target.code)).toEqual(['NI 154']);
    expect((await inbox(`period=2025-26-Q2&status=submitted&partnershipId=${safer}`)).items.map((i) => i.target.code)).toEqual(['NI 3', 'NI 20']);
    expect((await inbox(`period=2025-26-Q2&status=submitted&partnershipId=${homes}&themeId=${safety}`)).total).toBe(0);
  });

  it('pages as every list does', async () => {
    const second = await inbox('period=2025-26-Q2&status=submitted&page=2&pageSize=2');
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((i) => i.target.code)).toEqual(['NI 154']);
  });

  it('is read-only for viewers, who may read everything', async () => {
    expect((await inbox('period=2025-26-Q2&status=submitted', viewer)).total).toBe(3);
  });

  it.each([
    ['status=submitted', 'period'],
    ['period=2025-27-Q1', 'period'],
    ['period=2025-26-Q2&status=pending', 'status'],
    ['period=2025-26-Q2&themeId=housing', 'themeId'],
    ['period=2025-26-Q2&partnershipId=1', 'partnershipId'],
    ['period=2025-26-Q2&pageSize=500', 'pageSize'],
  ])('refuses ?%s with a 400 naming %s', async (query, field) => {
    const res = await t.api().get(`/api/v1/strategies/${b.strategyId}/progress?${query}`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 for an unknown strategy', async () => {
    await t.api().get('/api/v1/strategies/00000000-0000-4000-8000-000000000000/progress?period=2025-26-Q2').expect(404);
  });

  it('after approving, the update leaves the submitted inbox', async () => {
    await b.approve(ids['u3']);
    expect((await inbox('period=2025-26-Q2&status=submitted')).items.map((i) => i.target.code)).toEqual(['NI 20', 'NI 154']);
  });
});
