import { DataSource } from 'typeorm';
import { Partnership } from '../src/partnerships/partnership.entity';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeE2E('partnerships and members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = async (body: object) => (await t.api().post('/api/v1/partnerships').send(body).expect(201)).body;

  it('creates, reads, lists, updates and deletes a partnership', async () => {
    const county = await create({ name: 'East Sussex Strategic Partnership', kind: 'lsp', area: 'East Sussex', meetingsPerYear: 4 });
    expect(county).toMatchObject({
      id: expect.any(String),
      name: 'East Sussex Strategic Partnership',
      kind: 'lsp',
      area: 'East Sussex',
      parentId: null,
      statutory: false,
      chair: null,
      meetingsPerYear: 4,
    });
    const safer = await create({ name: '  Safer Wealden Partnership ', kind: 'thematic', parentId: county.id, statutory: true });
    expect(safer.name).toBe('Safer Wealden Partnership');

    const got = await t.api().get(`/api/v1/partnerships/${safer.id}`).expect(200);
    expect(got.body).toEqual(safer);

    const patched = await t.api().patch(`/api/v1/partnerships/${safer.id}`).send({ chair: 'Cllr Ann Newton', area: null }).expect(200);
    expect(patched.body).toMatchObject({ chair: 'Cllr Ann Newton', area: null, name: 'Safer Wealden Partnership' });

    const list = await t.api().get(`/api/v1/partnerships?kind=thematic&parentId=${county.id}`).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([safer.id]);

    // Who did what: the row records the acting user.
    const row = await t.app.get(DataSource).getRepository(Partnership).findOneByOrFail({ id: safer.id });
    expect(row).toMatchObject({ createdById: t.api().user.id, updatedById: t.api().user.id });

    await t.api().delete(`/api/v1/partnerships/${safer.id}`).expect(204);
    await t.api().get(`/api/v1/partnerships/${safer.id}`).expect(404);
  });

  it('paginates with the documented envelope', async () => {
    for (const n of [1, 2, 3]) await create({ name: `Paging Partnership ${n}`, kind: 'other' });
    const page2 = await t.api().get('/api/v1/partnerships?kind=other&page=2&pageSize=2').expect(200);
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.body.items.map((p: { name: string }) => p.name)).toEqual(['Paging Partnership 3']);
    const search = await t.api().get('/api/v1/partnerships?q=paging%20partnership%202').expect(200);
    expect(search.body.items.map((p: { name: string }) => p.name)).toEqual(['Paging Partnership 2']);
    const literal = await t.api().get('/api/v1/partnerships?q=%25').expect(200);
    expect(literal.body.total).toBe(0);
  });

  it('refuses {} with 400 naming name and kind', async () => {
    const res = await t.api().post('/api/v1/partnerships').send({}).expect(400);
    expect(res.body.statusCode).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind']));
  });

  it.each([
    [{ name: 'X', kind: 'thematic', colour: 'red' }, 'colour'],
    [{ name: 42, kind: 'thematic' }, 'name'],
    [{ name: 'X', kind: 'council' }, 'kind'],
    [{ name: 'X', kind: 'lsp', statutory: 'yes' }, 'statutory'],
    [{ name: 'X', kind: 'lsp', meetingsPerYear: 2.5 }, 'meetingsPerYear'],
    [{ name: 'X', kind: 'lsp', meetingsPerYear: -1 }, 'meetingsPerYear'],
    [{ name: 'X', kind: 'lsp', parentId: 'not-a-uuid' }, 'parentId'],
    [{ name: '   ', kind: 'lsp' }, 'name'],
    [{ name: 'x'.repeat(201), kind: 'lsp' }, 'name'],
  ])('refuses bad input %j naming %s', async (body, field) => {
    const res = await t.api().post('/api/v1/partnerships').send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses null for a required field on PATCH', async () => {
    const p = await create({ name: 'Null Check', kind: 'other' });
    const res = await t.api().patch(`/api/v1/partnerships/${p.id}`).send({ name: null }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('name');
  });

  it('answers 400 for a non-UUID id and 404 for an unknown one', async () => {
    const bad = await t.api().get('/api/v1/partnerships/not-a-uuid').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    const missing = await t.api().get(`/api/v1/partnerships/${MISSING}`).expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: `Partnership ${MISSING} was not found` });
    await t.api().patch(`/api/v1/partnerships/${MISSING}`).send({ name: 'x' }).expect(404);
    await t.api().delete(`/api/v1/partnerships/${MISSING}`).expect(404);
  });

  it('refuses a parent that does not exist (422) and a parent cycle (409)', async () => {
    const orphan = await t.api().post('/api/v1/partnerships').send({ name: 'Orphan', kind: 'thematic', parentId: MISSING }).expect(422);
    expect(orphan.body.errors).toEqual([{ field: 'parentId', message: `partnership ${MISSING} does not exist` }]);

    const a = await create({ name: 'Cycle A', kind: 'lsp' });
    const b = await create({ name: 'Cycle B', kind: 'lsp', parentId: a.id });
    const c = await create({ name: 'Cycle C', kind: 'thematic', parentId: b.id });
    const cycle = await t.api().patch(`/api/v1/partnerships/${a.id}`).send({ parentId: c.id }).expect(409);
    expect(cycle.body.errors[0].field).toBe('parentId');
    await t.api().patch(`/api/v1/partnerships/${a.id}`).send({ parentId: a.id }).expect(409);
    // Nothing changed.
    expect((await t.api().get(`/api/v1/partnerships/${a.id}`).expect(200)).body.parentId).toBeNull();
    // Moving a leaf elsewhere is fine.
    await t.api().patch(`/api/v1/partnerships/${c.id}`).send({ parentId: a.id }).expect(200);
  });

  it('refuses to delete a partnership that still has child partnerships', async () => {
    const parent = await create({ name: 'Parent LSP', kind: 'lsp' });
    await create({ name: 'Child', kind: 'thematic', parentId: parent.id });
    const res = await t.api().delete(`/api/v1/partnerships/${parent.id}`).expect(409);
    expect(res.body.message).toContain('1 child partnerships');
    await t.api().get(`/api/v1/partnerships/${parent.id}`).expect(200);
  });

  it('manages the members of a partnership', async () => {
    const p = await create({ name: 'Wealden Strategic Partnership', kind: 'lsp' });
    const base = `/api/v1/partnerships/${p.id}/members`;
    const police = (await t.api().post(base).send({ organisation: 'Sussex Police', sector: 'public', role: 'Vice-chair' }).expect(201)).body;
    expect(police).toMatchObject({ partnershipId: p.id, organisation: 'Sussex Police', sector: 'public', role: 'Vice-chair' });
    await t.api().post(base).send({ organisation: 'Action in Rural Sussex', sector: 'voluntary' }).expect(201);

    const bad = await t.api().post(base).send({ organisation: '', sector: 'charity' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['organisation', 'sector']));

    const publicOnly = await t.api().get(`${base}?sector=public`).expect(200);
    expect(publicOnly.body.items.map((m: { organisation: string }) => m.organisation)).toEqual(['Sussex Police']);

    await t.api().patch(`${base}/${police.id}`).send({ role: null }).expect(200);
    expect((await t.api().get(`${base}/${police.id}`).expect(200)).body.role).toBeNull();
    await t.api().delete(`${base}/${police.id}`).expect(204);
    await t.api().get(`${base}/${police.id}`).expect(404);
    await t.api().get(`/api/v1/partnerships/${MISSING}/members`).expect(404);

    // Members belong to their partnership and go with it.
    await t.api().delete(`/api/v1/partnerships/${p.id}`).expect(204);
  });
});
