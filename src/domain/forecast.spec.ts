import { type Direction } from './status';
import { FORECAST_WINDOW, type ForecastInput, MIN_FORECAST_POINTS, forecastTarget, leastSquares } from './forecast';

const Q = ['2025-26-Q1', '2025-26-Q2', '2025-26-Q3', '2025-26-Q4'];
const series = (values: number[], periods = Q) => values.map((value, i) => ({ period: periods[i], value }));

function forecast(over: Partial<ForecastInput> & Pick<ForecastInput, 'approved'>) {
  return forecastTarget({
    direction: 'increase',
    targetValue: 170,
    targetPeriod: '2026-27-Q4',
    tolerancePercent: 5,
    asOf: '2025-26-Q4',
    ...over,
  });
}

describe('forecastTarget', () => {
  it('uses a window of a year and needs three figures', () => {
    expect(FORECAST_WINDOW).toBe(4);
    expect(MIN_FORECAST_POINTS).toBe(3);
  });

  describe('increase targets', () => {
    it('projects a steady rise to the target period (10 a quarter, 4 quarters on from 130 is 170)', () => {
      expect(forecast({ approved: series([100, 110, 120, 130]) })).toEqual({
        outcome: 'likely-to-meet',
        method: 'least-squares',
        pointsUsed: 4,
        fromPeriod: '2025-26-Q1',
        toPeriod: '2025-26-Q4',
        projectedValue: 170,
        slopePerQuarter: 10,
      });
    });

    it('is at risk when the projection falls short by more than the tolerance (180 wanted, 170 projected, 9 allowed)', () => {
      const f = forecast({ approved: series([100, 110, 120, 130]), targetValue: 180 });
      expect(f.outcome).toBe('at-risk');
      expect(f.projectedValue).toBe(170);
    });

    it('is likely to meet when the shortfall is within the tolerance (178 wanted, 8 short, 8.9 allowed)', () => {
      expect(forecast({ approved: series([100, 110, 120, 130]), targetValue: 178 }).outcome).toBe('likely-to-meet');
    });

    it('is at risk when the figures are moving the wrong way', () => {
      const f = forecast({ approved: series([130, 120, 110, 100]) });
      expect(f.projectedValue).toBe(60);
      expect(f.slopePerQuarter).toBe(-10);
      expect(f.outcome).toBe('at-risk');
    });
  });

  describe('decrease targets', () => {
    // 500, 480, 460 at Q1–Q3: −20 a quarter, so 420 at 2026-27-Q1, two quarters after Q3.
    const falling = { direction: 'decrease' as Direction, approved: series([500, 480, 460]), targetPeriod: '2026-27-Q1', asOf: '2025-26-Q3' };

    it('projects a fall', () => {
      const f = forecast({ ...falling, targetValue: 420 });
      expect(f).toMatchObject({ outcome: 'likely-to-meet', projectedValue: 420, slopePerQuarter: -20, pointsUsed: 3 });
    });

    it('at exactly the tolerance (400 wanted, 420 projected, 5% of 400 is 20) is likely to meet', () => {
      expect(forecast({ ...falling, targetValue: 400, tolerancePercent: 5 }).outcome).toBe('likely-to-meet');
    });

    it('just past the tolerance (4% of 400 is 16) is at risk', () => {
      expect(forecast({ ...falling, targetValue: 400, tolerancePercent: 4 }).outcome).toBe('at-risk');
    });

    it('ahead of the target is likely to meet', () => {
      expect(forecast({ ...falling, targetValue: 450, tolerancePercent: 0 }).outcome).toBe('likely-to-meet');
    });

    it('is at risk when the figures rise', () => {
      const f = forecast({ direction: 'decrease', approved: series([100, 105, 110]), targetValue: 90, asOf: '2025-26-Q3' });
      expect(f.outcome).toBe('at-risk');
      expect(f.projectedValue).toBe(135);
    });
  });

  describe('flat series', () => {
    const flat = series([50, 50, 50, 50]);

    it('projects the same value with no slope', () => {
      expect(forecast({ approved: flat, targetValue: 60 })).toMatchObject({ projectedValue: 50, slopePerQuarter: 0, outcome: 'at-risk' });
    });

    it('meets a target it already sits on, either direction', () => {
      expect(forecast({ approved: flat, targetValue: 50, tolerancePercent: 0 }).outcome).toBe('likely-to-meet');
      expect(forecast({ approved: flat, targetValue: 50, tolerancePercent: 0, direction: 'decrease' }).outcome).toBe('likely-to-meet');
    });

    it('a decrease target above a flat series is likely to meet', () => {
      expect(forecast({ approved: flat, targetValue: 55, tolerancePercent: 0, direction: 'decrease' }).outcome).toBe('likely-to-meet');
    });
  });

  describe('how many figures', () => {
    it('exactly three figures are enough', () => {
      const f = forecast({ approved: series([1, 2, 3]), targetValue: 8, asOf: '2025-26-Q3' });
      // 1 a quarter from 3 at 2025-26-Q3, five quarters on to 2026-27-Q4.
      expect(f).toMatchObject({ outcome: 'likely-to-meet', method: 'least-squares', pointsUsed: 3, projectedValue: 8, fromPeriod: '2025-26-Q1', toPeriod: '2025-26-Q3' });
    });

    it.each([0, 1, 2])('%p figures give no forecast', (n) => {
      expect(forecast({ approved: series([1, 2, 3].slice(0, n)) })).toEqual({
        outcome: 'no-forecast',
        method: null,
        pointsUsed: n,
        fromPeriod: null,
        toPeriod: null,
        projectedValue: null,
        slopePerQuarter: null,
      });
    });

    it('uses only the four most recent figures', () => {
      const periods = ['2024-25-Q4', ...Q];
      const f = forecast({ approved: series([0, 100, 110, 120, 130], periods) });
      expect(f).toMatchObject({ pointsUsed: 4, fromPeriod: '2025-26-Q1', projectedValue: 170, slopePerQuarter: 10 });
    });

    it('fits figures with gaps by their periods, not their positions', () => {
      // Q1 100, Q2 missing, Q3 120, Q4 130: the line is still 10 a quarter.
      const f = forecast({ approved: [{ period: Q[0], value: 100 }, { period: Q[2], value: 120 }, { period: Q[3], value: 130 }] });
      expect(f.projectedValue).toBe(170);
    });

    it('fits annual figures (one a year) by quarters', () => {
      const f = forecast({
        approved: series([10, 20, 30], ['2022-23-Q4', '2023-24-Q4', '2024-25-Q4']),
        targetValue: 50,
        asOf: '2024-25-Q4',
      });
      // 10 a year is 2.5 a quarter; 2026-27-Q4 is 8 quarters after 2024-25-Q4.
      expect(f).toMatchObject({ projectedValue: 50, slopePerQuarter: 2.5, outcome: 'likely-to-meet' });
    });

    it('does not depend on the order the figures come in', () => {
      const approved = series([100, 110, 120, 130]);
      expect(forecast({ approved: [...approved].reverse() })).toEqual(forecast({ approved }));
    });
  });

  describe('as of a period', () => {
    it('ignores figures after the period it is made at', () => {
      const f = forecast({ approved: series([100, 110, 120, 500]), asOf: '2025-26-Q3' });
      expect(f).toMatchObject({ pointsUsed: 3, toPeriod: '2025-26-Q3', projectedValue: 170 });
    });

    it('is no forecast when the figures it could use are after that period', () => {
      expect(forecast({ approved: series([100, 110, 120, 130]), asOf: '2025-26-Q2' }).outcome).toBe('no-forecast');
    });
  });

  describe('at and after the target period', () => {
    const target = { targetPeriod: '2025-26-Q4', targetValue: 140 };

    it('reports the approved figure at the target period as the result', () => {
      const f = forecast({ ...target, approved: series([100, 110, 120, 135]), asOf: '2026-27-Q2' });
      expect(f).toEqual({
        outcome: 'likely-to-meet', // 135 is within 5% of 140
        method: 'actual',
        pointsUsed: 1,
        fromPeriod: '2025-26-Q4',
        toPeriod: '2025-26-Q4',
        projectedValue: 135,
        slopePerQuarter: null,
      });
    });

    it('a final figure outside the tolerance is at risk (missed)', () => {
      expect(forecast({ ...target, approved: series([100, 110, 120, 125]), asOf: '2025-26-Q4' }).outcome).toBe('at-risk');
    });

    it('without a figure at the target period projects from the figures up to it, ignoring later ones', () => {
      const f = forecast({
        ...target,
        approved: [...series([100, 110, 120]), { period: '2026-27-Q1', value: 0 }],
        asOf: '2026-27-Q2',
      });
      expect(f).toMatchObject({ method: 'least-squares', pointsUsed: 3, toPeriod: '2025-26-Q3', projectedValue: 130, outcome: 'at-risk' });
    });
  });

  describe('noisy series', () => {
    // 100, 112, 118, 131: by hand, slope 49.5 / 5 = 9.9, mean 115.25 at x = 1.5, so 169.7 at x = 7.
    const noisy = series([100, 112, 118, 131]);

    it('projects the least-squares line, not the last two points', () => {
      const f = forecast({ approved: noisy });
      expect(f.slopePerQuarter).toBeCloseTo(9.9, 10);
      expect(f.projectedValue).toBeCloseTo(169.7, 10);
    });

    it('0.3 short of 170 is at risk with no tolerance and likely to meet with 5%', () => {
      expect(forecast({ approved: noisy, tolerancePercent: 0 }).outcome).toBe('at-risk');
      expect(forecast({ approved: noisy, tolerancePercent: 5 }).outcome).toBe('likely-to-meet');
    });
  });

  describe('bad input', () => {
    it('rejects two figures for one period', () => {
      expect(() => forecast({ approved: [...series([1, 2, 3]), { period: Q[0], value: 4 }] })).toThrow(RangeError);
    });

    it.each([Number.NaN, Number.POSITIVE_INFINITY])('rejects a non-finite figure %p', (v) => {
      expect(() => forecast({ approved: series([1, 2, v]) })).toThrow(RangeError);
    });
  });
});

describe('leastSquares', () => {
  it('fits a line exactly through collinear points', () => {
    expect(leastSquares([[0, 1], [1, 3], [2, 5]])).toEqual({ slope: 2, intercept: 1 });
  });

  it('keeps precision at large x (period indexes)', () => {
    const { slope, intercept } = leastSquares([[8100, 1], [8101, 2], [8102, 3]]);
    expect(slope).toBeCloseTo(1, 12);
    expect(intercept + slope * 8104).toBeCloseTo(5, 8);
  });

  it('rejects fewer than two points or a single x', () => {
    expect(() => leastSquares([[1, 1]])).toThrow(RangeError);
    expect(() => leastSquares([[1, 1], [1, 2]])).toThrow(RangeError);
  });
});
