/**
 * When a quarter's return is due and, at a given moment, where it stands against that deadline.
 * A deadline is a calendar day (UTC): a return submitted at any time on that day is on time; from
 * the next day it is overdue, and each further day adds one day overdue.
 */
import { type PeriodLike, periodEnd } from './period';

export const DEFAULT_RETURN_DEADLINE_DAYS = 30;
export const DEFAULT_DUE_SOON_DAYS = 7;
/** A quarter's deadline is at most a year after it ends: beyond that it is a typo, not a policy. */
export const MAX_RETURN_DEADLINE_DAYS = 365;

export type DeadlineState = 'upcoming' | 'due-soon' | 'overdue' | 'on-time' | 'late';

export interface DeadlineStatus {
  /** YYYY-MM-DD, the last day a return is on time. */
  deadline: string;
  state: DeadlineState;
  /** Whole days after the deadline: of `now` when overdue, of the submission when late; otherwise 0. */
  daysOverdue: number;
  /** Whole days left until the deadline (0 on the day itself); null once it has passed or the return is in. */
  daysLeft: number | null;
}

const DAY = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The deadline for `period`: the override if the strategy set one for that quarter, else quarter end + `deadlineDays`. */
export function returnDeadline(period: PeriodLike, deadlineDays: number, override?: string | null): string {
  if (override != null) return formatDate(parseDate(override));
  if (!Number.isInteger(deadlineDays) || deadlineDays < 0 || deadlineDays > MAX_RETURN_DEADLINE_DAYS) {
    throw new RangeError(`deadlineDays must be a whole number from 0 to ${MAX_RETURN_DEADLINE_DAYS}, got ${String(deadlineDays)}`);
  }
  return formatDate(new Date(periodEnd(period).getTime() + deadlineDays * DAY));
}

/**
 * Where a return stands at `now`. `submittedAt` is when the return now in was submitted (null when
 * none is submitted or approved: a draft or a returned update does not count).
 */
export function deadlineStatus(input: {
  deadline: string;
  now: Date;
  submittedAt: Date | string | null;
  dueSoonDays?: number;
}): DeadlineStatus {
  const { deadline } = input;
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new RangeError(`dueSoonDays must be a whole number of days, got ${dueSoonDays}`);
  const day = parseDate(deadline).getTime();
  const daysAfter = (moment: Date) => Math.floor((startOfDay(moment) - day) / DAY);

  if (input.submittedAt !== null) {
    const late = daysAfter(toInstant(input.submittedAt, 'submittedAt'));
    return late > 0 ? { deadline, state: 'late', daysOverdue: late, daysLeft: null } : { deadline, state: 'on-time', daysOverdue: 0, daysLeft: null };
  }
  const after = daysAfter(toInstant(input.now, 'now'));
  if (after > 0) return { deadline, state: 'overdue', daysOverdue: after, daysLeft: null };
  return { deadline, state: -after <= dueSoonDays ? 'due-soon' : 'upcoming', daysOverdue: 0, daysLeft: 0 - after };
}

/** A YYYY-MM-DD that names a real day (2026-02-30 is not one). */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatDate(d) === s;
}

function parseDate(s: string): Date {
  if (!isIsoDay(s)) throw new RangeError(`${JSON.stringify(s)} is not a date written YYYY-MM-DD`);
  return new Date(`${s}T00:00:00.000Z`);
}

function toInstant(v: Date | string, name: string): Date {
  const d = typeof v === 'string' ? new Date(v) : v;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} must be a valid instant, got ${String(v)}`);
  return d;
}

function startOfDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
