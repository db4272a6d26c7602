import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

describeE2E('return deadlines: the strategy rule and per-quarter overrides over HTTP', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    base = `/api/v1/strategies/${b.strategyId}/return-deadlines`;
  });
  afterAll(() => t.close());

  it('a strategy has 30 days by default, shown on its DTO, and can be given another number', async () => {
    const got = await t.api().get(`/api/v1/strategies/${b.strategyId}`).expect(200);
    expect(got.body.returnDeadlineDays).toBe(30);
    await t.api().get(`${base}/2025-26-Q4`).expect(200, { period: '2025-26-Q4', deadline: '2026-04-30', defaultDeadline: '2026-04-30', overridden: false });

    const other = await new StrategyBuilder(t).init();
    const changed = await t.api().patch(`/api/v1/strategies/${other.strategyId}`).send({ returnDeadlineDays: 45 }).expect(200);
    expect(changed.body.returnDeadlineDays).toBe(45);
    const q4 = await t.api().get(`/api/v1/strategies/${other.strategyId}/return-deadlines/2025-26-Q4`).expect(200);
    expect(q4.body).toMatchObject({ deadline: '2026-05-15', overridden: false });
  });

  it.each([[-1], [366], [1.5], ['30'], [null]])('refuses returnDeadlineDays %p with a 400 naming the field', async (days) => {
    const res = await t.api().patch(`/api/v1/strategies/${b.strategyId}`).send({ returnDeadlineDays: days }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('returnDeadlineDays');
  });

  it('a coordinator overrides one quarter, sees it listed, moves it and removes it', async () => {
    const set = await t.api().put(`${base}/2025-26-Q4`).send({ deadline: '2026-05-12' }).expect(200);
    expect(set.body).toEqual({ period: '2025-26-Q4', deadline: '2026-05-12', defaultDeadline: '2026-04-30', overridden: true });
    await t.api().get(`${base}/2025-26-Q4`).expect(200, set.body);
    // Other quarters keep the rule.
    expect((await t.api().get(`${base}/2025-26-Q3`).expect(200)).body).toMatchObject({ deadline: '2026-01-30', overridden: false });

    await t.api().put(`${base}/2025-26-Q4`).send({ deadline: '2026-05-20' }).expect(200);
    await t.api().put(`${base}/2025-26-Q2`).send({ deadline: '2025-11-03' }).expect(200);
    const list = await t.api().get(base).expect(200);
    expect(list.body).toMatchObject({ total: 2, page: 1 });
    expect(list.body.items.map((i: { period: string; deadline: string }) => [i.period, i.deadline])).toEqual([
      ['2025-26-Q2', '2025-11-03'],
      ['2025-26-Q4', '2026-05-20'],
    ]);

    await t.api().delete(`${base}/2025-26-Q4`).expect(204);
    expect((await t.api().get(`${base}/2025-26-Q4`).expect(200)).body).toMatchObject({ deadline: '2026-04-30', overridden: false });
    await t.api().delete(`${base}/2025-26-Q4`).expect(404);
  });

  it('officers and board members may read deadlines but not set them', async () => {
    const viewer = await t.as('viewer');
    await viewer.get(`${base}/2025-26-Q4`).expect(200);
    await viewer.put(`${base}/2025-26-Q4`).send({ deadline: '2026-05-12' }).expect(403);
  });

  it.each([
    ['2025-27-Q4', { deadline: '2026-05-12' }, 'period'],
    ['2025-26-Q5', { deadline: '2026-05-12' }, 'period'],
    ['2025-26-Q4', { deadline: '2026-02-30' }, 'deadline'],
    ['2025-26-Q4', { deadline: '12/05/2026' }, 'deadline'],
    ['2025-26-Q4', {}, 'deadline'],
    ['2025-26-Q4', { deadline: '2026-05-12', extra: 1 }, 'extra'],
    // before the quarter has even ended
    ['2025-26-Q4', { deadline: '2026-03-30' }, 'deadline'],
  ])('PUT %s %j is a 400 naming %s', async (period, body, field) => {
    const res = await t.api().put(`${base}/${period}`).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('an unknown strategy is a 404', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await t.api().get(`/api/v1/strategies/${missing}/return-deadlines/2025-26-Q4`).expect(404);
    await t.api().put(`/api/v1/strategies/${missing}/return-deadlines/2025-26-Q4`).send({ deadline: '2026-05-12' }).expect(404);
  });
});
