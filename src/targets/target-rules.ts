import type { FieldError } from '../common/api-errors';
import { comparePeriods, isAfter, isBefore, toPeriod } from '../domain/period';
import type { Frequency } from '../domain/status';
import type { Milestone, Trajectory } from '../domain/trajectory';

export interface TrajectoryInput {
  baselinePeriod: string;
  targetPeriod: string;
  frequency: Frequency;
  milestones: { period: string; value: number }[];
}

/**
 * The rules a target's trajectory must keep, each broken one named by field: the target period
 * after the baseline, milestones strictly between them and one per period, and annual targets
 * measured at the year end (Q4), when their returns fall due.
 */
export function trajectoryErrors(t: TrajectoryInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isAfter(t.targetPeriod, t.baselinePeriod)) {
    errors.push({ field: 'targetPeriod', message: `targetPeriod ${t.targetPeriod} must be after baselinePeriod ${t.baselinePeriod}` });
  }
  if (t.frequency === 'annual') {
    for (const field of ['baselinePeriod', 'targetPeriod'] as const) {
      if (toPeriod(t[field]).quarter !== 4) {
        errors.push({ field, message: `an annual target is measured at the year end, so ${field} must be a Q4 (got ${t[field]})` });
      }
    }
  }
  const seen = new Set<string>();
  t.milestones.forEach((m, i) => {
    const field = `milestones.${i}.period`;
    if (!isAfter(m.period, t.baselinePeriod) || !isBefore(m.period, t.targetPeriod)) {
      errors.push({ field, message: `milestone ${m.period} must fall strictly between ${t.baselinePeriod} and ${t.targetPeriod}` });
    } else if (t.frequency === 'annual' && toPeriod(m.period).quarter !== 4) {
      errors.push({ field, message: `an annual target's milestones fall at the year end (Q4), not ${m.period}` });
    }
    if (seen.has(m.period)) errors.push({ field, message: `there is already a milestone for ${m.period}` });
    seen.add(m.period);
  });
  return errors;
}

export function sortMilestones<T extends { period: string }>(milestones: T[]): T[] {
  return [...milestones].sort((a, b) => comparePeriods(a.period, b.period));
}

/**
 * A target's trajectory: the five fields expected values are worked out from, not a copy of the
 * whole target (the import maps 100,000 updates; copying their targets was most of the progress
 * mapper's allocation). A target read without its milestones has none.
 */
export function trajectoryOf(target: Pick<Trajectory, 'baselinePeriod' | 'baselineValue' | 'targetPeriod' | 'targetValue'> & { milestones?: readonly Milestone[] }): Trajectory {
  return {
    baselinePeriod: target.baselinePeriod,
    baselineValue: target.baselineValue,
    targetPeriod: target.targetPeriod,
    targetValue: target.targetValue,
    milestones: target.milestones ?? [],
  };
}
