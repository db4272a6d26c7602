/**
 * The rules of a quarterly return, in one place for every way a figure arrives: the API
 * (progress.service) and the spreadsheet import (returns.service). Pure: no database, no clock
 * (the current period is passed in).
 */
import { isAfter } from './period';
import { isReturnDue, type ReturnSchedule } from './status';

/** The one definition of a progress update's workflow status. */
export const UPDATE_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** What a return is about: enough of a target to say whether a figure is owed. */
export interface ReturnTarget extends ReturnSchedule {
  code: string;
  archived: boolean;
}

/** Why no figure may be given for a target and period, or null when one may. */
export type ReturnWindowProblem =
  | { reason: 'archived'; message: string }
  | { reason: 'not-due'; message: string }
  | { reason: 'not-started'; message: string };

export function returnWindowProblem(target: ReturnTarget, period: string, currentPeriod: string): ReturnWindowProblem | null {
  if (target.archived) return { reason: 'archived', message: `target ${target.code} is archived` };
  if (!isReturnDue(target, period)) {
    const annualOffQuarter = target.frequency === 'annual' && isAfter(period, target.baselinePeriod) && !isAfter(period, target.targetPeriod);
    return {
      reason: 'not-due',
      message: annualOffQuarter
        ? `${target.code} is an annual target: returns are due in Q4 only`
        : `${period} is outside ${target.code}'s span (after ${target.baselinePeriod}, up to ${target.targetPeriod})`,
    };
  }
  if (isAfter(period, currentPeriod)) return { reason: 'not-started', message: `${period} has not started yet` };
  return null;
}

/** The figures of a return; blank text is null. */
export interface ReturnValues {
  value: number;
  commentary: string | null;
  risks: string | null;
  nextActions: string | null;
}

/** True when a return says exactly what is on record (missing and empty text count as the same). */
export function sameValues(existing: ReturnValues, given: ReturnValues): boolean {
  return (
    existing.value === given.value &&
    (existing.commentary ?? null) === (given.commentary ?? null) &&
    (existing.risks ?? null) === (given.risks ?? null) &&
    (existing.nextActions ?? null) === (given.nextActions ?? null)
  );
}

export type ReturnOutcome = 'created' | 'updated' | 'unchanged';

/**
 * What storing a return as submitted does to what is on record: a new update, a change (or a
 * draft/returned one submitted again), or nothing. An approved figure is never overwritten: a
 * different figure for it is refused, with the message to show.
 */
export function returnOutcome(
  existing: (ReturnValues & { status: UpdateStatus }) | null | undefined,
  given: ReturnValues,
  what: { code: string; period: string },
): { outcome: ReturnOutcome } | { refused: string } {
  if (!existing) return { outcome: 'created' };
  const same = sameValues(existing, given);
  if (existing.status === 'approved') {
    return same
      ? { outcome: 'unchanged' }
      : { refused: `the ${what.period} figure for ${what.code} is already approved (${existing.value}); ask a coordinator to correct it` };
  }
  return { outcome: same && existing.status === 'submitted' ? 'unchanged' : 'updated' };
}
