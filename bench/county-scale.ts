/**
 * A county-scale strategy written straight into the database (not through the API, which
 * would take minutes): 45 partnerships, 11 themes, 300 targets with milestones and active
 * assignments, and approved quarterly returns for the given number of quarters, with
 * commentary. Deterministic (seeded), so runs compare like with like.
 */
import { DataSource, EntityManager } from 'typeorm';
import { Assignment } from '../src/assignments/assignment.entity';
import { PlannedAction } from '../src/assignments/planned-action.entity';
import { addQuarters, periodsBetween } from '../src/domain/period';
import { expectedValue } from '../src/domain/trajectory';
import { Partnership } from '../src/partnerships/partnership.entity';
import { ProgressUpdate } from '../src/progress/progress-update.entity';
import { Strategy } from '../src/strategies/strategy.entity';
import { Theme } from '../src/strategies/theme.entity';
import { Milestone } from '../src/targets/milestone.entity';
import { Target } from '../src/targets/target.entity';

export interface CountyScale {
  strategyId: string;
  /** The quarter the reports are for: the last one with returns. */
  period: string;
}

const THEMES = [
  'Economy, jobs & prosperity',
  'Transport, access & communications',
  'Housing',
  'Environment & climate change',
  'Education, learning & skills',
  'Health & wellbeing',
  'Community safety',
  'Community strength & leadership',
  'Culture, sports & leisure',
  'Older people',
  'Children & young people',
];

export async function seedCountyScale(
  dataSource: DataSource,
  options: { targets: number; themes: number; quarters: number },
): Promise<CountyScale> {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const baselinePeriod = '2022-23-Q4';
  const firstQuarter = addQuarters(baselinePeriod, 1);
  const period = addQuarters(baselinePeriod, options.quarters);
  const targetPeriod = addQuarters(baselinePeriod, options.quarters + 4);

  return dataSource.transaction(async (m: EntityManager) => {
    const county = await m.save(m.create(Partnership, { name: 'County Strategic Partnership', kind: 'lsp', statutory: false }));
    const partnerships: Partnership[] = [];
    for (let i = 0; i < 44; i++) {
      partnerships.push(
        await m.save(m.create(Partnership, { name: `Thematic Partnership ${String(i + 1).padStart(2, '0')}`, kind: i < 5 ? 'lsp' : 'thematic', parentId: county.id })),
      );
    }
    const strategy = await m.save(
      m.create(Strategy, { title: 'County Sustainable Community Strategy', area: 'The County', vision: 'A county where everyone can thrive', startDate: '2022-04-01', endDate: '2030-03-31', status: 'adopted', leadPartnershipId: county.id }),
    );
    const themes: Theme[] = [];
    for (let i = 0; i < options.themes; i++) {
      themes.push(await m.save(m.create(Theme, { strategyId: strategy.id, title: THEMES[i % THEMES.length], kind: i >= 9 ? 'population-group' : 'theme', position: i })));
    }
    const quarters = periodsBetween(firstQuarter, period);
    for (let i = 0; i < options.targets; i++) {
      const increase = i % 3 !== 0;
      const baselineValue = Math.round(100 + random() * 900);
      const targetValue = Math.round(baselineValue * (increase ? 1.2 : 0.8));
      const target = await m.save(
        m.create(Target, {
          strategyId: strategy.id,
          themeId: themes[i % themes.length].id,
          code: `CT ${String(i + 1).padStart(3, '0')}`,
          title: `County target number ${i + 1}, a measure with a realistic length of title`,
          unit: ['%', 'people', 'homes', '£', 'crimes'][i % 5],
          direction: increase ? 'increase' : 'decrease',
          baselineValue,
          baselinePeriod,
          targetValue,
          targetPeriod,
          tolerancePercent: 5,
          frequency: 'quarterly',
          archived: false,
          version: 1,
          milestones: [m.create(Milestone, { strategyId: strategy.id, period: addQuarters(baselinePeriod, 4), value: baselineValue + (targetValue - baselineValue) * 0.3 })],
        }),
      );
      const lead = partnerships[i % partnerships.length];
      await m.save(
        m.create(Assignment, {
          targetId: target.id,
          strategyId: strategy.id,
          partnershipId: lead.id,
          supportingPartnerships: [partnerships[(i + 7) % partnerships.length]],
          officerName: `Officer ${i + 1}`,
          officerEmail: `officer${i + 1}@county.example`,
          status: 'active',
          actions: [m.create(PlannedAction, { position: 0, description: 'Deliver the action plan', owner: lead.name, dueDate: '2026-03-31', status: 'in-progress' })],
        }),
      );
      const trajectory = { baselinePeriod, baselineValue, targetPeriod, targetValue, milestones: target.milestones ?? [] };
      const rows = quarters
        // About one target in twelve misses the latest return.
        .filter((q) => !(q === period && i % 12 === 5))
        .map((q) => {
          const expected = expectedValue(trajectory, q)!;
          const value = Math.round(expected * (0.9 + random() * 0.15) * 10) / 10;
          return m.create(ProgressUpdate, {
            targetId: target.id,
            strategyId: strategy.id,
            period: q,
            value,
            commentary: `Quarterly commentary for ${target.code} in ${q}: delivery continues with partners; see the action plan.`,
            risks: random() < 0.3 ? 'Funding beyond March is not yet confirmed.' : null,
            nextActions: 'Review with the lead partnership at the next board.',
            status: 'approved',
            submittedAt: '2025-01-01T00:00:00.000Z',
            decidedAt: '2025-01-02T00:00:00.000Z',
          });
        });
      await m.save(rows, { chunk: 50 });
    }
    return { strategyId: strategy.id, period };
  });
}
