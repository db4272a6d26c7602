import { PeriodFormatError } from './period';
import {
  type Direction,
  type Frequency,
  type Rag,
  type ReturnSchedule,
  DIRECTIONS,
  FREQUENCIES,
  RAGS,
  RAG_RANK,
  directionOfTravel,
  duePeriods,
  isReturnDue,
  ragStatus,
  shortfall,
  statusPeriod,
} from './status';
import { expectedValue } from './trajectory';

describe('shortfall', () => {
  it.each<[number, number, Direction, number]>([
    [120, 116, 'increase', 4],
    [120, 125, 'increase', -5],
    [120, 120, 'increase', 0],
    [120, 116, 'decrease', -4],
    [120, 125, 'decrease', 5],
    [0, -3, 'increase', 3],
    [0, 3, 'decrease', 3],
    [-10, -12, 'increase', 2],
  ])('shortfall(E=%p, A=%p, %s) = %p', (expected, actual, direction, s) => {
    expect(shortfall(expected, actual, direction)).toBe(s);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects a non-finite value %p', (v) => {
    expect(() => shortfall(v, 1, 'increase')).toThrow(RangeError);
    expect(() => shortfall(1, v, 'increase')).toThrow(RangeError);
  });

  it('rejects an unknown direction', () => {
    expect(() => shortfall(1, 2, 'up' as Direction)).toThrow(RangeError);
  });
});

describe('ragStatus', () => {
  const rag = (expected: number, actual: number, direction: Direction, tolerancePercent = 5) =>
    ragStatus({ expected, actual, direction, tolerancePercent });

  it.each<[number, Rag]>([
    [121, 'green'],
    [120, 'green'],
    [119.999, 'amber'],
    [116, 'amber'],
    [114, 'amber'],
    [113.999, 'red'],
    [113, 'red'],
    [0, 'red'],
  ])('worked example, E = 120, tolerance 5%%, actual %p → %s', (actual, status) => {
    const e = expectedValue(
      {
        baselinePeriod: '2024-25-Q4',
        baselineValue: 100,
        targetPeriod: '2025-26-Q4',
        targetValue: 140,
        milestones: [],
      },
      '2025-26-Q2',
    );
    expect(e).toBe(120);
    expect(rag(e as number, actual, 'increase')).toBe(status);
  });

  it.each<[number, Rag]>([
    [70, 'green'],
    [80, 'green'],
    [80.001, 'amber'],
    [84, 'amber'],
    [84.001, 'red'],
    [100, 'red'],
  ])('decrease, E = 80, tolerance 5%%, actual %p → %s', (actual, status) => {
    expect(rag(80, actual, 'decrease')).toBe(status);
  });

  it.each<[Direction, number, Rag]>([
    ['increase', 0, 'green'],
    ['increase', 1, 'green'],
    ['increase', -0.0001, 'red'],
    ['increase', -1, 'red'],
    ['decrease', 0, 'green'],
    ['decrease', -1, 'green'],
    ['decrease', 0.0001, 'red'],
    ['decrease', 1e-12, 'red'],
  ])('E = 0 (%s): actual %p → %s, whatever the tolerance', (direction, actual, status) => {
    expect(rag(0, actual, direction, 5)).toBe(status);
    expect(rag(0, actual, direction, 100)).toBe(status);
  });

  it.each<[Direction, number, Rag]>([
    ['increase', 100, 'green'],
    ['increase', 100.5, 'green'],
    ['increase', 99.999, 'red'],
    ['decrease', 100, 'green'],
    ['decrease', 100.001, 'red'],
    ['decrease', 99, 'green'],
  ])('tolerance 0 (%s, E = 100): actual %p → %s, so there is no amber', (direction, actual, status) => {
    expect(rag(100, actual, direction, 0)).toBe(status);
  });

  it.each<[Direction, number, Rag]>([
    ['increase', 50, 'amber'],
    ['increase', 0, 'amber'],
    ['increase', -0.001, 'red'],
    ['decrease', 150, 'amber'],
    ['decrease', 200, 'amber'],
    ['decrease', 200.001, 'red'],
  ])('tolerance 100 (%s, E = 100): actual %p → %s', (direction, actual, status) => {
    expect(rag(100, actual, direction, 100)).toBe(status);
  });

  it('uses |E| for the allowance when E is negative', () => {
    // E = −200, 10% → allowance 20 either way round.
    expect(rag(-200, -220, 'increase', 10)).toBe('amber');
    expect(rag(-200, -220.01, 'increase', 10)).toBe('red');
    expect(rag(-200, -180, 'decrease', 10)).toBe('amber');
    expect(rag(-200, -179.99, 'decrease', 10)).toBe('red');
  });

  it.each<[string, number, number, Direction, number, Rag]>([
    // 0.1 + 0.2 is 0.30000000000000004: a hair above E, which must not make a decrease amber.
    ['0.1 + 0.2 against 0.3', 0.3, 0.1 + 0.2, 'decrease', 5, 'green'],
    ['0.3 against 0.1 + 0.2', 0.1 + 0.2, 0.3, 'increase', 5, 'green'],
    // 0.07 × 100 / 100 etc.: the allowance is computed with float error; exactly on it is amber.
    ['amber boundary with decimals', 0.7, 0.7 - 0.07, 'increase', 10, 'amber'],
    ['amber boundary, decrease', 1.1, 1.1 + 0.11, 'decrease', 10, 'amber'],
    ['amber boundary, 3%', 33.3, 33.3 - 0.999, 'increase', 3, 'amber'],
    ['amber boundary, 12.5%', 0.8, 0.7, 'increase', 12.5, 'amber'],
  ])('float noise does not flip a boundary: %s', (_name, expected, actual, direction, tolerancePercent, status) => {
    expect(ragStatus({ expected, actual, direction, tolerancePercent })).toBe(status);
  });

  it('still sees a real difference just beyond the epsilon', () => {
    expect(rag(120, 120 - 120 * 1e-8, 'increase', 0)).toBe('red');
    expect(rag(120, 114 - 114 * 1e-8, 'increase', 5)).toBe('red');
    expect(rag(1e9, 1e9 - 10, 'increase', 0)).toBe('red');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects tolerancePercent %p', (tolerancePercent) => {
    expect(() => ragStatus({ expected: 1, actual: 1, direction: 'increase', tolerancePercent })).toThrow(RangeError);
  });

  it('rejects a non-finite actual', () => {
    expect(() => rag(1, Number.NaN, 'increase')).toThrow(RangeError);
  });
});

