/**
 * How figures and statuses read in a board pack: en-GB number formatting (which Welsh shares)
 * whatever the server's locale. The words themselves are in words.ts.
 */
import type { DirectionOfTravel, RagOrNoData } from '../../domain/status';
import type { Status } from './report-layout';
import type { ReportWords } from './words';

export const NO_FIGURE = '—';

const PERCENT_UNITS = new Set(['%', 'percent', 'per cent', 'percentage']);
const MONEY_UNITS = new Set(['£', 'gbp', 'pounds', '£s']);
const BARE_UNITS = new Set(['', 'number', 'count', 'no.']);

/** Whole figures stay whole; fractions (often interpolated expectations) get one decimal, or two below 1. */
function decimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  return Math.abs(value) < 1 ? 2 : 1;
}

// Built once: constructing an Intl formatter costs far more than formatting with it.
const NUMBERS = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }));
const POUNDS = [0, 2].map(
  (digits) =>
    new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: 'GBP',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }),
);
function number(value: number, maximumFractionDigits: number): string {
  return NUMBERS[maximumFractionDigits].format(value);
}

/** A bare figure as the pack prints it (`1,588`, `72.5`), for pages that write the unit themselves; null stays empty. */
export function formatNumber(value: number | null | undefined, maximumFractionDigits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return number(value, maximumFractionDigits === undefined ? decimals(value) : Math.min(2, Math.max(0, maximumFractionDigits)));
}

function money(value: number): string {
  // Pence matter in small sums only; an interpolated £333,333.33 reads better as £333,333.
  const pence = !Number.isInteger(value) && Math.abs(value) < 1000;
  return POUNDS[pence ? 1 : 0].format(value);
}

/** `72.5%`, `£350,000`, `1,240 homes`, `12.3 per 1,000 population`; `—` when there is no figure. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return NO_FIGURE;
  const key = unit.trim().toLowerCase();
  if (PERCENT_UNITS.has(key)) return `${number(value, decimals(value))}%`;
  if (MONEY_UNITS.has(key)) return money(value);
  const figure = number(value, decimals(value));
  return BARE_UNITS.has(key) ? figure : `${figure} ${unit.trim()}`;
}

/**
 * A unit of several words (`per 1,000 population`) would fill a narrow column and break
 * mid-word, so tables name it once per row instead; null when the figures carry their own unit.
 */
export function unitNote(unit: string): string | null {
  const key = unit.trim().toLowerCase();
  return /\s/.test(key) && !PERCENT_UNITS.has(key) ? unit.trim() : null;
}

/** A figure as a table or chart caption shows it: with its unit unless unitNote names it for the row. */
export function formatFigure(value: number | null, unit: string): string {
  return unitNote(unit) === null ? formatValue(value, unit) : formatValue(value, '');
}

/** A status as words and as the colour's name: the status never rests on colour alone. */
export function status(rag: RagOrNoData, words: Pick<ReportWords, 'rag'>): Status {
  return { rag, label: words.rag[rag] };
}

export function travelLabel(travel: DirectionOfTravel | null, words: Pick<ReportWords, 'travel'>): string {
  return travel === null ? NO_FIGURE : words.travel[travel];
}

/** Template text arrives with the YAML's line breaks: blank lines part paragraphs, single ones do not. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}
