import { ForbiddenException, HttpException, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { AssignmentsService } from '../../src/assignments/assignments.service';
import { AuditService } from '../../src/audit/audit.service';
import { refusal } from '../../src/auth/policy';
import type { Actor, Role } from '../../src/auth/roles';
import { Clock, FixedClock } from '../../src/common/clock';
import { Db } from '../../src/database/transactions';
import { PartnershipsService } from '../../src/partnerships/partnerships.service';
import { ProgressService } from '../../src/progress/progress.service';
import { ReturnsService } from '../../src/returns/returns.service';
import { StrategiesService } from '../../src/strategies/strategies.service';
import { ThemesService } from '../../src/strategies/themes.service';
import { TargetsService } from '../../src/targets/targets.service';
import { describeE2E, engine, withPg } from '../helpers/app';

// The service tier: the services themselves, on a real database (the jest project picks SQLite
// or PostgreSQL), without HTTP. What only a database can show: concurrent writes are serialised
// (SQLite's queue) or locked (PostgreSQL's row locks), a transaction joins its callers', deletes
// are refused while something refers to the row, and the access policy holds on every path.
describeE2E('services on a real database', () => {
  let app: INestApplicationContext;
  const coordinator = actor('coordinator');
  let officer: Actor;
  let stranger: Actor;
  let lead: { id: string; name: string };
  let strategyId: string;
  let targetId: string;

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(Clock)
      .useValue(new FixedClock(new Date('2026-05-01T09:00:00Z')))
      .compile();
    app = await moduleRef.init();
    const partnerships = app.get(PartnershipsService);
    const lsp = await partnerships.create({ name: 'Wealden Strategic Partnership', kind: 'lsp' }, coordinator);
    lead = await partnerships.create({ name: 'Safer Wealden Partnership', kind: 'thematic', parentId: lsp.id }, coordinator);
    const other = await partnerships.create({ name: 'Wealden Housing Partnership', kind: 'thematic', parentId: lsp.id }, coordinator);
    officer = actor('partnership-officer', [lead.id]);
    stranger = actor('partnership-officer', [other.id]);
    strategyId = (await app.get(StrategiesService).create({ title: 'Pride of Place', area: 'East Sussex', startDate: '2024-04-01', endDate: '2027-03-31', leadPartnershipId: lsp.id }, coordinator)).id;
    const themeId = (await app.get(ThemesService).create(strategyId, { title: 'Community safety' } as never, coordinator)).id;
    targetId = (
      await app.get(TargetsService).create(
        strategyId,
        { code: 'NI 16', title: 'Serious acquisitive crime', themeId, unit: 'crimes', direction: 'decrease', baselineValue: 100, baselinePeriod: '2024-25-Q4', targetValue: 80, targetPeriod: '2026-27-Q4' } as never,
        coordinator,
      )
    ).id;
    await app.get(AssignmentsService).create(targetId, { partnershipId: lead.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } } as never, coordinator);
  });
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  it('lets one of two concurrent edits of the same version through and refuses the other as stale', async () => {
    const progress = app.get(ProgressService);
    const created = await progress.create(targetId, { period: '2025-26-Q1', value: 99 }, officer);
    const results = await Promise.allSettled([
      progress.update(created.id, { version: created.version, value: 90 }, officer),
      progress.update(created.id, { version: created.version, value: 91 }, officer),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as HttpException).getStatus())).toEqual([409]);
    const stored = await progress.get(created.id);
    expect(stored.version).toBe(created.version + 1);
    expect([90, 91]).toContain(stored.value);
  });

  it('stores one of two concurrent first returns for the same target and period, and refuses the other', async () => {
    const progress = app.get(ProgressService);
    const results = await Promise.allSettled([
      progress.create(targetId, { period: '2025-26-Q2', value: 1 }, officer),
      progress.create(targetId, { period: '2025-26-Q2', value: 2 }, coordinator),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const page = await progress.list(targetId, { page: 1, pageSize: 50, from: '2025-26-Q2', to: '2025-26-Q2' } as never);
    expect(page.total).toBe(1);
  });

  it('runs a service method inside its caller’s transaction: when the caller fails, nothing the service wrote is kept', async () => {
    const db = app.get(Db);
    const progress = app.get(ProgressService);
    await expect(
      db.withTransaction(async () => {
        await progress.create(targetId, { period: '2025-26-Q3', value: 5 }, officer);
        throw new Error('the caller fails after the service has written');
      }),
    ).rejects.toThrow('the caller fails');
    const page = await progress.list(targetId, { page: 1, pageSize: 50, from: '2025-26-Q3', to: '2025-26-Q3' } as never);
    expect(page.total).toBe(0);
  });

  it('refuses to delete what is still referred to, naming what refers to it, and deletes nothing', async () => {
    await expect(app.get(PartnershipsService).remove(lead.id)).rejects.toThrow('it still has 1 assignments it leads');
    await expect(app.get(TargetsService).remove(targetId, coordinator)).rejects.toThrow(/Target NI 16 cannot be deleted: it still has \d+ progress updates/);
    expect((await app.get(TargetsService).get(targetId)).code).toBe('NI 16');
  });

  it('holds the access policy on the API path and the import path alike', async () => {
    const expected = refusal(stranger, 'progress.report', { code: 'NI 16', lead: { partnershipId: lead.id, partnershipName: lead.name } });
    const direct = app.get(ProgressService).create(targetId, { period: '2025-26-Q4', value: 3 }, stranger);
    await expect(direct).rejects.toThrow(ForbiddenException);
    await expect(direct).rejects.toThrow(expected!);
    const imported = app.get(ReturnsService).importReturns(strategyId, 'code,period,value\nNI 16,2025-26-Q4,3\n', false, stranger);
    await expect(imported).rejects.toMatchObject({ response: { errors: [{ row: 2, column: 'code', message: expected }] } });
  });

  it('stores returns set-wise: new rows inserted, changed ones updated in place, same values untouched, one history entry per write, strategyId set; a refused row undoes the batch', async () => {
    const progress = app.get(ProgressService);
    const db = app.get(Db);
    const target = await app.get(TargetsService).find(targetId);
    const store = (rows: { period: string; value: number }[]) =>
      db.withTransaction(async () => {
        const existing = await progress.lockReturnsOf(rows.map((r) => ({ targetId, period: r.period })));
        return progress.storeReturns(
          rows.map((r) => ({ target, period: r.period, change: { value: r.value, commentary: 'set-wise', risks: null, nextActions: null }, existing: existing.find((u) => u.period === r.period) })),
          officer,
        );
      });
    const imported = async () => (await app.get(AuditService).historyOfTarget(targetId, { page: 1, pageSize: 200 } as never)).items.filter((e) => e.action === 'imported');
    const stored = async (period: string) => (await progress.list(targetId, { page: 1, pageSize: 50, from: period, to: period } as never)).items[0];

    expect(await store([{ period: '2026-27-Q1', value: 90 }, { period: '2026-27-Q2', value: 88 }])).toEqual(['created', 'created']);
    expect(await store([{ period: '2026-27-Q1', value: 90 }, { period: '2026-27-Q2', value: 87 }])).toEqual(['unchanged', 'updated']);
    expect(await stored('2026-27-Q1')).toMatchObject({ value: 90, version: 1, status: 'submitted', submittedById: officer.id, createdById: officer.id });
    expect(await stored('2026-27-Q2')).toMatchObject({ value: 87, version: 2, status: 'submitted', commentary: 'set-wise' });
    const history = await imported();
    expect(history.map((e) => [e.before?.value ?? null, e.after?.value])).toEqual([[null, 90], [null, 88], [88, 87]]);
    // The snapshots carry the update's own dates, as JSON writes them.
    const changed = await stored('2026-27-Q2');
    const iso = (d: Date | string) => new Date(d).toISOString();
    expect(history[2].before).toMatchObject({ id: changed.id, version: 1, createdAt: iso(changed.createdAt), updatedAt: history[1].after?.updatedAt });
    expect(history[2].after).toMatchObject({ id: changed.id, version: 2, createdAt: iso(changed.createdAt), updatedAt: iso(changed.updatedAt) });
    expect(history[1].after).toMatchObject({ createdAt: iso(changed.createdAt), updatedAt: iso(changed.createdAt) });
    const rows: { strategyId: string }[] = await db.tx.query(`SELECT "strategyId" FROM "progress_updates" WHERE "targetId" = ${engine === 'postgres' ? '$1' : '?'}`, [targetId]);
    expect(new Set(rows.map((r) => r.strategyId))).toEqual(new Set([strategyId]));

    await progress.approve((await stored('2026-27-Q1')).id, {}, coordinator);
    await expect(store([{ period: '2026-27-Q2', value: 70 }, { period: '2026-27-Q1', value: 1 }])).rejects.toThrow(HttpException);
    expect(await stored('2026-27-Q2')).toMatchObject({ value: 87, version: 2 });
    expect(await imported()).toHaveLength(3);
  });
});

function actor(role: Role, partnershipIds: string[] = []): Actor {
  return { id: randomUUID(), email: `${role}-${randomUUID().slice(0, 8)}@service.test`, name: role, role, partnershipIds };
}
