import { PeriodFormatError } from './period';
import {
  type Trajectory,
  TrajectoryError,
  expectedSeries,
  expectedValue,
  trajectoryPoints,
  trajectoryProblems,
} from './trajectory';

/** The worked example of API.md: increase, baseline 100 at 2024-25-Q4, target 140 at 2025-26-Q4. */
const worked: Trajectory = {
  baselinePeriod: '2024-25-Q4',
  baselineValue: 100,
  targetPeriod: '2025-26-Q4',
  targetValue: 140,
  milestones: [],
};

/** A decrease (e.g. crime) with milestones given out of order. */
const crime: Trajectory = {
  baselinePeriod: '2023-24-Q4',
  baselineValue: 1000,
  targetPeriod: '2026-27-Q4',
  targetValue: 700,
  milestones: [
    { period: '2025-26-Q4', value: 760 },
    { period: '2024-25-Q2', value: 980 },
    { period: '2024-25-Q4', value: 900 },
  ],
};

describe('expectedValue', () => {
  it('worked example: E(2025-26-Q2) = 120', () => {
    expect(expectedValue(worked, '2025-26-Q2')).toBe(120);
  });

  it.each<[string, number | null]>([
    ['2023-24-Q4', null],
    ['2024-25-Q3', null],
    ['2024-25-Q4', 100],
    ['2025-26-Q1', 110],
    ['2025-26-Q2', 120],
    ['2025-26-Q3', 130],
    ['2025-26-Q4', 140],
    ['2026-27-Q1', 140],
    ['2030-31-Q3', 140],
  ])('straight line without milestones: E(%s) = %p', (period, expected) => {
    expect(expectedValue(worked, period)).toBe(expected);
  });

  it('accepts a Period object', () => {
    expect(expectedValue(worked, { startYear: 2025, quarter: 3 })).toBe(130);
  });

  it('interpolates by quarters, not evenly per point, and gives fractions', () => {
    const t: Trajectory = { ...worked, targetPeriod: '2025-26-Q3', targetValue: 130 };
    expect(expectedValue(t, '2025-26-Q1')).toBeCloseTo(110, 12);
    const thirds: Trajectory = { ...worked, targetPeriod: '2025-26-Q3', targetValue: 101 };
    expect(expectedValue(thirds, '2025-26-Q1')).toBeCloseTo(100 + 1 / 3, 12);
    expect(expectedValue(thirds, '2025-26-Q2')).toBeCloseTo(100 + 2 / 3, 12);
  });

  it.each<[string, number | null]>([
    ['2023-24-Q3', null],
    ['2023-24-Q4', 1000],
    // baseline 1000 → milestone 980 over 2 quarters
    ['2024-25-Q1', 990],
    ['2024-25-Q2', 980],
    // 980 → 900 over 2 quarters
    ['2024-25-Q3', 940],
    ['2024-25-Q4', 900],
    // 900 → 760 over 4 quarters
    ['2025-26-Q1', 865],
    ['2025-26-Q2', 830],
    ['2025-26-Q3', 795],
    ['2025-26-Q4', 760],
    // 760 → 700 over 4 quarters
    ['2026-27-Q1', 745],
    ['2026-27-Q3', 715],
    ['2026-27-Q4', 700],
    ['2027-28-Q1', 700],
  ])('decrease target with unsorted milestones: E(%s) = %p', (period, expected) => {
    expect(expectedValue(crime, period)).toBe(expected);
  });

  it('uses a milestone value exactly even when it is off the straight line', () => {
    const t: Trajectory = { ...worked, milestones: [{ period: '2025-26-Q2', value: 105 }] };
    expect(expectedValue(t, '2025-26-Q2')).toBe(105);
    expect(expectedValue(t, '2025-26-Q1')).toBe(102.5);
    expect(expectedValue(t, '2025-26-Q3')).toBe(122.5);
  });

  it('handles a trajectory that goes against the target direction between milestones', () => {
    const t: Trajectory = { ...worked, milestones: [{ period: '2025-26-Q2', value: 90 }] };
    expect(expectedValue(t, '2025-26-Q1')).toBe(95);
    expect(expectedValue(t, '2025-26-Q3')).toBe(115);
  });

  it('handles negative values and zero targets', () => {
    const t: Trajectory = {
      baselinePeriod: '2025-26-Q1',
      baselineValue: -4,
      targetPeriod: '2025-26-Q3',
      targetValue: 0,
      milestones: [],
    };
    expect(expectedValue(t, '2025-26-Q2')).toBe(-2);
    expect(expectedValue(t, '2025-26-Q3')).toBe(0);
    expect(expectedValue(t, '2026-27-Q3')).toBe(0);
  });

  it('handles a flat trajectory', () => {
    const t: Trajectory = { ...worked, targetValue: 100 };
    expect(expectedValue(t, '2025-26-Q2')).toBe(100);
  });

  it('spans the century', () => {
    const t: Trajectory = {
      baselinePeriod: '1999-00-Q3',
      baselineValue: 0,
      targetPeriod: '2000-01-Q1',
      targetValue: 20,
      milestones: [],
    };
    expect(expectedValue(t, '1999-00-Q4')).toBe(10);
  });

  it('does not mutate the milestones it is given', () => {
    const milestones = [...crime.milestones];
    expectedValue(crime, '2025-26-Q1');
    expect(crime.milestones).toEqual(milestones);
  });

  it('throws TrajectoryError for an ambiguous trajectory', () => {
    expect(() => expectedValue({ ...worked, targetPeriod: '2024-25-Q4' }, '2024-25-Q4')).toThrow(
      TrajectoryError,
    );
  });

  it('throws PeriodFormatError for a bad period argument', () => {
    expect(() => expectedValue(worked, '2025-26-Q5')).toThrow(PeriodFormatError);
  });
});

