/**
 * UK financial-year quarters, written `YYYY-YY-Qn`: `2025-26-Q1` is April–June 2025 and
 * `2025-26-Q4` is January–March 2026. Codes are what the API and the database store, so every
 * function that yields a period yields its canonical code; all of them accept a code or a Period.
 */

import type { Language } from './language';

export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  /** The calendar year in which the financial year starts (April). */
  readonly startYear: number;
  readonly quarter: Quarter;
}

export type PeriodLike = string | Period;

export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2999;

const EXAMPLE = '2025-26-Q1';
const PATTERN = /^([0-9]{4})-([0-9]{2})-Q([0-9])$/;
const MONTHS: Record<Quarter, string> = {
  1: 'Apr–Jun',
  2: 'Jul–Sep',
  3: 'Oct–Dec',
  4: 'Jan–Mar',
};

export class PeriodFormatError extends Error {
  override readonly name = 'PeriodFormatError';

  constructor(
    readonly input: unknown,
    readonly reason: string,
    expected: string = EXAMPLE,
  ) {
    super(`${describe(input)} is not a valid period: ${reason} (expected ${expected} form)`);
  }
}

function describe(input: unknown): string {
  return typeof input === 'string' ? JSON.stringify(input) : `${typeof input} ${String(input)}`;
}

function pad2(n: number): string {
  return String(n % 100).padStart(2, '0');
}

function isQuarter(q: unknown): q is Quarter {
  return q === 1 || q === 2 || q === 3 || q === 4;
}

function isYearInRange(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_PERIOD_YEAR && y <= MAX_PERIOD_YEAR;
}

function make(startYear: number, quarter: Quarter): Period {
  return Object.freeze({ startYear, quarter });
}

/** Reasons are checked most-specific-last so that the message names the first thing wrong. */
export function parsePeriod(s: string): Period {
  if (typeof s !== 'string') throw new PeriodFormatError(s, 'a period must be a string');
  if (s.length === 0) throw new PeriodFormatError(s, 'it is empty');
  if (s.trim() !== s) throw new PeriodFormatError(s, 'it has leading or trailing whitespace');
  const m = PATTERN.exec(s);
  if (!m) throw new PeriodFormatError(s, 'it must be written YYYY-YY-Qn');
  const startYear = Number(m[1]);
  const second = Number(m[2]);
  const quarter = Number(m[3]);
  if (!isQuarter(quarter)) throw new PeriodFormatError(s, 'the quarter must be Q1, Q2, Q3 or Q4');
  if (!isYearInRange(startYear)) {
    throw new PeriodFormatError(
      s,
      `the year must be between ${MIN_PERIOD_YEAR} and ${MAX_PERIOD_YEAR}`,
    );
  }
  if (second !== (startYear + 1) % 100) {
    throw new PeriodFormatError(
      s,
      'the second year must follow the first',
      `${startYear}-${pad2(startYear + 1)}-Q${quarter}`,
    );
  }
  return make(startYear, quarter);
}

/**
 * Valid codes seen before, parsed once: summaries and reports ask about the same few dozen
 * periods thousands of times. Periods are frozen, so sharing them is safe; the cache is bounded
 * by the number of distinct valid codes (11,000 at most).
 */
const parsed = new Map<string, Period>();

function parsedPeriod(s: string): Period {
  let period = parsed.get(s);
  if (!period) {
    period = parsePeriod(s);
    parsed.set(s, period);
  }
  return period;
}

export function tryParsePeriod(s: unknown): Period | null {
  try {
    return parsePeriod(s as string);
  } catch (e) {
    if (e instanceof PeriodFormatError) return null;
    throw e;
  }
}

export function isValidPeriod(s: unknown): s is string {
  return tryParsePeriod(s) !== null;
}

/**
 * Period objects can be built by hand, so they are checked as strictly as strings are: an
 * out-of-range one would otherwise format to a code that parsePeriod rejects.
 */
export function toPeriod(p: PeriodLike): Period {
  if (typeof p === 'string') return parsedPeriod(p);
  if (p === null || typeof p !== 'object') throw new PeriodFormatError(p, 'a period must be a string');
  if (!isYearInRange(p.startYear) || !isQuarter(p.quarter)) {
    throw new RangeError(
      `{ startYear: ${String(p.startYear)}, quarter: ${String(p.quarter)} } is not a valid period: ` +
        `startYear must be an integer from ${MIN_PERIOD_YEAR} to ${MAX_PERIOD_YEAR} and quarter 1 to 4`,
    );
  }
  return make(p.startYear, p.quarter);
}

