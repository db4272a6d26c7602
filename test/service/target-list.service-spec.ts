import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AssignmentsService } from '../../src/assignments/assignments.service';
import type { Actor } from '../../src/auth/roles';
import { QueryShapes } from '../../src/database/query-shapes';
import { PartnershipsService } from '../../src/partnerships/partnerships.service';
import { PrioritiesService } from '../../src/strategies/priorities.service';
import { StrategiesService } from '../../src/strategies/strategies.service';
import { ThemesService } from '../../src/strategies/themes.service';
import { ListTargetsQuery } from '../../src/targets/dto/target.dto';
import { TargetsService } from '../../src/targets/targets.service';
import { UsersService } from '../../src/users/users.service';
import { describeE2E, engine, withPg } from '../helpers/app';

// The target list and the guard's user read send SQL built once per shape (issue 11,
// src/database/query-shapes.ts). What could go wrong is a cached query answering with the values
// of the request that built it, or a new shape reusing an old one's SQL: every filter and page is
// asked here twice, with different values, interleaved, and checked against what was created.
describeE2E('target list and user read with SQL built once per shape', () => {
  let app: INestApplicationContext;
  let targets: TargetsService;
  const coordinator: Actor = { id: randomUUID(), email: 'coordinator@service.test', name: 'Coordinator', role: 'coordinator', partnershipIds: [] };
  const strategies: { id: string; themes: string[]; priority: string; lead: string; codes: string[] }[] = [];

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    app = await (await Test.createTestingModule({ imports: [AppModule] }).compile()).init();
    targets = app.get(TargetsService);
    const partnerships = app.get(PartnershipsService);
    const lsp = await partnerships.create({ name: 'Wealden Strategic Partnership', kind: 'lsp' }, coordinator);
    for (const [n, area] of ['East Sussex', 'West Sussex'].entries()) {
      const lead = await partnerships.create({ name: `Safer ${area}`, kind: 'thematic', parentId: lsp.id }, coordinator);
      const id = (await app.get(StrategiesService).create({ title: `Pride of ${area}`, area, startDate: '2024-04-01', endDate: '2027-03-31', leadPartnershipId: lsp.id }, coordinator)).id;
      const themes = [
        (await app.get(ThemesService).create(id, { title: 'Community safety' } as never, coordinator)).id,
        (await app.get(ThemesService).create(id, { title: 'Housing' } as never, coordinator)).id,
      ];
      const priority = (await app.get(PrioritiesService).create(id, { title: 'Narrow the gap', kind: 'cross-cutting' }, coordinator)).id;
      // Codes differ between the strategies, so an answer with the other strategy's rows shows.
      const codes = ['A_1', 'B%2', 'C 3', 'D 4', 'E 5'].map((code) => `${code}-${n}`);
      for (const [i, code] of codes.entries()) {
        const created = await targets.create(
          id,
          {
            code,
            title: i === 3 ? 'Empty homes brought back' : `Serious crime ${i}`,
            themeId: themes[i % 2],
            priorityIds: i < 2 ? [priority] : [],
            unit: 'crimes',
            direction: i === 4 ? 'increase' : 'decrease',
            frequency: i === 2 ? 'annual' : 'quarterly',
            baselineValue: 100,
            baselinePeriod: '2024-25-Q4',
            targetValue: i === 4 ? 120 : 80,
            targetPeriod: '2026-27-Q4',
            milestones: [{ period: '2025-26-Q4', value: i === 4 ? 110 : 90 }],
          } as never,
          coordinator,
        );
        if (i === 1) await app.get(AssignmentsService).create(created.id, { partnershipId: lead.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } } as never, coordinator);
      }
      strategies.push({ id, themes, priority, lead: lead.id, codes });
    }
  });
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  const list = (strategyId: string, query: Partial<ListTargetsQuery>) =>
    targets.list(strategyId, { page: 1, pageSize: 50, ...query } as ListTargetsQuery);
  const codesOf = async (strategyId: string, query: Partial<ListTargetsQuery>) => (await list(strategyId, query)).items.map((t) => t.code);

  it('answers every filter with the values of the request, not those of the request that built the SQL', async () => {
    for (let round = 0; round < 2; round++) {
      for (const [n, s] of strategies.entries()) {
        const [a1, a2, b3, c4, d5] = s.codes;
        expect(await codesOf(s.id, {})).toEqual([a1, a2, b3, c4, d5]);
        expect(await codesOf(s.id, { themeId: s.themes[0] })).toEqual([a1, b3, d5]);
        expect(await codesOf(s.id, { themeId: s.themes[1] })).toEqual([a2, c4]);
        expect(await codesOf(s.id, { priorityId: s.priority })).toEqual([a1, a2]);
        expect(await codesOf(s.id, { leadPartnershipId: s.lead })).toEqual([a2]);
        expect(await codesOf(s.id, { direction: 'increase' })).toEqual([d5]);
        expect(await codesOf(s.id, { direction: 'decrease' })).toEqual([a1, a2, b3, c4]);
        expect(await codesOf(s.id, { frequency: 'annual' })).toEqual([b3]);
        // LIKE's wildcards in the search are searched for, not matched with.
        expect(await codesOf(s.id, { q: 'a_' })).toEqual([a1]);
        expect(await codesOf(s.id, { q: 'b%' })).toEqual([a2]);
        expect(await codesOf(s.id, { q: 'EMPTY' })).toEqual([c4]);
        expect(await codesOf(s.id, { q: `-${n}` })).toEqual([a1, a2, b3, c4, d5]);
        expect(await codesOf(s.id, { q: `-${1 - n}` })).toEqual([]);
        expect(await codesOf(s.id, { themeId: s.themes[0], direction: 'decrease', q: 'serious' })).toEqual([a1, b3]);
        // Another strategy's theme is no theme of this one.
        expect(await codesOf(s.id, { themeId: strategies[1 - n].themes[0] })).toEqual([]);
        expect(await codesOf(s.id, { archived: true })).toEqual([]);
        const second = await list(s.id, { page: 2, pageSize: 2 });
        expect([second.items.map((t) => t.code), second.total, second.page]).toEqual([[b3, c4], 5, 2]);
        const filteredPage = await list(s.id, { page: 2, pageSize: 1, direction: 'decrease' });
        expect([filteredPage.items.map((t) => t.code), filteredPage.total]).toEqual([[a2], 4]);
      }
    }
  });

  it('reads rows as the entities would: numbers, booleans, dates, milestones and priorities', async () => {
    const s = strategies[0];
    const [first] = (await list(s.id, { priorityId: s.priority })).items;
    const one = await targets.get(first.id);
    expect(first).toEqual(one);
    expect(first).toMatchObject({ code: s.codes[0], baselineValue: 100, targetValue: 80, archived: false, version: expect.any(Number), priorityIds: [s.priority] });
    expect(first.milestones).toEqual([{ period: '2025-26-Q4', value: 90 }]);
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(first.createdAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);
  });

  it("reads a user afresh with the request's id, and not once deactivated", async () => {
    const users = app.get(UsersService);
    const [a, b] = [
      await users.create({ email: 'ann@service.test', name: 'Ann', role: 'viewer', password: 'a long enough password' }),
      await users.create({ email: 'bob@service.test', name: 'Bob', role: 'coordinator', password: 'a long enough password' }),
    ];
    expect((await users.findActive(a.id))?.name).toBe('Ann');
    expect((await users.findActive(b.id))?.name).toBe('Bob');
    expect(await users.findActive(randomUUID())).toBeNull();
    await app.get(DataSource).query(`UPDATE users SET active = ${engine === 'postgres' ? 'false' : '0'} WHERE id = '${b.id}'`);
    expect(await users.findActive(b.id)).toBeNull();
    expect((await users.findActive(a.id))?.active).toBe(true);
  });

  it('refuses to cache a query that writes a value into its SQL text', async () => {
    const m = app.get(DataSource).manager;
    const shapes = new QueryShapes();
    await expect(
      shapes.raw(m, 'inlined', { code: 'E 5-1' }, (p) => m.createQueryBuilder().select('t.code').from('targets', 't').where(`t.code = '${String(p.code)}'`)),
    ).rejects.toThrow(/written into the SQL text/);
    // The same parameter twice, and in a sub-query, goes to both places.
    const rows = await shapes.raw<{ code: string }>(m, 'twice', { code: strategies[1].codes[4] }, (p) =>
      m
        .createQueryBuilder()
        .select('t.code', 'code')
        .from('targets', 't')
        .where('t.code = :code', { code: p.code })
        .andWhere((qb) => `t.id IN ${qb.subQuery().select('u.id').from('targets', 'u').where('u.code = :code', { code: p.code }).getQuery()}`),
    );
    expect(rows.map((r) => r.code)).toEqual([strategies[1].codes[4]]);
    const again = await shapes.raw<{ code: string }>(m, 'twice', { code: strategies[0].codes[2] }, () => {
      throw new Error('built again');
    });
    expect(again.map((r) => r.code)).toEqual([strategies[0].codes[2]]);
  });
});
