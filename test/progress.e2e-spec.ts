import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

// The clock is 15 November 2025: 2025-26-Q3 is the current quarter.
describeE2E('progress updates and their workflow, as officer, coordinator and viewer', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let target: string;
  let annual: string;
  let officer: ApiClient;
  let otherOfficer: ApiClient;
  let viewer: ApiClient;
  let coordinator: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    const other = await b.partnership({ name: 'Wealden Housing Partnership' });
    target = (await b.target({ code: 'NI 16', themeId: theme, direction: 'decrease', baselineValue: 1000, targetValue: 800 })).id;
    annual = (await b.target({ code: 'NI 186', themeId: theme, frequency: 'annual', baselinePeriod: '2023-24-Q4', baselineValue: 7, targetValue: 6, direction: 'decrease' })).id;
    await b.assign(target, safer);
    await b.assign(annual, safer);
    officer = await t.as('partnership-officer', [safer]);
    otherOfficer = await t.as('partnership-officer', [other]);
    viewer = await t.as('viewer');
    coordinator = t.api();
  });
  afterAll(() => t.close());

  const progress = (client: ApiClient, targetId = target) => client.post(`/api/v1/targets/${targetId}/progress`);
  const listAll = async () => (await coordinator.get(`/api/v1/targets/${target}/progress`).expect(200)).body;

  it('refuses writes from an officer of another partnership and from a viewer, storing nothing', async () => {
    const res = await progress(otherOfficer).send({ period: '2025-26-Q1', value: 950 }).expect(403);
    expect(res.body.message).toContain('led by Safer Wealden Partnership');
    await progress(viewer).send({ period: '2025-26-Q1', value: 950 }).expect(403);
    expect((await listAll()).total).toBe(0);
    expect((await coordinator.get(`/api/v1/targets/${target}/history`).expect(200)).body.items.filter((h: { entityType: string }) => h.entityType === 'progress-update')).toEqual([]);
  });

  it.each([
    [{ period: '2025-26-Q1', value: '950' }, 400, 'value'],
    [{ period: '2025-26-Q1' }, 400, 'value'],
    [{ period: '2025-26-Q1', value: 950, colour: 'red' }, 400, 'colour'],
    [{ period: '2025-26Q1', value: 950 }, 400, 'period'],
    [{ period: '2024-25-Q4', value: 950 }, 422, 'period'], // the baseline itself
    [{ period: '2026-27-Q1', value: 950 }, 422, 'period'], // after the target period
    [{ period: '2025-26-Q4', value: 950 }, 422, 'period'], // not begun yet
  ])('refuses %j with %i naming %s', async (body, status, field) => {
    const res = await progress(officer).send(body).expect(status);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('takes annual returns in Q4 only', async () => {
    const res = await progress(officer, annual).send({ period: '2025-26-Q2', value: 6.8 }).expect(422);
    expect(res.body.errors[0].message).toContain('annual target');
    await progress(officer, annual).send({ period: '2024-25-Q4', value: 6.8 }).expect(201);
  });

  it('runs draft → submitted → returned (with a reason) → resubmitted → approved, keeping the reason', async () => {
    const created = await progress(officer).send({ period: '2025-26-Q1', value: 960, commentary: 'Burglary down in Hailsham' }).expect(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, expected: 950, rag: 'amber', periodLabel: '2025/26 Q1 (Apr–Jun 2025)', directionOfTravel: null });
    const id = created.body.id;

    const dup = await progress(officer).send({ period: '2025-26-Q1', value: 1 }).expect(409);
    expect(dup.body.message).toContain(id);

    const approveDraft = await coordinator.post(`/api/v1/progress/${id}/approve`).send({}).expect(409);
    expect(approveDraft.body.message).toBe('Cannot approve an update that is draft; only a submitted one');
    await officer.post(`/api/v1/progress/${id}/approve`).send({}).expect(403);

    await officer.post(`/api/v1/progress/${id}/submit`).send({ version: 1 }).expect(200);
    const noReason = await coordinator.post(`/api/v1/progress/${id}/return`).send({}).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const returned = await coordinator.post(`/api/v1/progress/${id}/return`).send({ reason: 'Does not match the iQuanta figure' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: 'Does not match the iQuanta figure', decidedById: coordinator.user.id });

    const edited = await officer.patch(`/api/v1/progress/${id}`).send({ version: returned.body.version, value: 951 }).expect(200);
    await officer.post(`/api/v1/progress/${id}/submit`).send({}).expect(200);
    const approved = await coordinator.post(`/api/v1/progress/${id}/approve`).send({ version: edited.body.version + 1 }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', value: 951, returnReason: 'Does not match the iQuanta figure', submittedById: officer.user.id });
    await coordinator.post(`/api/v1/progress/${id}/return`).send({ reason: 'too late' }).expect(409);
  });

  it('lets only a coordinator correct an approved figure, and the history keeps the earlier value', async () => {
    const [update] = (await listAll()).items;
    const byOfficer = await officer.patch(`/api/v1/progress/${update.id}`).send({ version: update.version, value: 940 }).expect(403);
    expect(byOfficer.body.message).toContain('only by a coordinator');
    const corrected = await coordinator.patch(`/api/v1/progress/${update.id}`).send({ version: update.version, value: 945, commentary: 'Corrected after the police data refresh' }).expect(200);
    expect(corrected.body).toMatchObject({ status: 'approved', value: 945, version: update.version + 1 });
    const history = (await coordinator.get(`/api/v1/targets/${target}/history`).expect(200)).body.items;
    const correction = history.find((h: { action: string }) => h.action === 'corrected');
    expect(correction).toMatchObject({ entityId: update.id, actorEmail: coordinator.user.email, before: { value: 951 }, after: { value: 945 } });
    const returned = history.find((h: { action: string }) => h.action === 'returned');
    expect(returned.after.returnReason).toBe('Does not match the iQuanta figure');
  });

  it('refuses a stale version and writes nothing', async () => {
    const created = await progress(officer).send({ period: '2025-26-Q2', value: 900 }).expect(201);
    await officer.patch(`/api/v1/progress/${created.body.id}`).send({ version: 1, value: 905 }).expect(200);
    const stale = await officer.patch(`/api/v1/progress/${created.body.id}`).send({ version: 1, value: 1 }).expect(409);
    expect(stale.body.errors[0].field).toBe('version');
    await officer.post(`/api/v1/progress/${created.body.id}/submit`).send({ version: 1 }).expect(409);
    expect((await coordinator.get(`/api/v1/progress/${created.body.id}`).expect(200)).body).toMatchObject({ value: 905, version: 2, status: 'draft' });
    // The RAG shown is this figure's; the direction of travel is against the latest approved one (945).
    expect((await coordinator.get(`/api/v1/progress/${created.body.id}`)).body).toMatchObject({ expected: 900, rag: 'amber', directionOfTravel: 'improving' });
  });

  it('deletes drafts only', async () => {
    const [, q2] = (await listAll()).items;
    await otherOfficer.delete(`/api/v1/progress/${q2.id}`).expect(403);
    await officer.delete(`/api/v1/progress/${q2.id}`).expect(204);
    const [approved] = (await listAll()).items;
    await coordinator.delete(`/api/v1/progress/${approved.id}`).expect(409);
  });

  it('stops an officer once their partnership no longer leads the target', async () => {
    const assignments = (await coordinator.get(`/api/v1/targets/${target}/assignments`).expect(200)).body.items;
    await coordinator.patch(`/api/v1/assignments/${assignments[0].id}`).send({ status: 'completed' }).expect(200);
    const res = await progress(officer).send({ period: '2025-26-Q2', value: 900 }).expect(403);
    expect(res.body.message).toContain('no active lead assignment');
    await progress(coordinator).send({ period: '2025-26-Q2', value: 900 }).expect(201);
  });
});
