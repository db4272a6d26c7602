import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

// The clock is 15 November 2025: 2025-26-Q2 is the quarter just ended.
describeE2E('batch approval: POST /strategies/:id/progress/approve', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let other: StrategyBuilder;
  let officer: ApiClient;
  let coordinator: ApiClient;
  let targets: string[];
  let otherTarget: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    other = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    officer = await t.as('partnership-officer', [safer]);
    coordinator = await t.as('coordinator');
    targets = [];
    for (const code of ['A 1', 'A 2', 'A 3', 'A 4', 'A 5', 'A 6']) {
      const target = await b.target({ code, themeId: theme, baselineValue: 100, targetValue: 140 });
      await b.assign(target.id, safer);
      targets.push(target.id);
    }
    const otherTheme = await other.theme('Housing');
    const target = await other.target({ code: 'B 1', themeId: otherTheme, baselineValue: 100, targetValue: 140 });
    await other.assign(target.id, safer);
    otherTarget = target.id;
  });
  afterAll(() => t.close());

  const path = () => `/api/v1/strategies/${b.strategyId}/progress/approve`;
  const statusOf = async (id: string) => (await t.api().get(`/api/v1/progress/${id}`).expect(200)).body.status as string;
  const submitted = (targetIndex: number, value = 120) => b.submitReturn(officer, targets[targetIndex], '2025-26-Q2', value);

  it('approves every update listed in one call, recording the coordinator as the one who decided', async () => {
    const ids = [await submitted(0), await submitted(1, 118), await submitted(2, 125)];
    const res = await coordinator.post(path()).send({ updates: ids.map((id) => ({ id })) }).expect(200);
    expect(res.body.approved).toBe(3);
    expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const update = (await t.api().get(`/api/v1/progress/${id}`).expect(200)).body;
      expect(update).toMatchObject({ status: 'approved', decidedById: coordinator.user.id });
    }
    const inbox = await t.api().get(`/api/v1/strategies/${b.strategyId}/progress?period=2025-26-Q2&status=submitted`).expect(200);
    expect(inbox.body.total).toBe(0);
  });

  it('refuses the whole batch with 422 naming every bad update by its place, and approves none of it', async () => {
    const good = await submitted(3);
    const draft = (await officer.post(`/api/v1/targets/${targets[4]}/progress`).send({ period: '2025-26-Q2', value: 110 }).expect(201)).body.id as string;
    const elsewhere = await other.submitReturn(officer, otherTarget, '2025-26-Q2', 120);
    const res = await coordinator
      .post(path())
      .send({ updates: [{ id: good }, { id: draft }, { id: UNKNOWN }, { id: elsewhere }, { id: good }] })
      .expect(422);
    expect(res.body.errors).toEqual([
      { field: 'updates.1.id', message: `${draft} is draft; only a submitted update can be approved` },
      { field: 'updates.2.id', message: `${UNKNOWN} is not a progress update` },
      { field: 'updates.3.id', message: `${elsewhere} is an update of another strategy` },
      { field: 'updates.4.id', message: `${good} is listed more than once` },
    ]);
    expect(res.body.message).toContain('Nothing was approved');
    expect(await statusOf(good)).toBe('submitted');
    expect(await statusOf(elsewhere)).toBe('submitted');
  });

  it('approves nothing when one update changed since the version sent (409 naming it), then all with the fresh version', async () => {
    const first = await submitted(5);
    const second = (await t.api().get(`/api/v1/strategies/${b.strategyId}/progress?period=2025-26-Q2&status=submitted`).expect(200)).body.items.find(
      (u: { target: { code: string } }) => u.target.code === 'A 4',
    );
    const firstVersion = (await t.api().get(`/api/v1/progress/${first}`).expect(200)).body.version as number;
    const stale = await coordinator
      .post(path())
      .send({ updates: [{ id: first, version: firstVersion - 1 }, { id: second.id, version: second.version }] })
      .expect(409);
    expect(stale.body.message).toContain('A 6 2025-26-Q2');
    expect(stale.body.message).toContain('nothing was approved');
    expect(await statusOf(second.id)).toBe('submitted');
    await coordinator
      .post(path())
      .send({ updates: [{ id: first, version: firstVersion }, { id: second.id, version: second.version }] })
      .expect(200);
    expect([await statusOf(first), await statusOf(second.id)]).toEqual(['approved', 'approved']);
  });

  it.each([
    ['no list', {}, 'updates'],
    ['an empty list', { updates: [] }, 'updates'],
    ['a list that is not one', { updates: 'all of them' }, 'updates'],
    ['an id that is not one', { updates: [{ id: 'not-an-id' }] }, 'updates.0.id'],
    ['a version 0', { updates: [{ id: UNKNOWN, version: 0 }] }, 'updates.0.version'],
    ['1,001 updates', { updates: Array.from({ length: 1001 }, () => ({ id: UNKNOWN })) }, 'updates'],
  ])('refuses %s with 400 naming %s', async (_what, body, field) => {
    const res = await coordinator.post(path()).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('is for coordinators: an officer and a viewer get 403; an unknown strategy is 404', async () => {
    const waiting = await other.submitReturn(officer, otherTarget, '2025-26-Q1', 110);
    const otherPath = `/api/v1/strategies/${other.strategyId}/progress/approve`;
    await officer.post(otherPath).send({ updates: [{ id: waiting }] }).expect(403);
    await (await t.as('viewer')).post(otherPath).send({ updates: [{ id: waiting }] }).expect(403);
    await coordinator.post(`/api/v1/strategies/${UNKNOWN}/progress/approve`).send({ updates: [{ id: waiting }] }).expect(404);
    expect(await statusOf(waiting)).toBe('submitted');
  });
});
