import { createTestApp, describeE2E, TestApp } from './helpers/app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeE2E('strategies, themes and priorities', () => {
  let t: TestApp;
  let lsp: { id: string };
  let district: { id: string };
  let thematic: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const post = async (body: object) => (await t.api().post('/api/v1/partnerships').send(body).expect(201)).body;
    lsp = await post({ name: 'East Sussex Strategic Partnership', kind: 'lsp' });
    district = await post({ name: 'Wealden Strategic Partnership', kind: 'lsp', parentId: lsp.id });
    thematic = await post({ name: 'Safer Wealden Partnership', kind: 'thematic', parentId: district.id });
  });
  afterAll(() => t.close());

  const strategyBody = () => ({
    title: 'Pride of Place',
    area: 'East Sussex',
    vision: 'A county where everyone can thrive',
    startDate: '2008-04-01',
    endDate: '2026-03-31',
    leadPartnershipId: lsp.id,
  });
  const createStrategy = async (body: object = {}) =>
    (await t.api().post('/api/v1/strategies').send({ ...strategyBody(), ...body }).expect(201)).body;

  it('creates and reads a strategy, draft by default', async () => {
    const s = await createStrategy();
    expect(s).toMatchObject({ ...strategyBody(), status: 'draft', id: expect.any(String) });
    expect((await t.api().get(`/api/v1/strategies/${s.id}`).expect(200)).body).toEqual(s);
    const adopted = await t.api().patch(`/api/v1/strategies/${s.id}`).send({ status: 'adopted' }).expect(200);
    expect(adopted.body.status).toBe('adopted');
    const list = await t.api().get('/api/v1/strategies?status=adopted').expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(s.id);
  });

  it('carries the board pack language (English by default) and the return deadline (30 days by default)', async () => {
    const s = await createStrategy();
    expect(s).toMatchObject({ language: 'en', returnDeadlineDays: 30 });
    const welsh = await t.api().patch(`/api/v1/strategies/${s.id}`).send({ language: 'cy', returnDeadlineDays: 45 }).expect(200);
    expect(welsh.body).toMatchObject({ language: 'cy', returnDeadlineDays: 45 });
    for (const bad of [{ language: 'fr' }, { returnDeadlineDays: -1 }, { returnDeadlineDays: 366 }, { returnDeadlineDays: 1.5 }, { language: null }]) {
      const res = await t.api().patch(`/api/v1/strategies/${s.id}`).send(bad).expect(400);
      expect(res.body.errors[0].field).toBe(Object.keys(bad)[0]);
    }
    expect((await t.api().get(`/api/v1/strategies/${s.id}`).expect(200)).body).toMatchObject({ language: 'cy', returnDeadlineDays: 45 });
  });

  it('refuses a strategy whose end date precedes its start, on create and on update', async () => {
    const res = await t.api().post('/api/v1/strategies').send({ ...strategyBody(), endDate: '2007-03-31' }).expect(422);
    expect(res.body.errors).toEqual([{ field: 'endDate', message: 'endDate 2007-03-31 must be after startDate 2008-04-01' }]);
    const s = await createStrategy();
    await t.api().patch(`/api/v1/strategies/${s.id}`).send({ startDate: '2030-01-01' }).expect(422);
    expect((await t.api().get(`/api/v1/strategies/${s.id}`)).body.startDate).toBe('2008-04-01');
  });

  it.each([
    [{ startDate: '2008-02-30' }, 'startDate'],
    [{ startDate: '01/04/2008' }, 'startDate'],
    [{ status: 'live' }, 'status'],
    [{ leadPartnershipId: 'x' }, 'leadPartnershipId'],
    [{ title: '' }, 'title'],
  ])('refuses bad strategy input %j', async (patch, field) => {
    const res = await t.api().post('/api/v1/strategies').send({ ...strategyBody(), ...patch }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('requires the lead partnership to exist and to be an LSP', async () => {
    const missing = await t.api().post('/api/v1/strategies').send({ ...strategyBody(), leadPartnershipId: MISSING }).expect(422);
    expect(missing.body.errors[0].field).toBe('leadPartnershipId');
    const notLsp = await t.api().post('/api/v1/strategies').send({ ...strategyBody(), leadPartnershipId: thematic.id }).expect(422);
    expect(notLsp.body.errors[0].message).toContain('not an lsp');
  });

  it('manages themes and population groups, filtered by kind, in report order', async () => {
    const s = await createStrategy();
    const base = `/api/v1/strategies/${s.id}/themes`;
    const safety = (await t.api().post(base).send({ title: 'Community safety' }).expect(201)).body;
    const older = (await t.api().post(base).send({ title: 'Older people', kind: 'population-group' }).expect(201)).body;
    expect(safety).toMatchObject({ strategyId: s.id, kind: 'theme', position: 0 });
    expect(older.position).toBe(1);
    const groups = await t.api().get(`${base}?kind=population-group`).expect(200);
    expect(groups.body.items.map((x: { id: string }) => x.id)).toEqual([older.id]);
    await t.api().post(base).send({ title: 'X', kind: 'cohort' }).expect(400);
    await t.api().get(`/api/v1/strategies/${MISSING}/themes`).expect(404);
    const renamed = await t.api().patch(`/api/v1/themes/${safety.id}`).send({ description: 'Crime and disorder' }).expect(200);
    expect(renamed.body.description).toBe('Crime and disorder');
    await t.api().delete(`/api/v1/themes/${older.id}`).expect(204);
    await t.api().get(`/api/v1/themes/${older.id}`).expect(404);
  });

  it('manages priorities: local ones name their partnership, themes must be the same strategy', async () => {
    const s = await createStrategy();
    const other = await createStrategy({ title: 'Another strategy' });
    const theme = (await t.api().post(`/api/v1/strategies/${s.id}/themes`).send({ title: 'Housing' }).expect(201)).body;
    const foreign = (await t.api().post(`/api/v1/strategies/${other.id}/themes`).send({ title: 'Housing' }).expect(201)).body;
    const base = `/api/v1/strategies/${s.id}/priorities`;

    const cross = (await t.api().post(base).send({ title: 'Reduce inequalities', kind: 'cross-cutting', themeIds: [theme.id] }).expect(201)).body;
    expect(cross).toMatchObject({ kind: 'cross-cutting', partnershipId: null, themeIds: [theme.id] });

    const foreignTheme = await t.api().post(base).send({ title: 'Bad', kind: 'cross-cutting', themeIds: [theme.id, foreign.id] }).expect(422);
    expect(foreignTheme.body.errors).toEqual([{ field: 'themeIds.1', message: `theme ${foreign.id} belongs to another strategy` }]);

    const noOwner = await t.api().post(base).send({ title: 'Local', kind: 'local' }).expect(422);
    expect(noOwner.body.errors[0].field).toBe('partnershipId');
    await t.api().post(base).send({ title: 'Local', kind: 'cross-cutting', partnershipId: district.id }).expect(422);
    const local = (await t.api().post(base).send({ title: 'Rural isolation', kind: 'local', partnershipId: district.id }).expect(201)).body;

    const byTheme = await t.api().get(`${base}?themeId=${theme.id}`).expect(200);
    expect(byTheme.body.items.map((p: { id: string }) => p.id)).toEqual([cross.id]);
    const locals = await t.api().get(`${base}?kind=local`).expect(200);
    expect(locals.body.items.map((p: { id: string }) => p.id)).toEqual([local.id]);

    await t.api().patch(`/api/v1/priorities/${cross.id}`).send({ themeIds: [foreign.id] }).expect(422);
    await t.api().patch(`/api/v1/priorities/${cross.id}`).send({ themeIds: [] }).expect(200);
    expect((await t.api().get(`/api/v1/priorities/${cross.id}`)).body.themeIds).toEqual([]);

    // A partnership owning a local priority, and a strategy with content, cannot be deleted.
    const blocked = await t.api().delete(`/api/v1/partnerships/${district.id}`).expect(409);
    expect(blocked.body.message).toContain('local priorities');
    const strategyBlocked = await t.api().delete(`/api/v1/strategies/${s.id}`).expect(409);
    expect(strategyBlocked.body.message).toMatch(/themes.*priorities/);
  });

  it('refuses to delete an LSP that leads a strategy, and deletes an empty strategy', async () => {
    const lead = (await t.api().post('/api/v1/partnerships').send({ name: 'Rother LSP', kind: 'lsp' }).expect(201)).body;
    const s = await createStrategy({ leadPartnershipId: lead.id });
    const res = await t.api().delete(`/api/v1/partnerships/${lead.id}`).expect(409);
    expect(res.body.message).toContain('strategies it leads');
    await t.api().delete(`/api/v1/strategies/${s.id}`).expect(204);
    await t.api().delete(`/api/v1/partnerships/${lead.id}`).expect(204);
  });
});
