import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeE2E('targets and assignments', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let theme: string;
  let lead: string;
  let supporter: string;

  beforeAll(async () => {
    t = await createTestApp();
    b = await new StrategyBuilder(t).init();
    theme = await b.theme('Housing');
    lead = await b.partnership({ name: 'Wealden Housing Partnership' });
    supporter = await b.partnership({ name: 'Homes for Wealden' });
  });
  afterAll(() => t.close());

  const body = (over: object = {}) => ({
    code: 'NI 154',
    title: 'Net additional homes provided',
    themeId: theme,
    unit: 'homes',
    direction: 'increase',
    baselineValue: 400,
    baselinePeriod: '2024-25-Q4',
    targetValue: 600,
    targetPeriod: '2026-27-Q4',
    milestones: [{ period: '2025-26-Q4', value: 480 }],
    ...over,
  });

  it('creates a target with defaults, reads and lists it', async () => {
    const priority = (await b.api.post(`/api/v1/strategies/${b.strategyId}/priorities`).send({ title: 'Homes people can afford', kind: 'cross-cutting' }).expect(201)).body;
    const created = (await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body({ priorityIds: [priority.id] })).expect(201)).body;
    expect(created).toMatchObject({ code: 'NI 154', tolerancePercent: 5, frequency: 'quarterly', archived: false, version: 1, priorityIds: [priority.id], milestones: [{ period: '2025-26-Q4', value: 480 }] });
    expect((await b.api.get(`/api/v1/targets/${created.id}`).expect(200)).body).toEqual(created);
    const list = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets?themeId=${theme}&q=additional`).expect(200)).body;
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([created.id]);
    const byPriority = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets?priorityId=${priority.id}`).expect(200)).body;
    expect(byPriority.total).toBe(1);
  });

  it('refuses a duplicate code in the strategy (409) and bad trajectories (422, naming fields)', async () => {
    const dup = await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body()).expect(409);
    expect(dup.body.errors).toEqual([{ field: 'code', message: 'NI 154 is already used in this strategy' }]);
    const backwards = await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body({ code: 'X1', targetPeriod: '2024-25-Q3', milestones: [] })).expect(422);
    expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['targetPeriod']);
    const outside = await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body({ code: 'X2', milestones: [{ period: '2027-28-Q1', value: 1 }, { period: '2025-26-Q1', value: 1 }, { period: '2025-26-Q1', value: 2 }] })).expect(422);
    expect(outside.body.errors.map((e: { field: string }) => e.field)).toEqual(['milestones.0.period', 'milestones.2.period']);
    const annual = await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body({ code: 'X3', frequency: 'annual', baselinePeriod: '2024-25-Q3', milestones: [] })).expect(422);
    expect(annual.body.errors[0].field).toBe('baselinePeriod');
    const other = await new StrategyBuilder(t).init();
    const foreignTheme = await other.theme('Elsewhere');
    await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body({ code: 'X4', themeId: foreignTheme })).expect(422);
  });

  it.each([
    [{ tolerancePercent: 101 }, 'tolerancePercent'],
    [{ tolerancePercent: -1 }, 'tolerancePercent'],
    [{ baselineValue: '400' }, 'baselineValue'],
    [{ direction: 'up' }, 'direction'],
    [{ baselinePeriod: '2025-27-Q1' }, 'baselinePeriod'],
    [{ frequency: 'monthly' }, 'frequency'],
    [{ milestones: [{ period: '2025-26-Q1' }] }, 'milestones.0.value'],
    [{ unit: '' }, 'unit'],
  ])('refuses bad target input %j with 400', async (over, field) => {
    const res = await b.api.post(`/api/v1/strategies/${b.strategyId}/targets`).send(body({ code: 'BAD', ...over })).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('updates with optimistic concurrency: a stale version is refused and nothing is written', async () => {
    const target = await b.target({ code: 'V1', themeId: theme, baselineValue: 0, targetValue: 10 });
    const first = await b.api.patch(`/api/v1/targets/${target.id}`).send({ version: 1, title: 'Renamed once' }).expect(200);
    expect(first.body.version).toBe(2);
    const stale = await b.api.patch(`/api/v1/targets/${target.id}`).send({ version: 1, title: 'Lost update' }).expect(409);
    expect(stale.body.errors).toEqual([{ field: 'version', message: 'stale: the current version is 2' }]);
    expect((await b.api.get(`/api/v1/targets/${target.id}`)).body.title).toBe('Renamed once');
    await b.api.patch(`/api/v1/targets/${target.id}`).send({ title: 'No version' }).expect(400);
    const milestones = await b.api.patch(`/api/v1/targets/${target.id}`).send({ version: 2, milestones: [{ period: '2025-26-Q2', value: 4 }] }).expect(200);
    expect(milestones.body.milestones).toEqual([{ period: '2025-26-Q2', value: 4 }]);
    expect(milestones.body.version).toBe(3);
    await b.api.patch(`/api/v1/targets/${target.id}`).send({ version: 3, milestones: [{ period: '2025-26-Q2', value: 6 }] }).expect(200);
    await b.api.patch(`/api/v1/targets/${target.id}`).send({ version: 4, targetPeriod: '2025-26-Q1' }).expect(422);
  });

  it('allows one active lead assignment per target, and answers who is accountable', async () => {
    const target = await b.target({ code: 'A1', themeId: theme, baselineValue: 0, targetValue: 10 });
    const created = await b.api.post(`/api/v1/targets/${target.id}/assignments`).send({
      partnershipId: lead,
      supportingPartnershipIds: [supporter],
      accountableOfficer: { name: 'Priya Shah', email: 'Priya.Shah@Wealden.gov.example' },
      actions: [{ description: 'Bring forward the Hailsham site', owner: 'Planning policy team', dueDate: '2025-12-31', status: 'in-progress' }],
    }).expect(201);
    expect(created.body).toMatchObject({
      partnershipId: lead,
      partnershipName: 'Wealden Housing Partnership',
      supportingPartnerships: [{ id: supporter, name: 'Homes for Wealden' }],
      accountableOfficer: { name: 'Priya Shah', email: 'priya.shah@wealden.gov.example' },
      status: 'active',
      actions: [{ description: 'Bring forward the Hailsham site', owner: 'Planning policy team', dueDate: '2025-12-31', status: 'in-progress' }],
    });
    const second = await b.api.post(`/api/v1/targets/${target.id}/assignments`).send({ partnershipId: supporter, accountableOfficer: { name: 'B', email: 'b@example.test' } }).expect(409);
    expect(second.body.message).toContain('already has an active lead assignment');
    await b.api.post(`/api/v1/targets/${target.id}/assignments`).send({ partnershipId: lead, supportingPartnershipIds: [lead], accountableOfficer: { name: 'B', email: 'b@example.test' }, status: 'withdrawn' }).expect(422);
    await b.api.post(`/api/v1/targets/${target.id}/assignments`).send({ partnershipId: MISSING, accountableOfficer: { name: 'B', email: 'b@example.test' }, status: 'completed' }).expect(422);
    await b.api.post(`/api/v1/targets/${target.id}/assignments`).send({ partnershipId: lead, accountableOfficer: { name: 'B', email: 'not-an-email' } }).expect(400);

    // Hand over: withdraw the first, then a new lead.
    await b.api.patch(`/api/v1/assignments/${created.body.id}`).send({ status: 'withdrawn' }).expect(200);
    await b.api.post(`/api/v1/targets/${target.id}/assignments`).send({ partnershipId: supporter, accountableOfficer: { name: 'Sam Lee', email: 'sam@example.test' } }).expect(201);
    await b.api.patch(`/api/v1/assignments/${created.body.id}`).send({ status: 'active' }).expect(409);

    const accountable = (await b.api.get(`/api/v1/partnerships/${supporter}/assignments?role=lead&status=active`).expect(200)).body;
    expect(accountable.items.map((a: { target: { code: string }; role: string }) => [a.target.code, a.role])).toEqual([['A1', 'lead']]);
    const supporting = (await b.api.get(`/api/v1/partnerships/${supporter}/assignments`).expect(200)).body;
    expect(supporting.items.map((a: { role: string; status: string }) => [a.role, a.status]).sort()).toEqual([['lead', 'active'], ['supporting', 'withdrawn']]);
    const history = (await b.api.get(`/api/v1/targets/${target.id}/assignments`).expect(200)).body;
    expect(history.total).toBe(2);

    const matrix = (await b.api.get(`/api/v1/strategies/${b.strategyId}/accountability`).expect(200)).body;
    const row = matrix.rows.find((r: { code: string }) => r.code === 'A1');
    expect(row).toMatchObject({ lead: { id: supporter, name: 'Homes for Wealden' }, accountableOfficer: { name: 'Sam Lee', email: 'sam@example.test' }, supportingPartnerships: [], themeTitle: 'Housing' });
    expect(matrix.unassigned).toBe(matrix.rows.filter((r: { lead: unknown }) => r.lead === null).length);

    // A partnership that leads an assignment cannot be deleted.
    const blocked = await b.api.delete(`/api/v1/partnerships/${supporter}`).expect(409);
    expect(blocked.body.message).toContain('assignments it leads');
  });

  it('deletes a target without progress, and archives (never deletes) one with progress; the history keeps every step in order', async () => {
    const empty = await b.target({ code: 'D1', themeId: theme, baselineValue: 0, targetValue: 10 });
    await b.api.delete(`/api/v1/targets/${empty.id}`).expect(204);
    await b.api.get(`/api/v1/targets/${empty.id}`).expect(404);

    const target = await b.target({ code: 'D2', themeId: theme, baselineValue: 0, targetValue: 10 });
    await b.assign(target.id, lead);
    const officer = await t.as('partnership-officer', [lead]);
    await b.approvedReturn(officer, target.id, '2025-26-Q1', 3);
    const refused = await b.api.delete(`/api/v1/targets/${target.id}`).expect(409);
    expect(refused.body.message).toContain('archive it instead');
    const archived = await b.api.patch(`/api/v1/targets/${target.id}`).send({ version: 1, archived: true }).expect(200);
    expect(archived.body.archived).toBe(true);
    const live = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets`).expect(200)).body.items.map((x: { code: string }) => x.code);
    expect(live).not.toContain('D2');
    const archivedList = (await b.api.get(`/api/v1/strategies/${b.strategyId}/targets?archived=true`).expect(200)).body.items.map((x: { code: string }) => x.code);
    expect(archivedList).toEqual(['D2']);
    await officer.post(`/api/v1/targets/${target.id}/progress`).send({ period: '2025-26-Q2', value: 4 }).expect(422);

    const history = (await b.api.get(`/api/v1/targets/${target.id}/history`).expect(200)).body;
    expect(history.items.map((h: { entityType: string; action: string }) => `${h.entityType}:${h.action}`)).toEqual([
      'target:created',
      'assignment:created',
      'progress-update:created',
      'progress-update:submitted',
      'progress-update:approved',
      'target:archived',
    ]);
    const approval = history.items[4];
    expect(approval).toMatchObject({ actorEmail: t.api().user.email, before: { status: 'submitted' }, after: { status: 'approved' }, at: '2025-11-15T10:00:00.000Z' });
    expect(history.items[3].actorEmail).toBe(officer.user.email);
    const sequences = history.items.map((h: { sequence: number }) => h.sequence);
    expect([...sequences].sort((x, y) => x - y)).toEqual(sequences);
  });
  it('lists pages that equal the targets read one by one, with the total on every page (the one-query read)', async () => {
    const s = await new StrategyBuilder(t).init();
    const own = await s.theme('Economy');
    const [p1, p2] = await Promise.all(
      ['Jobs', 'Skills'].map(async (title) => (await s.api.post(`/api/v1/strategies/${s.strategyId}/priorities`).send({ title, kind: 'cross-cutting' }).expect(201)).body.id as string),
    );
    const created: { id: string }[] = [];
    for (const [code, over] of [
      ['E3', { priorityIds: [p2, p1], milestones: [{ period: '2026-27-Q2', value: 550.1 }, { period: '2025-26-Q2', value: 0.30000000000000004 }] }],
      ['E1', { priorityIds: [], milestones: [] }],
      ['E2', { priorityIds: [p1], description: 'Counted each March', direction: 'decrease', baselineValue: 600, targetValue: 400 }],
    ] as const) {
      created.push((await s.api.post(`/api/v1/strategies/${s.strategyId}/targets`).send(body({ code, themeId: own, ...over })).expect(201)).body);
    }
    const one = await Promise.all(['E1', 'E2', 'E3'].map(async (code) => (await s.api.get(`/api/v1/targets/${created.find((c) => (c as { code?: string }).code === code)!.id}`).expect(200)).body));
    expect(one[2].milestones).toEqual([{ period: '2025-26-Q2', value: 0.30000000000000004 }, { period: '2026-27-Q2', value: 550.1 }]);
    expect(one[2].priorityIds).toEqual([p1, p2].sort());
    expect(one[1]).toMatchObject({ description: 'Counted each March', direction: 'decrease', archived: false, version: 1 });

    const first = (await s.api.get(`/api/v1/strategies/${s.strategyId}/targets?pageSize=2`).expect(200)).body;
    expect(first).toEqual({ items: one.slice(0, 2), total: 3, page: 1, pageSize: 2 });
    const second = (await s.api.get(`/api/v1/strategies/${s.strategyId}/targets?pageSize=2&page=2`).expect(200)).body;
    expect(second).toEqual({ items: one.slice(2), total: 3, page: 2, pageSize: 2 });
    const past = (await s.api.get(`/api/v1/strategies/${s.strategyId}/targets?pageSize=2&page=5`).expect(200)).body;
    expect(past).toEqual({ items: [], total: 3, page: 5, pageSize: 2 });

    const empty = await new StrategyBuilder(t).init();
    expect((await empty.api.get(`/api/v1/strategies/${empty.strategyId}/targets`).expect(200)).body).toMatchObject({ items: [], total: 0 });
    await s.api.get(`/api/v1/strategies/${MISSING}/targets`).expect(404);
    await s.api.get(`/api/v1/strategies/${MISSING}/targets?page=3`).expect(404);
  });
});