export function formatPeriod(p: PeriodLike): string {
  const { startYear, quarter } = toPeriod(p);
  return `${startYear}-${pad2(startYear + 1)}-Q${quarter}`;
}

/** `2025/26` */
export function financialYearLabel(p: PeriodLike): string {
  const { startYear } = toPeriod(p);
  return `${startYear}/${pad2(startYear + 1)}`;
}

/** `2025/26 Q2 (Jul–Sep 2025)`, the form used in reports. */
export function periodLabel(p: PeriodLike): string {
  const period = toPeriod(p);
  const calendarYear = period.quarter === 4 ? period.startYear + 1 : period.startYear;
  return `${financialYearLabel(period)} Q${period.quarter} (${MONTHS[period.quarter]} ${calendarYear})`;
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Welsh month names, January first. */
export const WELSH_MONTH_NAMES = [
  'Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin',
  'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr',
] as const;

/**
 * After "i" (to) Welsh softens the next word: Mawrth → Fawrth, Mehefin → Fehefin, Medi → Fedi,
 * Rhagfyr → Ragfyr. Only the last month of a quarter ever follows "i", and every one of them mutates.
 */
const WELSH_AFTER_I: Readonly<Record<string, string>> = { Mawrth: 'Fawrth', Mehefin: 'Fehefin', Medi: 'Fedi', Rhagfyr: 'Ragfyr' };

/** How a quarter is written in each language: the quarter's letter, the months and the joining word. */
const QUARTER_WORDS: Record<Language, { q: string; months: readonly string[]; to: string; after: (month: string) => string }> = {
  en: { q: 'Q', months: MONTH_NAMES, to: 'to', after: (m) => m },
  cy: { q: 'Ch', months: WELSH_MONTH_NAMES, to: 'i', after: (m) => WELSH_AFTER_I[m] ?? m },
};

/**
 * `2025/26 Q4 (January to March 2026)`, the form people read on web pages and in a Welsh board pack;
 * in Welsh `2025/26 Ch4 (Ionawr i Fawrth 2026)` (Ch for chwarter). The one implementation for both.
 */
export function periodLongLabel(p: PeriodLike, language: Language = 'en'): string {
  const period = toPeriod(p);
  const { year, month } = firstMonth(period);
  const w = QUARTER_WORDS[language];
  return `${financialYearLabel(period)} ${w.q}${period.quarter} (${w.months[month]} ${w.to} ${w.after(w.months[month + 2])} ${year})`;
}

/** `2025/26 Q2` (`2025/26 Ch2` in Welsh): the short form for tables and chart axes. */
export function periodShortLabel(p: PeriodLike, language: Language = 'en'): string {
  const period = toPeriod(p);
  return `${financialYearLabel(period)} ${QUARTER_WORDS[language].q}${period.quarter}`;
}

/** An absolute ordinal: consecutive quarters differ by exactly 1, so arithmetic is plain integers. */
export function periodIndex(p: PeriodLike): number {
  const { startYear, quarter } = toPeriod(p);
  return startYear * 4 + quarter - 1;
}

export function periodFromIndex(i: number): string {
  if (!Number.isInteger(i)) throw new RangeError(`period index must be an integer, got ${i}`);
  const startYear = Math.floor(i / 4);
  const quarter = (i - startYear * 4 + 1) as Quarter;
  if (!isYearInRange(startYear)) {
    throw new RangeError(
      `period index ${i} is outside the supported years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`,
    );
  }
  return formatPeriod(make(startYear, quarter));
}

export function addQuarters(p: PeriodLike, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`number of quarters must be an integer, got ${n}`);
  return periodFromIndex(periodIndex(p) + n);
}

export function nextPeriod(p: PeriodLike): string {
  return addQuarters(p, 1);
}

export function previousPeriod(p: PeriodLike): string {
  return addQuarters(p, -1);
}

/** b − a in quarters: positive when b is later than a. */
export function quartersBetween(a: PeriodLike, b: PeriodLike): number {
  return periodIndex(b) - periodIndex(a);
}

