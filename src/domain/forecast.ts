/**
 * Where a target is heading: a straight line fitted by least squares to its most recent approved
 * figures, read off at the target period, and judged against the target value with the same
 * tolerance rule as RAG (a projection that would be red at the target period is "at risk").
 */
import { type PeriodLike, formatPeriod, isAfter, periodIndex } from './period';
import { type Direction, ragStatus } from './status';

export type ForecastOutcome = 'likely-to-meet' | 'at-risk' | 'no-forecast';

/** The fewest approved figures a line is fitted to: two points always fit a line exactly, so say nothing. */
export const MIN_FORECAST_POINTS = 3;
/** How many of the most recent approved figures the line is fitted to: a year of quarters, so an old trend does not outweigh the current one. */
export const FORECAST_WINDOW = 4;

export type ForecastMethod = 'least-squares' | 'actual';

export interface ForecastInput {
  direction: Direction;
  targetValue: number;
  targetPeriod: string;
  tolerancePercent: number;
  /** Approved figures only; any order. Figures after `asOf` (or after the target period) are ignored. */
  approved: readonly { period: string; value: number }[];
  /** The period the forecast is made at (the report period); figures after it are not yet known. */
  asOf: PeriodLike;
}

export interface Forecast {
  outcome: ForecastOutcome;
  /**
   * `least-squares`: the line through the most recent `pointsUsed` figures (at most FORECAST_WINDOW),
   * read at the target period. `actual`: the target period has an approved figure, which is the result.
   * Null when there is no forecast.
   */
  method: ForecastMethod | null;
  /** Figures the projection rests on. */
  pointsUsed: number;
  /** Oldest and newest period used. */
  fromPeriod: string | null;
  toPeriod: string | null;
  /** Projected value at the target period. */
  projectedValue: number | null;
  /** Change per quarter of the fitted line. */
  slopePerQuarter: number | null;
}

const NONE: Omit<Forecast, 'pointsUsed'> = {
  outcome: 'no-forecast',
  method: null,
  fromPeriod: null,
  toPeriod: null,
  projectedValue: null,
  slopePerQuarter: null,
};

export function forecastTarget(input: ForecastInput): Forecast {
  const targetAt = periodIndex(input.targetPeriod);
  const asOfAt = periodIndex(input.asOf);
  const horizon = Math.min(targetAt, asOfAt);
  const known = input.approved
    .filter((a) => periodIndex(a.period) <= horizon)
    .map((a) => ({ period: formatPeriod(a.period), at: periodIndex(a.period), value: requireFinite(a.value) }))
    .sort((a, b) => a.at - b.at);
  if (new Set(known.map((k) => k.at)).size !== known.length) {
    throw new RangeError('a target has at most one approved figure per period');
  }

  const judge = (projected: number): ForecastOutcome =>
    ragStatus({ expected: input.targetValue, actual: projected, direction: input.direction, tolerancePercent: input.tolerancePercent }) === 'red'
      ? 'at-risk'
      : 'likely-to-meet';

  // Once the target period has been reported on, the figure itself is the answer, not a projection.
  const final = known.find((k) => k.at === targetAt);
  if (final && !isAfter(input.targetPeriod, input.asOf)) {
    return {
      outcome: judge(final.value),
      method: 'actual',
      pointsUsed: 1,
      fromPeriod: final.period,
      toPeriod: final.period,
      projectedValue: final.value,
      slopePerQuarter: null,
    };
  }

  if (known.length < MIN_FORECAST_POINTS) return { ...NONE, pointsUsed: known.length };
  const used = known.slice(-FORECAST_WINDOW);
  const { slope, intercept } = leastSquares(used.map((u) => [u.at, u.value]));
  const projected = tidy(intercept + slope * targetAt);
  return {
    outcome: judge(projected),
    method: 'least-squares',
    pointsUsed: used.length,
    fromPeriod: used[0].period,
    toPeriod: used[used.length - 1].period,
    projectedValue: projected,
    slopePerQuarter: tidy(slope),
  };
}

/** Ordinary least squares y = intercept + slope·x; x centred on its mean so that period indexes near 8,100 lose no precision. */
export function leastSquares(points: readonly (readonly [number, number])[]): { slope: number; intercept: number } {
  if (points.length < 2) throw new RangeError('a line needs at least two points');
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  }
  if (sxx === 0) throw new RangeError('the points must have at least two distinct x values');
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

function requireFinite(value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`an approved figure must be a finite number, got ${String(value)}`);
  return value;
}

/** Round away float noise (12 significant digits) so a line through 1, 2, 3 projects 5, not 4.999999999999999. */
function tidy(n: number): number {
  return Number(n.toPrecision(12)) + 0;
}