describe('RAG_RANK', () => {
  it('orders green < amber < red', () => {
    expect(RAG_RANK).toEqual({ green: 0, amber: 1, red: 2 });
    expect([...RAGS].sort((a, b) => RAG_RANK[b] - RAG_RANK[a])).toEqual(['red', 'amber', 'green']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(RAG_RANK)).toBe(true);
  });

  it('lists the enum values', () => {
    expect(RAGS).toEqual(['green', 'amber', 'red']);
    expect(DIRECTIONS).toEqual(['increase', 'decrease']);
    expect(FREQUENCIES).toEqual(['quarterly', 'annual']);
  });
});

describe('directionOfTravel', () => {
  it.each<[number, number, Direction, string]>([
    [100, 110, 'increase', 'improving'],
    [110, 100, 'increase', 'worsening'],
    [100, 100, 'increase', 'unchanged'],
    [100, 110, 'decrease', 'worsening'],
    [110, 100, 'decrease', 'improving'],
    [100, 100, 'decrease', 'unchanged'],
    [-5, -3, 'increase', 'improving'],
    [-5, -3, 'decrease', 'worsening'],
    [0, 0, 'increase', 'unchanged'],
    [0, 0.001, 'increase', 'improving'],
    [0, -0.001, 'decrease', 'improving'],
    [0.1 + 0.2, 0.3, 'increase', 'unchanged'],
    [0.3, 0.1 + 0.2, 'decrease', 'unchanged'],
    [1e9, 1e9 + 10, 'increase', 'improving'],
  ])('from %p to %p (%s) is %s', (previous, current, direction, travel) => {
    expect(directionOfTravel(previous, current, direction)).toBe(travel);
  });

  it('rejects non-finite values and unknown directions', () => {
    expect(() => directionOfTravel(Number.NaN, 1, 'increase')).toThrow(RangeError);
    expect(() => directionOfTravel(1, Number.POSITIVE_INFINITY, 'increase')).toThrow(RangeError);
    expect(() => directionOfTravel(1, 2, 'sideways' as Direction)).toThrow(RangeError);
  });
});

