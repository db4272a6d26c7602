import { ConflictException, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { AssignmentsService } from '../../src/assignments/assignments.service';
import type { Actor, Role } from '../../src/auth/roles';
import { Clock, FixedClock } from '../../src/common/clock';
import { PartnershipsService } from '../../src/partnerships/partnerships.service';
import { ProgressService } from '../../src/progress/progress.service';
import { StrategiesService } from '../../src/strategies/strategies.service';
import { ThemesService } from '../../src/strategies/themes.service';
import { TargetsService } from '../../src/targets/targets.service';
import { describeE2E, engine, withPg } from '../helpers/app';

// Batch approval on a real database: all or none, and two coordinators approving the same batch
// at once cannot both succeed (SQLite's transaction queue, PostgreSQL's row locks).
describeE2E('ProgressService.approveMany on a real database', () => {
  let app: INestApplicationContext;
  let progress: ProgressService;
  const coordinator = actor('coordinator');
  let officer: Actor;
  let targetIds: string[];

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(Clock)
      .useValue(new FixedClock(new Date('2026-05-01T09:00:00Z')))
      .compile();
    app = await moduleRef.init();
    progress = app.get(ProgressService);
    const partnerships = app.get(PartnershipsService);
    const lsp = await partnerships.create({ name: 'Wealden Strategic Partnership', kind: 'lsp' }, coordinator);
    const lead = await partnerships.create({ name: 'Safer Wealden Partnership', kind: 'thematic', parentId: lsp.id }, coordinator);
    officer = actor('partnership-officer', [lead.id]);
    const strategyId = (await app.get(StrategiesService).create({ title: 'Pride of Place', area: 'East Sussex', startDate: '2024-04-01', endDate: '2027-03-31', leadPartnershipId: lsp.id }, coordinator)).id;
    const themeId = (await app.get(ThemesService).create(strategyId, { title: 'Community safety' } as never, coordinator)).id;
    targetIds = [];
    for (const code of ['A 1', 'A 2', 'A 3', 'A 4']) {
      const target = await app.get(TargetsService).create(
        strategyId,
        { code, title: `Target ${code}`, themeId, unit: 'crimes', direction: 'decrease', baselineValue: 100, baselinePeriod: '2024-25-Q4', targetValue: 80, targetPeriod: '2026-27-Q4' } as never,
        coordinator,
      );
      await app.get(AssignmentsService).create(target.id, { partnershipId: lead.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } } as never, coordinator);
      targetIds.push(target.id);
    }
  });
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  const submitted = async (targetId: string, period: string) => {
    const created = await progress.create(targetId, { period, value: 95 }, officer);
    return progress.submit(created.id, { version: created.version }, officer);
  };

  it('approves nothing when one update of the batch is stale, and names it', async () => {
    const a = await submitted(targetIds[0], '2025-26-Q1');
    const b = await submitted(targetIds[1], '2025-26-Q1');
    await progress.update(b.id, { version: b.version, value: 96 }, officer);
    const refused = progress.approveMany([{ id: a.id, version: a.version }, { id: b.id, version: b.version }], coordinator);
    await expect(refused).rejects.toThrow(ConflictException);
    await expect(refused).rejects.toThrow(/A 2 2025-26-Q1: .*nothing was approved/);
    expect((await progress.get(a.id)).status).toBe('submitted');
    expect((await progress.get(b.id)).status).toBe('submitted');
  });

  it('two coordinators approving the same batch at once: one succeeds, the other is refused and changes nothing', async () => {
    const batch = await Promise.all(targetIds.map((id) => submitted(id, '2025-26-Q2')));
    const decisions = batch.map((u) => ({ id: u.id, version: u.version }));
    const outcomes = await Promise.allSettled([progress.approveMany(decisions, coordinator), progress.approveMany([...decisions].reverse(), actor('coordinator'))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(rejected.reason).toBeInstanceOf(ConflictException);
    const after = await Promise.all(batch.map((u) => progress.get(u.id)));
    // Approved exactly once each: version moved by one, not two.
    expect(after.map((u) => [u.status, u.version])).toEqual(batch.map((u) => ['approved', u.version + 1]));
  });
});

function actor(role: Role, partnershipIds: string[] = []): Actor {
  return { id: randomUUID(), email: `${role}-${randomUUID().slice(0, 8)}@service.test`, name: role, role, partnershipIds };
}
