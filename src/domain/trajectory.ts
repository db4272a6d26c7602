/**
 * A target's trajectory: where it started (baseline), where it must get to (target) and any
 * interim milestones; the expected value for a period is read off the straight lines between them.
 */
import {
  type PeriodLike,
  formatPeriod,
  isValidPeriod,
  periodIndex,
  periodsBetween,
} from './period';

export interface Milestone {
  period: string;
  value: number;
}

export interface Trajectory {
  baselinePeriod: string;
  baselineValue: number;
  targetPeriod: string;
  targetValue: number;
  milestones: readonly Milestone[];
}

export interface TrajectoryPoint {
  readonly period: string;
  readonly value: number;
}

export interface ExpectedPoint {
  readonly period: string;
  readonly expected: number | null;
}

export class TrajectoryError extends Error {
  override readonly name = 'TrajectoryError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid trajectory: ${problems.join('; ')}`);
  }
}

/**
 * Everything that makes a trajectory ambiguous, as messages fit for a validation response;
 * empty when it is usable. Kept separate from expectedValue so that input validation can report
 * all problems at once instead of catching the first thrown one.
 */
export function trajectoryProblems(t: Trajectory): string[] {
  const problems: string[] = [];
  const baselineOk = isValidPeriod(t.baselinePeriod);
  const targetOk = isValidPeriod(t.targetPeriod);
  if (!baselineOk) problems.push(`baselinePeriod ${JSON.stringify(t.baselinePeriod)} is not a valid period`);
  if (!targetOk) problems.push(`targetPeriod ${JSON.stringify(t.targetPeriod)} is not a valid period`);
  if (!Number.isFinite(t.baselineValue)) problems.push('baselineValue must be a finite number');
  if (!Number.isFinite(t.targetValue)) problems.push('targetValue must be a finite number');
  if (baselineOk && targetOk && periodIndex(t.targetPeriod) <= periodIndex(t.baselinePeriod)) {
    problems.push('targetPeriod must be after baselinePeriod');
  }
  const seen = new Set<number>();
  (t.milestones ?? []).forEach((m, i) => {
    if (!isValidPeriod(m.period)) {
      problems.push(`milestones[${i}].period ${JSON.stringify(m.period)} is not a valid period`);
    } else {
      const at = periodIndex(m.period);
      if (seen.has(at)) problems.push(`milestones[${i}].period ${m.period} appears more than once`);
      seen.add(at);
      if (baselineOk && targetOk && (at <= periodIndex(t.baselinePeriod) || at >= periodIndex(t.targetPeriod))) {
        problems.push(
          `milestones[${i}].period ${m.period} must be after baselinePeriod and before targetPeriod`,
        );
      }
    }
    if (!Number.isFinite(m.value)) problems.push(`milestones[${i}].value must be a finite number`);
  });
  return problems;
}

/** The known points (baseline, milestones, target) in period order; throws TrajectoryError if ambiguous. */
export function trajectoryPoints(t: Trajectory): TrajectoryPoint[] {
  const problems = trajectoryProblems(t);
  if (problems.length > 0) throw new TrajectoryError(problems);
  const milestones = [...(t.milestones ?? [])]
    .map((m) => ({ period: formatPeriod(m.period), value: m.value }))
    .sort((a, b) => periodIndex(a.period) - periodIndex(b.period));
  return [
    { period: formatPeriod(t.baselinePeriod), value: t.baselineValue },
    ...milestones,
    { period: formatPeriod(t.targetPeriod), value: t.targetValue },
  ];
}

interface IndexedPoint {
  readonly at: number;
  readonly value: number;
}

function expectedAt(points: readonly IndexedPoint[], at: number): number | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (at < first.at) return null;
  if (at >= last.at) return last.value;
  for (let i = 1; i < points.length; i++) {
    const right = points[i];
    if (at > right.at) continue;
    if (at === right.at) return right.value;
    const left = points[i - 1];
    if (at === left.at) return left.value;
    // Multiply before dividing so that whole-quarter fractions of whole numbers stay exact.
    return left.value + ((right.value - left.value) * (at - left.at)) / (right.at - left.at);
  }
  return last.value;
}

function indexed(t: Trajectory): IndexedPoint[] {
  return trajectoryPoints(t).map((p) => ({ at: periodIndex(p.period), value: p.value }));
}

/**
 * E(p): null before the baseline period, the baseline value at it, a milestone's value at a
 * milestone, the straight line by quarters between neighbouring known points, and the target
 * value from the target period on.
 */
export function expectedValue(t: Trajectory, period: PeriodLike): number | null {
  return expectedAt(indexed(t), periodIndex(period));
}

/**
 * E as a function of the period, validating and ordering the known points once: for callers
 * that evaluate one trajectory at many periods (summaries, charts).
 */
export function expectedValues(t: Trajectory): (period: PeriodLike) => number | null {
  const points = indexed(t);
  return (period) => expectedAt(points, periodIndex(period));
}

/** E(p) for every period from `from` to `to` inclusive, for charts. */
export function expectedSeries(t: Trajectory, from: PeriodLike, to: PeriodLike): ExpectedPoint[] {
  const points = indexed(t);
  return periodsBetween(from, to).map((period) => ({
    period,
    expected: expectedAt(points, periodIndex(period)),
  }));
}