describe('returns due', () => {
  const quarterly: ReturnSchedule = {
    frequency: 'quarterly',
    baselinePeriod: '2024-25-Q4',
    targetPeriod: '2025-26-Q4',
  };
  const annual: ReturnSchedule = {
    frequency: 'annual',
    baselinePeriod: '2023-24-Q4',
    targetPeriod: '2026-27-Q4',
  };

  describe('isReturnDue', () => {
    it.each<[string, boolean]>([
      ['2024-25-Q3', false],
      ['2024-25-Q4', false],
      ['2025-26-Q1', true],
      ['2025-26-Q2', true],
      ['2025-26-Q3', true],
      ['2025-26-Q4', true],
      ['2026-27-Q1', false],
    ])('quarterly: %s → %p', (period, due) => {
      expect(isReturnDue(quarterly, period)).toBe(due);
    });

    it.each<[string, boolean]>([
      ['2022-23-Q4', false],
      ['2023-24-Q4', false],
      ['2024-25-Q1', false],
      ['2024-25-Q2', false],
      ['2024-25-Q3', false],
      ['2024-25-Q4', true],
      ['2025-26-Q1', false],
      ['2025-26-Q4', true],
      ['2026-27-Q3', false],
      ['2026-27-Q4', true],
      ['2027-28-Q4', false],
    ])('annual: %s → %p', (period, due) => {
      expect(isReturnDue(annual, period)).toBe(due);
    });

    it('accepts a Period object', () => {
      expect(isReturnDue(annual, { startYear: 2024, quarter: 4 })).toBe(true);
    });

    it('rejects a bad period and an unknown frequency', () => {
      expect(() => isReturnDue(quarterly, '2025-26-Q5')).toThrow(PeriodFormatError);
      expect(() => isReturnDue({ ...quarterly, frequency: 'monthly' as Frequency }, '2025-26-Q1')).toThrow(
        RangeError,
      );
    });
  });

  describe('duePeriods', () => {
    it('quarterly: every quarter after the baseline up to the target', () => {
      expect(duePeriods(quarterly, '2020-21-Q1', '2030-31-Q4')).toEqual([
        '2025-26-Q1',
        '2025-26-Q2',
        '2025-26-Q3',
        '2025-26-Q4',
      ]);
    });

    it('annual: only the Q4s', () => {
      expect(duePeriods(annual, '2020-21-Q1', '2030-31-Q4')).toEqual(['2024-25-Q4', '2025-26-Q4', '2026-27-Q4']);
    });

    it('annual with a target period that is not a Q4 stops at the last Q4 before it', () => {
      const t: ReturnSchedule = { ...annual, targetPeriod: '2026-27-Q2' };
      expect(duePeriods(t, '2020-21-Q1', '2030-31-Q4')).toEqual(['2024-25-Q4', '2025-26-Q4']);
    });

    it('is clipped to the window', () => {
      expect(duePeriods(quarterly, '2025-26-Q2', '2025-26-Q3')).toEqual(['2025-26-Q2', '2025-26-Q3']);
      expect(duePeriods(annual, '2025-26-Q1', '2025-26-Q4')).toEqual(['2025-26-Q4']);
      expect(duePeriods(annual, '2025-26-Q1', '2025-26-Q3')).toEqual([]);
    });

    it('is empty for a window outside the schedule or reversed', () => {
      expect(duePeriods(quarterly, '2020-21-Q1', '2024-25-Q4')).toEqual([]);
      expect(duePeriods(quarterly, '2026-27-Q1', '2027-28-Q4')).toEqual([]);
      expect(duePeriods(quarterly, '2025-26-Q4', '2025-26-Q1')).toEqual([]);
    });

    it('agrees with isReturnDue', () => {
      for (const t of [quarterly, annual]) {
        const due = duePeriods(t, '2022-23-Q1', '2028-29-Q4');
        expect(due.length).toBeGreaterThan(0);
        for (const p of due) expect(isReturnDue(t, p)).toBe(true);
      }
    });

    it('works at the last supported quarter', () => {
      const t: ReturnSchedule = { frequency: 'quarterly', baselinePeriod: '2999-00-Q3', targetPeriod: '2999-00-Q4' };
      expect(duePeriods(t, '2999-00-Q1', '2999-00-Q4')).toEqual(['2999-00-Q4']);
      const done: ReturnSchedule = { ...t, baselinePeriod: '2999-00-Q4' };
      expect(duePeriods(done, '2999-00-Q1', '2999-00-Q4')).toEqual([]);
    });
  });

  describe('statusPeriod', () => {
    it.each<[string, ReturnSchedule, string, string | null]>([
      ['annual target in a Q2 report is judged on the previous Q4', annual, '2025-26-Q2', '2024-25-Q4'],
      ['annual target in a Q4 report is judged on that Q4', annual, '2025-26-Q4', '2025-26-Q4'],
      ['annual target in a Q1 report', annual, '2025-26-Q1', '2024-25-Q4'],
      ['annual target in a Q3 report', annual, '2025-26-Q3', '2024-25-Q4'],
      ['annual target before its first Q4 is due', annual, '2024-25-Q3', null],
      ['annual target in the baseline period', annual, '2023-24-Q4', null],
      ['annual target before the baseline', annual, '2020-21-Q2', null],
      ['annual target after its target period', annual, '2028-29-Q2', '2026-27-Q4'],
      [
        'annual target whose target period is not a Q4, after it',
        { ...annual, targetPeriod: '2026-27-Q2' },
        '2027-28-Q1',
        '2025-26-Q4',
      ],
      ['quarterly target in a mid-schedule report', quarterly, '2025-26-Q2', '2025-26-Q2'],
      ['quarterly target in the first due quarter', quarterly, '2025-26-Q1', '2025-26-Q1'],
      ['quarterly target in its target period', quarterly, '2025-26-Q4', '2025-26-Q4'],
      ['quarterly target ending 2025-26-Q4 in a 2026-27-Q2 report', quarterly, '2026-27-Q2', '2025-26-Q4'],
      ['quarterly target in its baseline period', quarterly, '2024-25-Q4', null],
      ['quarterly target before its baseline', quarterly, '2023-24-Q1', null],
    ])('%s', (_name, t, reportPeriod, judged) => {
      expect(statusPeriod(t, reportPeriod)).toBe(judged);
    });

    it('returns a period in which a return is due whenever it returns one', () => {
      for (const t of [quarterly, annual, { ...annual, targetPeriod: '2026-27-Q2' }]) {
        for (const p of ['2024-25-Q1', '2025-26-Q1', '2025-26-Q3', '2026-27-Q4', '2029-30-Q2']) {
          const q = statusPeriod(t, p);
          if (q !== null) expect(isReturnDue(t, q)).toBe(true);
        }
      }
    });

    it('does not step outside the supported years for an early annual baseline', () => {
      const t: ReturnSchedule = { frequency: 'annual', baselinePeriod: '1900-01-Q1', targetPeriod: '1905-06-Q4' };
      expect(statusPeriod(t, '1900-01-Q2')).toBeNull();
      expect(statusPeriod(t, '1901-02-Q2')).toBe('1900-01-Q4');
    });

    it('accepts a Period object and rejects a bad code', () => {
      expect(statusPeriod(annual, { startYear: 2025, quarter: 2 })).toBe('2024-25-Q4');
      expect(() => statusPeriod(annual, '2025-26-Q')).toThrow(PeriodFormatError);
    });
  });
});
