import { parsePeriodInput, PeriodFormatError } from './period';
import { DIRECTIONS, FREQUENCIES, type Direction, type Frequency } from './status';

/**
 * One row of a targets spreadsheet (the columns of the `targets.csv` export), read into what
 * a target and its lead assignment should be. Pure: names (theme, partnerships) stay names;
 * the import resolves them against the strategy.
 */
export interface TargetRow {
  code: string;
  title: string;
  theme: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  baselineValue: number;
  baselinePeriod: string;
  targetValue: number;
  targetPeriod: string;
  milestones: { period: string; value: number }[];
  tolerancePercent: number;
  /** The lead partnership's name; null leaves the target's assignments as they are. */
  lead: { partnership: string; officer: { name: string; email: string }; supporting: string[] } | null;
  archived: boolean;
}

export interface RowProblem {
  column: string;
  message: string;
}

/** The columns a targets sheet must have; the rest default (direction increase, quarterly, tolerance 5, no milestones, no lead). */
export const REQUIRED_TARGET_COLUMNS = ['code', 'title', 'theme', 'unit', 'baseline_value', 'baseline_period', 'target_value', 'target_period'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIGURE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A figure as a spreadsheet holds it: `1240`, `1,240`, `72.5`, `-3`; null if it is not one. */
export function parseFigure(raw: string): number | null {
  const cleaned = raw.replace(/[,\s]/g, '');
  if (!FIGURE.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** `a; b;c` → `['a', 'b', 'c']`: the export's separator for lists in one cell. */
export function splitList(raw: string): string[] {
  return raw
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Reads a row; every problem is named by its column, and a row with any problem yields no target. */
export function readTargetRow(values: Record<string, string>): { target: TargetRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const fail = (column: string, message: string) => problems.push({ column, message });
  const cell = (column: string) => (values[column] ?? '').trim();

  const textOf = (column: string, max: number): string => {
    const value = cell(column);
    if (value === '') fail(column, 'is empty');
    else if (value.length > max) fail(column, `must be ${max} characters or fewer`);
    return value;
  };
  const figureOf = (column: string): number => {
    const raw = cell(column);
    const value = parseFigure(raw);
    if (value === null) fail(column, raw === '' ? 'is empty' : `must be a number, got "${raw}"`);
    return value ?? 0;
  };
  const periodOf = (column: string, raw: string): string | null => {
    try {
      return parsePeriodInput(raw);
    } catch (error) {
      if (!(error instanceof PeriodFormatError)) throw error;
      fail(column, raw === '' ? 'is empty' : error.message);
      return null;
    }
  };
  const choiceOf = <T extends string>(column: string, allowed: readonly T[], fallback: T): T => {
    const raw = cell(column).toLowerCase();
    if (raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    fail(column, `must be ${allowed.join(' or ')}, got "${cell(column)}"`);
    return fallback;
  };

  const code = textOf('code', 40);
  const title = textOf('title', 300);
  const theme = textOf('theme', 300);
  const unit = textOf('unit', 60);
  const direction = choiceOf('direction', DIRECTIONS, 'increase');
  const frequency = choiceOf('frequency', FREQUENCIES, 'quarterly');
  const baselineValue = figureOf('baseline_value');
  const baselinePeriod = periodOf('baseline_period', cell('baseline_period'));
  const targetValue = figureOf('target_value');
  const targetPeriod = periodOf('target_period', cell('target_period'));

  const milestones: { period: string; value: number }[] = [];
  for (const entry of splitList(cell('milestones'))) {
    const [periodText, valueText, ...rest] = entry.split('=').map((s) => s.trim());
    const value = valueText === undefined ? null : parseFigure(valueText);
    if (rest.length > 0 || value === null) {
      fail('milestones', `"${entry}" must be a quarter and a figure, like 2025-26-Q2=120`);
      continue;
    }
    const period = periodOf('milestones', periodText);
    if (period) milestones.push({ period, value });
  }

  let tolerancePercent = 5;
  if (cell('tolerance_percent') !== '') {
    tolerancePercent = figureOf('tolerance_percent');
    if (tolerancePercent < 0 || tolerancePercent > 100) fail('tolerance_percent', 'must be between 0 and 100');
  }

  const leadName = cell('lead_partnership');
  const officerName = cell('accountable_officer');
  const officerEmail = cell('officer_email').toLowerCase();
  const supporting = splitList(cell('supporting_partnerships'));
  let lead: TargetRow['lead'] = null;
  if (leadName === '') {
    if (officerName || officerEmail || supporting.length) fail('lead_partnership', 'is empty: name the lead partnership of the accountable officer and supporters');
  } else {
    if (officerName === '') fail('accountable_officer', 'is empty: a lead partnership needs an accountable officer');
    else if (officerName.length > 200) fail('accountable_officer', 'must be 200 characters or fewer');
    if (officerEmail === '') fail('officer_email', 'is empty: give the accountable officer’s email address');
    else if (!EMAIL.test(officerEmail) || officerEmail.length > 320) fail('officer_email', `"${cell('officer_email')}" is not an email address`);
    const seen = new Set<string>();
    for (const name of supporting) {
      const key = name.toLowerCase();
      if (key === leadName.toLowerCase()) fail('supporting_partnerships', `${name} leads the target, so it cannot also support it`);
      else if (seen.has(key)) fail('supporting_partnerships', `${name} is named twice`);
      seen.add(key);
    }
    lead = { partnership: leadName, officer: { name: officerName, email: officerEmail }, supporting };
  }

  const archivedText = cell('archived').toLowerCase();
  const archived = archivedText === 'yes' || archivedText === 'true';
  if (!['', 'yes', 'no', 'true', 'false'].includes(archivedText)) fail('archived', `must be yes or no, got "${cell('archived')}"`);

  if (problems.length > 0 || !baselinePeriod || !targetPeriod) return { target: null, problems };
  return {
    target: { code, title, theme, unit, direction, frequency, baselineValue, baselinePeriod, targetValue, targetPeriod, milestones, tolerancePercent, lead, archived },
    problems,
  };
}
