import { HttpException, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import type { Actor } from '../../src/auth/roles';
import { addQuarters, periodsBetween } from '../../src/domain/period';
import { AuditService } from '../../src/audit/audit.service';
import { ProgressService } from '../../src/progress/progress.service';
import { ReturnsService } from '../../src/returns/returns.service';
import { BASELINE_PERIOD, seededRandom, seedPartnerships, seedStrategy } from '../factories/bulk-seed';
import { describeE2E, engine, withPg } from '../helpers/app';

// The returns import reads, checks and writes a file 500 rows at a time (issue 11: memory),
// inside one transaction. What slicing could break: a problem in a late slice must still leave
// nothing stored (the earlier slices' writes roll back), a (target, period) given twice in
// different slices must still be refused, and counts must add up across slices.
describeE2E('returns import in slices', () => {
  let app: INestApplicationContext;
  let returns: ReturnsService;
  let db: DataSource;
  let strategyId: string;
  let lines: string[];
  const coordinator: Actor = { id: randomUUID(), email: 'coordinator@service.test', name: 'Coordinator', role: 'coordinator', partnershipIds: [] };
  const QUARTERS = 8;

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    app = await (await Test.createTestingModule({ imports: [AppModule] }).compile()).init();
    returns = app.get(ReturnsService);
    db = app.get(DataSource);
    const seeded = await db.transaction(async (m) => {
      const [lead] = await seedPartnerships(m, 1, 'Lead Partnership', null, 1);
      const partnerships = await seedPartnerships(m, 5, 'Delivery Partnership', lead);
      return seedStrategy(m, { title: 'Slices', leadId: lead, partnerships, targets: 1400, quarters: QUARTERS, codePrefix: 'SL', random: seededRandom(), returns: false });
    });
    strategyId = seeded.strategyId;
    const periods = periodsBetween(addQuarters(BASELINE_PERIOD, 1), addQuarters(BASELINE_PERIOD, QUARTERS));
    // 1,400 targets × 8 quarters: 11,200 rows, 23 slices.
    lines = seeded.codes.flatMap((code, i) => periods.map((period, q) => `${code},${period},${100 + i + q},On track`));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  const file = (rows: string[]) => ['code,period,value,commentary', ...rows].join('\n') + '\n';
  const stored = async () => {
    const p = engine === 'postgres' ? '$1' : '?';
    const [{ n: updates }] = await db.query(`SELECT COUNT(*) AS n FROM "progress_updates" WHERE "strategyId" = ${p}`, [strategyId]);
    const [{ n: history }] = await db.query(`SELECT COUNT(*) AS n FROM "audit_entries" a JOIN "targets" t ON t."id" = a."targetId" WHERE a."action" = 'imported' AND t."strategyId" = ${p}`, [strategyId]);
    return { updates: Number(updates), history: Number(history) };
  };
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HttpException);
    return { status: (error as HttpException).getStatus(), body: (error as HttpException).getResponse() as { message: string; errors: { row: number; column: string; message: string }[] } };
  };

  it('stores nothing when the only bad row is in the last slice', async () => {
    const rows = [...lines];
    rows[rows.length - 1] = rows[rows.length - 1].replace(/,\d+,On track$/, ',lots,On track');
    const { status, body } = await refusal(returns.importReturns(strategyId, file(rows), false, coordinator));
    expect(status).toBe(422);
    expect(body.errors).toEqual([{ field: `row ${rows.length + 1}, value`, row: rows.length + 1, column: 'value', message: 'must be a number, got "lots"' }]);
    expect(await stored()).toEqual({ updates: 0, history: 0 });
  });

  it('refuses a return given again in a later slice, naming the first row', async () => {
    const rows = [...lines, lines[1]];
    const { status, body } = await refusal(returns.importReturns(strategyId, file(rows), false, coordinator));
    expect(status).toBe(422);
    const [code, period] = lines[1].split(',');
    expect(body.errors).toEqual([expect.objectContaining({ row: rows.length + 1, column: 'code', message: `${code} ${period} is already given in row 3` })]);
    expect(await stored()).toEqual({ updates: 0, history: 0 });
  });

  it('when a write fails part-way, throws that failure, sends nothing after it, and stores nothing', async () => {
    // The import reads a slice ahead of its writes on one connection (ConnectionQueue): a failed
    // write must still be the error reported, and no later statement may go to the failing transaction.
    const audit = app.get(AuditService);
    const progress = app.get(ProgressService);
    const prepare = audit.prepareMany.bind(audit);
    const read = progress.lockReturnsOf.bind(progress);
    const failure = new Error('could not extend file: No space left on device');
    let writes = 0;
    let failed = false;
    let readsAfterFailure = 0;
    const prepareMany = jest.spyOn(audit, 'prepareMany').mockImplementation((records) => {
      const write = prepare(records);
      return ++writes === 3
        ? async () => {
            failed = true;
            throw failure;
          }
        : write;
    });
    const lockReturnsOf = jest.spyOn(progress, 'lockReturnsOf').mockImplementation((pairs) => {
      if (failed) readsAfterFailure++;
      return read(pairs);
    });
    try {
      await expect(returns.importReturns(strategyId, file(lines), false, coordinator)).rejects.toBe(failure);
    } finally {
      prepareMany.mockRestore();
      lockReturnsOf.mockRestore();
    }
    expect(failed).toBe(true);
    expect(readsAfterFailure).toBe(0);
    expect(await stored()).toEqual({ updates: 0, history: 0 });
  });

  it('stores every row of every slice, one history entry each, and counts them all', async () => {
    const result = await returns.importReturns(strategyId, file(lines), false, coordinator);
    expect(result).toEqual({ dryRun: false, rows: lines.length, created: lines.length, updated: 0, unchanged: 0, skipped: 0 });
    expect(await stored()).toEqual({ updates: lines.length, history: lines.length });
    // Changing one figure in the last slice writes that one only.
    const changed = [...lines];
    changed[changed.length - 1] = changed[changed.length - 1].replace(/,(\d+),On track$/, (_, v: string) => `,${Number(v) + 1},On track`);
    const again = await returns.importReturns(strategyId, file(changed), false, coordinator);
    expect(again).toEqual({ dryRun: false, rows: lines.length, created: 0, updated: 1, unchanged: lines.length - 1, skipped: 0 });
    expect(await stored()).toEqual({ updates: lines.length, history: lines.length + 1 });
  });
});
