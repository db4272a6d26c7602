import { trajectoryErrors, TrajectoryInput, trajectoryOf } from './target-rules';

const base: TrajectoryInput = { baselinePeriod: '2024-25-Q4', targetPeriod: '2025-26-Q4', frequency: 'quarterly', milestones: [] };
const fields = (t: Partial<TrajectoryInput>) => trajectoryErrors({ ...base, ...t }).map((e) => e.field);

describe('trajectoryErrors', () => {
  it('accepts the worked example and milestones strictly inside the span', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ milestones: [{ period: '2025-26-Q2', value: 120 }, { period: '2025-26-Q1', value: 110 }] })).toEqual([]);
  });

  it.each([
    ['the same period', '2024-25-Q4'],
    ['an earlier period', '2023-24-Q1'],
  ])('refuses a target period at %s as the baseline', (_label, targetPeriod) => {
    expect(fields({ targetPeriod })).toEqual(['targetPeriod']);
  });

  it.each([
    ['at the baseline', '2024-25-Q4'],
    ['at the target', '2025-26-Q4'],
    ['before the baseline', '2024-25-Q1'],
    ['after the target', '2026-27-Q1'],
  ])('refuses a milestone %s', (_label, period) => {
    expect(fields({ milestones: [{ period, value: 1 }] })).toEqual(['milestones.0.period']);
  });

  it('refuses two milestones for one period, naming the second', () => {
    const errors = trajectoryErrors({ ...base, milestones: [{ period: '2025-26-Q2', value: 1 }, { period: '2025-26-Q2', value: 2 }] });
    expect(errors).toEqual([{ field: 'milestones.1.period', message: 'there is already a milestone for 2025-26-Q2' }]);
  });

  it('requires annual targets to run year end to year end, with year-end milestones', () => {
    expect(fields({ frequency: 'annual' })).toEqual([]);
    expect(fields({ frequency: 'annual', baselinePeriod: '2024-25-Q2', targetPeriod: '2026-27-Q3' })).toEqual(['baselinePeriod', 'targetPeriod']);
    expect(fields({ frequency: 'annual', targetPeriod: '2026-27-Q4', milestones: [{ period: '2025-26-Q2', value: 1 }, { period: '2025-26-Q4', value: 2 }] })).toEqual([
      'milestones.0.period',
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(fields({ targetPeriod: '2024-25-Q3', frequency: 'annual', milestones: [{ period: '2030-31-Q4', value: 0 }] })).toEqual([
      'targetPeriod',
      'targetPeriod',
      'milestones.0.period',
    ]);
  });
});

describe('trajectoryOf', () => {
  const target = { id: 't1', code: 'NI 154', baselinePeriod: '2024-25-Q4', baselineValue: 100, targetPeriod: '2027-28-Q4', targetValue: 200 };

  it('keeps the five fields of the trajectory and nothing else of the target', () => {
    const milestones = [{ period: '2025-26-Q4', value: 140 }];
    expect(trajectoryOf({ ...target, milestones })).toEqual({ baselinePeriod: '2024-25-Q4', baselineValue: 100, targetPeriod: '2027-28-Q4', targetValue: 200, milestones });
  });

  it('gives a target read without its milestones none', () => {
    expect(trajectoryOf(target).milestones).toEqual([]);
  });
});
