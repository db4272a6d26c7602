/**
 * RAG status, direction of travel and which periods a target owes a return for.
 */
import {
  type PeriodLike,
  isAfter,
  minPeriod,
  periodFromIndex,
  periodIndex,
  toPeriod,
} from './period';

export type Direction = 'increase' | 'decrease';
export type Frequency = 'quarterly' | 'annual';
export type Rag = 'green' | 'amber' | 'red';
export type RagOrNoData = Rag | 'no-data';
export type DirectionOfTravel = 'improving' | 'worsening' | 'unchanged';

export const DIRECTIONS: readonly Direction[] = ['increase', 'decrease'];
export const FREQUENCIES: readonly Frequency[] = ['quarterly', 'annual'];
export const RAGS: readonly Rag[] = ['green', 'amber', 'red'];

/** Higher is worse, so a rise in rank between two periods is a deterioration. */
export const RAG_RANK: Readonly<Record<Rag, number>> = Object.freeze({ green: 0, amber: 1, red: 2 });

export interface ReturnSchedule {
  frequency: Frequency;
  baselinePeriod: string;
  targetPeriod: string;
}

/**
 * Figures are decimals typed by people and trajectories are interpolated, so float noise
 * (0.1 + 0.2 ≠ 0.3) must not flip a status; 1e-9 of the magnitudes is far below any real difference.
 */
const RELATIVE_EPSILON = 1e-9;

function epsilon(...values: number[]): number {
  return RELATIVE_EPSILON * Math.max(...values.map(Math.abs));
}

function requireFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

function requireDirection(direction: Direction): void {
  if (direction !== 'increase' && direction !== 'decrease') {
    throw new RangeError(`direction must be 'increase' or 'decrease', got ${String(direction)}`);
  }
}

/** How far the actual value falls short of the expected one: positive is behind, ≤ 0 on or ahead. */
export function shortfall(expected: number, actual: number, direction: Direction): number {
  requireFinite('expected', expected);
  requireFinite('actual', actual);
  requireDirection(direction);
  return direction === 'increase' ? expected - actual : actual - expected;
}

export function ragStatus(input: {
  expected: number;
  actual: number;
  direction: Direction;
  tolerancePercent: number;
}): Rag {
  const { expected, actual, direction, tolerancePercent } = input;
  requireFinite('tolerancePercent', tolerancePercent);
  if (tolerancePercent < 0) throw new RangeError(`tolerancePercent must not be negative, got ${tolerancePercent}`);
  const s = shortfall(expected, actual, direction);
  const eps = epsilon(expected, actual);
  if (s <= eps) return 'green';
  // Multiply before dividing: 5 × 120 / 100 is exactly 6 where 0.05 × 120 is not.
  const allowance = (tolerancePercent * Math.abs(expected)) / 100;
  return s <= allowance + eps ? 'amber' : 'red';
}

export function directionOfTravel(
  previous: number,
  current: number,
  direction: Direction,
): DirectionOfTravel {
  requireFinite('previous', previous);
  requireFinite('current', current);
  requireDirection(direction);
  const change = current - previous;
  if (Math.abs(change) <= epsilon(previous, current)) return 'unchanged';
  return (change > 0) === (direction === 'increase') ? 'improving' : 'worsening';
}

function requireFrequency(frequency: Frequency): void {
  if (frequency !== 'quarterly' && frequency !== 'annual') {
    throw new RangeError(`frequency must be 'quarterly' or 'annual', got ${String(frequency)}`);
  }
}

/** Due every quarter (quarterly) or every Q4 (annual) after the baseline period up to the target period. */
export function isReturnDue(t: ReturnSchedule, period: PeriodLike): boolean {
  requireFrequency(t.frequency);
  const p = toPeriod(period);
  if (!isAfter(p, t.baselinePeriod) || isAfter(p, t.targetPeriod)) return false;
  return t.frequency === 'quarterly' || p.quarter === 4;
}

/** The periods from `from` to `to` inclusive in which a return is due, ascending. */
export function duePeriods(t: ReturnSchedule, from: PeriodLike, to: PeriodLike): string[] {
  requireFrequency(t.frequency);
  // Index arithmetic rather than nextPeriod(baseline): the quarter after the last supported one has no code.
  const first = Math.max(periodIndex(from), periodIndex(t.baselinePeriod) + 1);
  const last = Math.min(periodIndex(to), periodIndex(t.targetPeriod));
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const p = periodFromIndex(i);
    if (isReturnDue(t, p)) out.push(p);
  }
  return out;
}

/**
 * The period whose approved figure a report for `reportPeriod` judges the target on: the latest
 * due period not after the report period nor the target period; null if none is due yet.
 */
export function statusPeriod(t: ReturnSchedule, reportPeriod: PeriodLike): string | null {
  requireFrequency(t.frequency);
  const limit = toPeriod(minPeriod(reportPeriod, t.targetPeriod));
  // For annual targets step back to the previous Q4: Qn is n quarters after it.
  const candidate =
    t.frequency === 'annual' && limit.quarter !== 4
      ? periodIndex(limit) - limit.quarter
      : periodIndex(limit);
  if (candidate <= periodIndex(t.baselinePeriod)) return null;
  return periodFromIndex(candidate);
}
