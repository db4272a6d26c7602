import { DataSource } from 'typeorm';
import { createTestApp, describeE2E } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const TABLES = ['progress_updates', 'assignments', 'milestones'];

/**
 * strategyId is copied from targets onto updates, assignments and milestones: every write path
 * sets it, and the migration that adds it fills it for rows already there.
 */
describeE2E('strategyId on progress updates, assignments and milestones', () => {
  it('is set by every write path (target with milestones, milestone edit, assignment, update, import) and filled by the migration for older rows', async () => {
    const t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
    try {
      const db = t.app.get(DataSource);
      const b = await new StrategyBuilder(t).init();
      const other = await new StrategyBuilder(t).init();
      const lead = await b.partnership({ name: 'Safer Wealden Partnership' });
      const theme = await b.theme('Community safety');
      const otherTheme = await other.theme('Housing');
      const milestones = [{ period: '2025-26-Q1', value: 140 }];
      const one = await b.target({ code: 'CS 1', themeId: theme, baselineValue: 100, targetValue: 180, baselinePeriod: '2023-24-Q4', milestones });
      const two = await b.target({ code: 'CS 2', themeId: theme, baselineValue: 100, targetValue: 180, baselinePeriod: '2023-24-Q4' });
      const three = await other.target({ code: 'HO 1', themeId: otherTheme, baselineValue: 10, targetValue: 20, baselinePeriod: '2023-24-Q4', milestones });
      await b.api.patch(`/api/v1/targets/${two.id}`).send({ version: two.version, milestones: [{ period: '2024-25-Q2', value: 120 }] }).expect(200);
      for (const id of [one.id, two.id]) await b.assign(id, lead);
      await other.assign(three.id, lead);
      const officer = await t.as('partnership-officer', [lead]);
      await b.submitReturn(officer, one.id, '2024-25-Q1', 110);
      await other.submitReturn(officer, three.id, '2024-25-Q1', 12);
      await officer
        .post(`/api/v1/strategies/${b.strategyId}/progress/import`)
        .set('Content-Type', 'text/csv')
        .send('code,period,value\nCS 2,2024-25-Q1,111\nCS 1,2024-25-Q2,112\n')
        .expect(200);

      const strategyOf = async () => {
        const out: Record<string, Record<string, string | null>> = {};
        for (const table of TABLES) {
          const rows: { targetId: string; strategyId: string | null }[] = await db.query(`SELECT "targetId", "strategyId" FROM "${table}"`);
          for (const row of rows) out[`${table} ${row.targetId}`] = { ...(out[`${table} ${row.targetId}`] ?? {}), [row.strategyId ?? 'null']: row.strategyId };
        }
        return out;
      };
      const expected = {
        [`progress_updates ${one.id}`]: { [b.strategyId]: b.strategyId },
        [`progress_updates ${two.id}`]: { [b.strategyId]: b.strategyId },
        [`progress_updates ${three.id}`]: { [other.strategyId]: other.strategyId },
        [`assignments ${one.id}`]: { [b.strategyId]: b.strategyId },
        [`assignments ${two.id}`]: { [b.strategyId]: b.strategyId },
        [`assignments ${three.id}`]: { [other.strategyId]: other.strategyId },
        [`milestones ${one.id}`]: { [b.strategyId]: b.strategyId },
        [`milestones ${two.id}`]: { [b.strategyId]: b.strategyId },
        [`milestones ${three.id}`]: { [other.strategyId]: other.strategyId },
      };
      expect(await strategyOf()).toEqual(expected);
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM "progress_updates"'))[0].n)).toBe(4);

      // Back to the schema before the column existed (later migrations first; the rows stay), then forward again.
      const denormalise = db.migrations.findIndex((m) => /^DenormaliseStrategyId/.test(m.name ?? ''));
      expect(denormalise).toBeGreaterThanOrEqual(0);
      for (let i = db.migrations.length - 1; i >= denormalise; i--) await db.undoLastMigration({ transaction: 'none' });
      for (const table of TABLES) await expect(db.query(`SELECT "strategyId" FROM "${table}"`)).rejects.toThrow();
      await db.runMigrations({ transaction: 'each' });
      expect(await strategyOf()).toEqual(expected);

      // And the summary, which now reads by strategyId, still sees exactly this strategy's figures.
      const summary = await b.summary('2024-25-Q2');
      expect(summary.themes.flatMap((th) => th.targets.map((x) => x.code)).sort()).toEqual(['CS 1', 'CS 2']);
    } finally {
      await t.close();
    }
  });
});