/** Sort comparator: -1, 0 or 1. */
export function comparePeriods(a: PeriodLike, b: PeriodLike): number {
  return Math.sign(periodIndex(a) - periodIndex(b));
}

export function isSamePeriod(a: PeriodLike, b: PeriodLike): boolean {
  return periodIndex(a) === periodIndex(b);
}

export function isBefore(a: PeriodLike, b: PeriodLike): boolean {
  return periodIndex(a) < periodIndex(b);
}

export function isAfter(a: PeriodLike, b: PeriodLike): boolean {
  return periodIndex(a) > periodIndex(b);
}

export function minPeriod(a: PeriodLike, b: PeriodLike): string {
  return formatPeriod(isAfter(a, b) ? b : a);
}

export function maxPeriod(a: PeriodLike, b: PeriodLike): string {
  return formatPeriod(isBefore(a, b) ? b : a);
}

/** Calendar year and zero-based month of a quarter's first day (Q4 starts in January of the next year). */
function firstMonth(p: Period): { year: number; month: number } {
  return {
    year: p.quarter === 4 ? p.startYear + 1 : p.startYear,
    month: (p.quarter * 3) % 12,
  };
}

/** UTC midnight of the quarter's first day. */
export function periodStart(p: PeriodLike): Date {
  const { year, month } = firstMonth(toPeriod(p));
  return new Date(Date.UTC(year, month, 1));
}

/** UTC midnight of the quarter's last day (day 0 of the following month). */
export function periodEnd(p: PeriodLike): Date {
  const { year, month } = firstMonth(toPeriod(p));
  return new Date(Date.UTC(year, month + 3, 0));
}

/** The quarter a date falls in, read in UTC. */
export function periodContaining(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('periodContaining needs a valid Date');
  }
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (month < 3) return formatPeriod({ startYear: year - 1, quarter: 4 });
  return formatPeriod({ startYear: year, quarter: (Math.floor((month - 3) / 3) + 1) as Quarter });
}

/** The quarter before the one containing `now`: the latest one whose figures can be complete. */
export function latestCompletedPeriod(now: Date): string {
  return previousPeriod(periodContaining(now));
}

/** Every period from `from` to `to` inclusive, ascending; empty when `to` is before `from`. */
export function periodsBetween(from: PeriodLike, to: PeriodLike): string[] {
  const first = periodIndex(from);
  const last = periodIndex(to);
  const out: string[] = [];
  for (let i = first; i <= last; i++) out.push(periodFromIndex(i));
  return out;
}

const PRINTED = /^([0-9]{4})\/([0-9]{2}) ?Q([0-9])$/i;

/**
 * A period as people type it into a return: the code `2026-27-Q2`, or the form the reports
 * print, `2026/27 Q2` (also `2026/27Q2`, `2026/27 q2`). Answers the canonical code. Only imports
 * take the printed form; API parameters stay codes.
 */
export function parsePeriodInput(s: string): string {
  const printed = typeof s === 'string' ? PRINTED.exec(s) : null;
  if (!printed) {
    try {
      return formatPeriod(parsePeriod(s));
    } catch (error) {
      if (error instanceof PeriodFormatError && error.reason === 'it must be written YYYY-YY-Qn') {
        throw new PeriodFormatError(s, 'it must be written YYYY-YY-Qn or YYYY/YY Qn', `${EXAMPLE} or 2025/26 Q1`);
      }
      throw error;
    }
  }
  const startYear = Number(printed[1]);
  const quarter = Number(printed[3]);
  if (!isQuarter(quarter)) throw new PeriodFormatError(s, 'the quarter must be Q1, Q2, Q3 or Q4', '2025/26 Q1');
  if (!isYearInRange(startYear)) {
    throw new PeriodFormatError(s, `the year must be between ${MIN_PERIOD_YEAR} and ${MAX_PERIOD_YEAR}`, '2025/26 Q1');
  }
  if (Number(printed[2]) !== (startYear + 1) % 100) {
    throw new PeriodFormatError(s, 'the second year must follow the first', `${startYear}/${pad2(startYear + 1)} Q${quarter}`);
  }
  return formatPeriod(make(startYear, quarter));
}