describe('trajectoryPoints', () => {
  it('lists baseline, sorted milestones and target', () => {
    expect(trajectoryPoints(crime)).toEqual([
      { period: '2023-24-Q4', value: 1000 },
      { period: '2024-25-Q2', value: 980 },
      { period: '2024-25-Q4', value: 900 },
      { period: '2025-26-Q4', value: 760 },
      { period: '2026-27-Q4', value: 700 },
    ]);
  });

  it('has just baseline and target without milestones', () => {
    expect(trajectoryPoints(worked)).toEqual([
      { period: '2024-25-Q4', value: 100 },
      { period: '2025-26-Q4', value: 140 },
    ]);
  });

  it('tolerates a missing milestones array from loosely typed data', () => {
    const t = { ...worked, milestones: undefined } as unknown as Trajectory;
    expect(trajectoryPoints(t)).toHaveLength(2);
    expect(expectedValue(t, '2025-26-Q2')).toBe(120);
  });

  it('reports every problem in the error', () => {
    let caught: unknown;
    try {
      trajectoryPoints({ ...worked, baselineValue: Number.NaN, targetPeriod: '2025-27-Q4' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TrajectoryError);
    expect((caught as TrajectoryError).problems).toHaveLength(2);
    expect((caught as TrajectoryError).message).toMatch(/^invalid trajectory: /);
  });
});

describe('trajectoryProblems', () => {
  it('is empty for valid trajectories', () => {
    expect(trajectoryProblems(worked)).toEqual([]);
    expect(trajectoryProblems(crime)).toEqual([]);
  });

  it.each<[string, Partial<Trajectory>, RegExp]>([
    ['bad baseline period', { baselinePeriod: '2024-26-Q4' }, /^baselinePeriod "2024-26-Q4" is not a valid period$/],
    ['bad target period', { targetPeriod: '2025-26-Q0' }, /^targetPeriod "2025-26-Q0" is not a valid period$/],
    ['target equal to baseline', { targetPeriod: '2024-25-Q4' }, /^targetPeriod must be after baselinePeriod$/],
    ['target before baseline', { targetPeriod: '2024-25-Q1' }, /^targetPeriod must be after baselinePeriod$/],
    ['NaN baseline value', { baselineValue: Number.NaN }, /^baselineValue must be a finite number$/],
    ['infinite target value', { targetValue: Number.POSITIVE_INFINITY }, /^targetValue must be a finite number$/],
    [
      'bad milestone period',
      { milestones: [{ period: '2025-26Q1', value: 1 }] },
      /^milestones\[0\]\.period "2025-26Q1" is not a valid period$/,
    ],
    [
      'milestone at baseline',
      { milestones: [{ period: '2024-25-Q4', value: 1 }] },
      /^milestones\[0\]\.period 2024-25-Q4 must be after baselinePeriod and before targetPeriod$/,
    ],
    [
      'milestone before baseline',
      { milestones: [{ period: '2024-25-Q1', value: 1 }] },
      /^milestones\[0\]\.period .* must be after baselinePeriod and before targetPeriod$/,
    ],
    [
      'milestone at target',
      { milestones: [{ period: '2025-26-Q4', value: 1 }] },
      /^milestones\[0\]\.period .* must be after baselinePeriod and before targetPeriod$/,
    ],
    [
      'milestone after target',
      { milestones: [{ period: '2026-27-Q1', value: 1 }] },
      /^milestones\[0\]\.period .* must be after baselinePeriod and before targetPeriod$/,
    ],
    [
      'duplicate milestone periods',
      {
        milestones: [
          { period: '2025-26-Q2', value: 1 },
          { period: '2025-26-Q2', value: 2 },
        ],
      },
      /^milestones\[1\]\.period 2025-26-Q2 appears more than once$/,
    ],
    [
      'non-finite milestone value',
      { milestones: [{ period: '2025-26-Q2', value: Number.NaN }] },
      /^milestones\[0\]\.value must be a finite number$/,
    ],
  ])('reports a %s', (_name, change, message) => {
    const problems = trajectoryProblems({ ...worked, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(() => expectedValue({ ...worked, ...change }, '2025-26-Q2')).toThrow(TrajectoryError);
  });

  it('reports several problems at once', () => {
    const problems = trajectoryProblems({
      baselinePeriod: 'x',
      baselineValue: Number.NaN,
      targetPeriod: 'y',
      targetValue: Number.NaN,
      milestones: [{ period: 'z', value: Number.NaN }],
    });
    expect(problems).toHaveLength(6);
  });
});

describe('expectedSeries', () => {
  it('gives one point per period, null before the baseline and flat after the target', () => {
    expect(expectedSeries(worked, '2024-25-Q3', '2026-27-Q1')).toEqual([
      { period: '2024-25-Q3', expected: null },
      { period: '2024-25-Q4', expected: 100 },
      { period: '2025-26-Q1', expected: 110 },
      { period: '2025-26-Q2', expected: 120 },
      { period: '2025-26-Q3', expected: 130 },
      { period: '2025-26-Q4', expected: 140 },
      { period: '2026-27-Q1', expected: 140 },
    ]);
  });

  it('agrees with expectedValue for every period', () => {
    const series = expectedSeries(crime, '2023-24-Q1', '2027-28-Q4');
    expect(series).toHaveLength(20);
    for (const { period, expected } of series) {
      expect(expected).toBe(expectedValue(crime, period));
    }
  });

  it('is empty when to is before from', () => {
    expect(expectedSeries(worked, '2025-26-Q2', '2025-26-Q1')).toEqual([]);
  });

  it('throws TrajectoryError for an ambiguous trajectory even over an empty range', () => {
    expect(() => expectedSeries({ ...worked, targetValue: Number.NaN }, '2025-26-Q2', '2025-26-Q1')).toThrow(
      TrajectoryError,
    );
  });
});
