/**
 * Data sets for the scale benchmarks written straight into the tables in multi-row INSERTs
 * (src/database/bulk.ts), not through the services: the national set is 2 million updates,
 * which the services would take hours to write. Deterministic (seeded), so runs compare like
 * with like. Column values follow what the services would write (strategyId copied onto
 * updates, assignments and milestones included).
 */
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Assignment } from '../../src/assignments/assignment.entity';
import { insertRows } from '../../src/database/bulk';
import { addQuarters, periodsBetween } from '../../src/domain/period';
import { expectedValue } from '../../src/domain/trajectory';
import { Partnership } from '../../src/partnerships/partnership.entity';
import { ProgressUpdate } from '../../src/progress/progress-update.entity';
import { Strategy } from '../../src/strategies/strategy.entity';
import { Theme } from '../../src/strategies/theme.entity';
import { Milestone } from '../../src/targets/milestone.entity';
import { Target } from '../../src/targets/target.entity';

export const BASELINE_PERIOD = '2022-23-Q4';

export function seededRandom(seed = 42): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** `count` partnerships under `parentId` (or none), the first `lsps` of them of kind lsp; their ids. */
export async function seedPartnerships(m: EntityManager, count: number, prefix: string, parentId: string | null = null, lsps = 0): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    name: `${prefix} ${String(i + 1).padStart(5, '0')}`,
    kind: i < lsps ? 'lsp' : 'thematic',
    parentId,
    statutory: false,
  })) as Partial<Partnership>[];
  await insertRows(m, Partnership, rows);
  return rows.map((r) => r.id!);
}

export interface SeededStrategy {
  strategyId: string;
  /** The last quarter with returns. */
  period: string;
  /** Target codes, in order. */
  codes: string[];
}

/**
 * One strategy: `targets` targets over 11 themes, each with a milestone and an active lead
 * assignment (round robin over `partnerships`), and `quarters` of approved returns with
 * commentary (one target in twelve misses the latest), as bench/county-scale.ts shapes a county.
 */
export async function seedStrategy(
  m: EntityManager,
  options: {
    title: string; leadId: string; partnerships: string[]; targets: number; quarters: number; codePrefix: string; random: () => number;
    /** false: targets, milestones and assignments only (the import bench fills the returns). */
    returns?: boolean;
  },
): Promise<SeededStrategy> {
  const { random } = options;
  const period = addQuarters(BASELINE_PERIOD, options.quarters);
  const targetPeriod = addQuarters(BASELINE_PERIOD, options.quarters + 4);
  const strategyId = randomUUID();
  await insertRows(m, Strategy, [
    { id: strategyId, title: options.title, area: options.title, vision: 'A place where everyone can thrive', startDate: '2022-04-01', endDate: '2030-03-31', status: 'adopted', leadPartnershipId: options.leadId },
  ]);
  const themeIds = Array.from({ length: 11 }, () => randomUUID());
  await insertRows(m, Theme, themeIds.map((id, i) => ({ id, strategyId, title: `Theme ${i + 1}`, kind: 'theme' as const, position: i })));
  const quarters = options.returns !== false && options.quarters > 0 ? periodsBetween(addQuarters(BASELINE_PERIOD, 1), period) : [];
  const codes: string[] = [];
  // A few hundred targets at a time, so the national set never holds more than a slice in memory.
  const slice = 500;
  for (let start = 0; start < options.targets; start += slice) {
    const targets: Partial<Target>[] = [];
    const milestones: Partial<Milestone>[] = [];
    const assignments: Partial<Assignment>[] = [];
    const updates: Partial<ProgressUpdate>[] = [];
    for (let i = start; i < Math.min(options.targets, start + slice); i++) {
      const increase = i % 3 !== 0;
      const baselineValue = Math.round(100 + random() * 900);
      const targetValue = Math.round(baselineValue * (increase ? 1.2 : 0.8));
      const id = randomUUID();
      const code = `${options.codePrefix} ${String(i + 1).padStart(5, '0')}`;
      codes.push(code);
      const milestone = { period: addQuarters(BASELINE_PERIOD, 4), value: baselineValue + (targetValue - baselineValue) * 0.3 };
      targets.push({
        id, strategyId, themeId: themeIds[i % themeIds.length], code, title: `Target number ${i + 1}, a measure with a realistic length of title`,
        unit: ['%', 'people', 'homes', '£', 'crimes'][i % 5], direction: increase ? 'increase' : 'decrease', baselineValue, baselinePeriod: BASELINE_PERIOD,
        targetValue, targetPeriod, tolerancePercent: 5, frequency: 'quarterly', archived: false, version: 1,
      });
      milestones.push({ id: randomUUID(), targetId: id, strategyId, ...milestone });
      assignments.push({
        id: randomUUID(), targetId: id, strategyId, partnershipId: options.partnerships[i % options.partnerships.length],
        officerName: `Officer ${i + 1}`, officerEmail: `officer${i + 1}@example.test`, status: 'active',
      });
      const trajectory = { baselinePeriod: BASELINE_PERIOD, baselineValue, targetPeriod, targetValue, milestones: [milestone] };
      for (const q of quarters) {
        if (q === period && i % 12 === 5) continue;
        updates.push({
          id: randomUUID(), targetId: id, strategyId, period: q,
          value: Math.round(expectedValue(trajectory, q)! * (0.9 + random() * 0.15) * 10) / 10,
          commentary: `Quarterly commentary for ${code} in ${q}: delivery continues with partners; see the action plan.`,
          risks: random() < 0.3 ? 'Funding beyond March is not yet confirmed.' : null,
          nextActions: 'Review with the lead partnership at the next board.',
          status: 'approved', returnReason: null, submittedAt: '2025-01-01T00:00:00.000Z', submittedById: null,
          decidedAt: '2025-01-02T00:00:00.000Z', decidedById: null, version: 1,
        });
      }
    }
    await insertRows(m, Target, targets);
    await insertRows(m, Milestone, milestones);
    await insertRows(m, Assignment, assignments);
    await insertRows(m, ProgressUpdate, updates);
  }
  return { strategyId, period, codes };
}
