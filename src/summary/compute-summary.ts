/**
 * The board's view of a strategy at one period, computed from loaded rows by the fixed rules
 * of API.md. Pure: the summary endpoint and the PDF report both render what this returns, so
 * they can never disagree.
 */
import { comparePeriods, financialYearLabel, isAfter, isBefore, periodLabel, previousPeriod, toPeriod } from '../domain/period';
import { byCode } from '../domain/codes';
import type { UpdateStatus } from '../domain/progress-returns';
import { Direction, directionOfTravel, duePeriods, Frequency, isReturnDue, RAG_RANK, ragStatus, RagOrNoData, statusPeriod } from '../domain/status';
import { expectedValues, Trajectory } from '../domain/trajectory';
import { DEFAULT_RETURN_DEADLINE_DAYS, deadlineStatus, returnDeadline } from '../domain/deadlines';
import { FORECAST_WINDOW, forecastTarget } from '../domain/forecast';
import {
  AtRiskTargetDto,
  ForecastDto,
  LateReturnDto,
  LeadDto,
  MissingReturnDto,
  MovementDto,
  PartnershipRefDto,
  RagCountsDto,
  StrategySummaryDto,
  TargetSummaryDto,
  TrendPointDto,
} from './summary.dto';

export interface SummaryUpdate {
  id: string;
  period: string;
  value: number;
  status: UpdateStatus;
  commentary: string | null;
  risks: string | null;
  nextActions: string | null;
  /** ISO instant of the (latest) submission, for the deadline; null for a draft never submitted. */
  submittedAt?: string | null;
}

export interface SummaryTarget extends Trajectory {
  id: string;
  code: string;
  title: string;
  themeId: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  tolerancePercent: number;
  lead: LeadDto | null;
  supportingPartnerships: PartnershipRefDto[];
  /** Every update of the target (any status, any period). */
  updates: SummaryUpdate[];
}

export interface SummaryInput {
  strategy: StrategySummaryDto['strategy'];
  period: string;
  themes: { id: string; title: string; kind: 'theme' | 'population-group'; position: number }[];
  targets: SummaryTarget[];
  /** Narrowed to a theme or a partnership: themes without targets are left out. */
  scoped: boolean;
  /**
   * The moment deadline states are judged at (ISO instant, from the application clock). Without
   * it, the last moment of the deadline day: nothing is overdue yet (warm-up and fixtures).
   */
  now?: string;
  /** The period's return deadline (YYYY-MM-DD) and whether a coordinator set it; by default quarter end + 30 days. */
  deadline?: { date: string; overridden: boolean };
}

interface DeadlineContext {
  now: string;
  deadline: { date: string; overridden: boolean };
}

interface Judgement {
  statusPeriod: string | null;
  expected: number | null;
  actual: number | null;
  rag: RagOrNoData;
  directionOfTravel: TargetSummaryDto['directionOfTravel'];
  update: SummaryUpdate | null;
}

export function computeSummary(given: SummaryInput): StrategySummaryDto {
  const { period } = given;
  const deadline = given.deadline ?? { date: returnDeadline(period, DEFAULT_RETURN_DEADLINE_DAYS), overridden: false };
  const input = { ...given, deadline, now: given.now ?? `${deadline.date}T23:59:59.999Z` };
  const previous = previousPeriod(period);
  const targets = input.targets.map((t) => summariseTarget(t, period, previous));
  const themes = [...input.themes]
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.position - b.position || a.title.localeCompare(b.title))
    .map((theme) => {
      const own = targets.filter((t) => t.themeId === theme.id).sort(byCode);
      return { ...theme, counts: countRags(own), targets: own };
    })
    .filter((theme) => !input.scoped || theme.targets.length > 0);
  return {
    strategy: input.strategy,
    period,
    periodLabel: periodLabel(period),
    previousPeriod: previous,
    counts: countRags(targets),
    movement: movement(targets),
    themes,
    missingReturns: input.targets
      .flatMap((t) => missingReturn(t, period, input))
      .sort((a, b) => a.partnershipName.localeCompare(b.partnershipName) || byCode(a, b)),
    asOf: input.now,
    returnDeadline: { period, deadline: input.deadline.date, overridden: input.deadline.overridden },
    lateReturns: input.targets.flatMap((t) => lateReturn(t, period, input)).sort((a, b) => b.daysLate - a.daysLate || byCode(a, b)),
    atRisk: atRisk(targets),
  };
}

/** Green or amber now, yet heading for red at the target period: what a board cannot see from today's RAG. */
function atRisk(targets: TargetSummaryDto[]): AtRiskTargetDto[] {
  return targets
    .filter((t) => (t.rag === 'green' || t.rag === 'amber') && t.forecast.outcome === 'at-risk')
    .sort(byCode)
    .map((t) => ({
      targetId: t.id,
      code: t.code,
      title: t.title,
      rag: t.rag as 'green' | 'amber',
      targetValue: t.targetValue,
      targetPeriod: t.targetPeriod,
      projectedValue: t.forecast.projectedValue as number,
      partnershipName: t.lead?.partnershipName ?? null,
    }));
}

function forecastOf(t: SummaryTarget, period: string, approved: Map<string, SummaryUpdate>): ForecastDto {
  const f = forecastTarget({
    direction: t.direction,
    targetValue: t.targetValue,
    targetPeriod: t.targetPeriod,
    tolerancePercent: t.tolerancePercent,
    approved: [...approved.values()],
    asOf: period,
  });
  return { ...f, window: FORECAST_WINDOW, description: describeForecast(f, t.targetPeriod) };
}

function describeForecast(f: Omit<ForecastDto, 'window' | 'description'>, targetPeriod: string): string {
  const range = `${shortPeriodLabel(f.fromPeriod ?? targetPeriod)} to ${shortPeriodLabel(f.toPeriod ?? targetPeriod)}`;
  if (f.method === 'actual') return `The approved figure for the target period, ${shortPeriodLabel(targetPeriod)}`;
  if (f.method === 'least-squares') {
    return `Least-squares line through the ${f.pointsUsed} most recent approved figures (${range}), read at ${shortPeriodLabel(targetPeriod)}`;
  }
  return `No forecast: ${f.pointsUsed} approved figure${f.pointsUsed === 1 ? '' : 's'}, at least 3 needed`;
}

type Expected = (period: string) => number | null;

/** The fields a target's summary repeats from the target itself. */
const TARGET_FIELDS = [
  'id', 'code', 'title', 'themeId', 'unit', 'direction', 'frequency', 'tolerancePercent',
  'baselineValue', 'baselinePeriod', 'targetValue', 'targetPeriod',
] as const;
export type TargetFields = Pick<SummaryTarget, (typeof TARGET_FIELDS)[number]>;

export function targetFields(t: TargetFields): TargetFields {
  return Object.fromEntries(TARGET_FIELDS.map((k) => [k, t[k]])) as unknown as TargetFields;
}

function summariseTarget(t: SummaryTarget, period: string, previous: string): TargetSummaryDto {
  const approved = new Map(t.updates.filter((u) => u.status === 'approved').map((u) => [u.period, u]));
  const expected = expectedValues(t);
  const now = judge(t, period, approved, expected);
  const update = now.update;
  return {
    ...targetFields(t),
    statusPeriod: now.statusPeriod,
    expected: now.expected,
    actual: now.actual,
    rag: now.rag,
    directionOfTravel: now.directionOfTravel,
    previousRag: judge(t, previous, approved, expected).rag,
    lead: t.lead,
    supportingPartnerships: t.supportingPartnerships,
    update: update && {
      id: update.id,
      period: update.period,
      value: update.value,
      commentary: update.commentary,
      risks: update.risks,
      nextActions: update.nextActions,
    },
    trend: trend(t, period, approved, expected),
    forecast: forecastOf(t, period, approved),
  };
}

/** The target as a report for `period` judges it: on the approved figure of its status period. */
function judge(t: SummaryTarget, period: string, approved: Map<string, SummaryUpdate>, expectedAt: Expected): Judgement {
  const sp = statusPeriod(t, period);
  if (!sp) return { statusPeriod: null, expected: null, actual: null, rag: 'no-data', directionOfTravel: null, update: null };
  const expected = expectedAt(sp);
  const update = approved.get(sp) ?? null;
  if (!update || expected === null) return { statusPeriod: sp, expected, actual: null, rag: 'no-data', directionOfTravel: null, update: null };
  const before = [...approved.values()].filter((u) => isBefore(u.period, sp)).sort((a, b) => comparePeriods(b.period, a.period))[0];
  return {
    statusPeriod: sp,
    expected,
    actual: update.value,
    rag: ragStatus({ expected, actual: update.value, direction: t.direction, tolerancePercent: t.tolerancePercent }),
    directionOfTravel: before ? directionOfTravel(before.value, update.value, t.direction) : null,
    update,
  };
}

/** Baseline, then every period a return is due up to the target period: the trajectory and the approved actuals so far. */
function trend(t: SummaryTarget, period: string, approved: Map<string, SummaryUpdate>, expectedAt: Expected): TrendPointDto[] {
  const points: TrendPointDto[] = [{ period: t.baselinePeriod, expected: t.baselineValue, actual: t.baselineValue }];
  for (const p of duePeriods(t, t.baselinePeriod, t.targetPeriod)) {
    points.push({ period: p, expected: expectedAt(p), actual: isAfter(p, period) ? null : (approved.get(p)?.value ?? null) });
  }
  return points;
}

function missingReturn(t: SummaryTarget, period: string, input: DeadlineContext): MissingReturnDto[] {
  if (!t.lead || !isReturnDue(t, period)) return [];
  const update = t.updates.find((u) => u.period === period);
  if (update && (update.status === 'submitted' || update.status === 'approved')) return [];
  const due = deadlineStatus({ deadline: input.deadline.date, now: new Date(input.now), submittedAt: null });
  return [
    {
      targetId: t.id,
      code: t.code,
      title: t.title,
      period,
      partnershipId: t.lead.partnershipId,
      partnershipName: t.lead.partnershipName,
      officerName: t.lead.officerName,
      officerEmail: t.lead.officerEmail,
      state: update ? (update.status as 'draft' | 'returned') : 'none',
      deadline: due.deadline,
      deadlineState: due.state as MissingReturnDto['deadlineState'],
      daysOverdue: due.daysOverdue,
      daysLeft: due.daysLeft,
    },
  ];
}

function lateReturn(t: SummaryTarget, period: string, input: DeadlineContext): LateReturnDto[] {
  if (!isReturnDue(t, period)) return [];
  const update = t.updates.find((u) => u.period === period);
  if (!update?.submittedAt || (update.status !== 'submitted' && update.status !== 'approved')) return [];
  const due = deadlineStatus({ deadline: input.deadline.date, now: new Date(input.now), submittedAt: update.submittedAt });
  if (due.state !== 'late') return [];
  return [
    {
      targetId: t.id,
      code: t.code,
      title: t.title,
      period,
      partnershipName: t.lead?.partnershipName ?? '',
      officerName: t.lead?.officerName ?? '',
      submittedAt: update.submittedAt,
      deadline: due.deadline,
      daysLate: due.daysOverdue,
    },
  ];
}

export function countRags(targets: { rag: RagOrNoData }[]): RagCountsDto {
  const counts = { green: 0, amber: 0, red: 0, noData: 0, total: targets.length };
  for (const t of targets) {
    if (t.rag === 'no-data') counts.noData++;
    else counts[t.rag]++;
  }
  return counts;
}

function movement(targets: TargetSummaryDto[]): MovementDto {
  const m = { improved: 0, worsened: 0, unchanged: 0, newlyRed: 0, notComparable: 0 };
  for (const t of targets) {
    if (t.rag === 'red' && t.previousRag !== 'red') m.newlyRed++;
    if (t.rag === 'no-data' || t.previousRag === 'no-data') {
      m.notComparable++;
      continue;
    }
    const change = RAG_RANK[t.rag] - RAG_RANK[t.previousRag];
    if (change < 0) m.improved++;
    else if (change > 0) m.worsened++;
    else m.unchanged++;
  }
  return m;
}

const kindOrder = (kind: string) => (kind === 'theme' ? 0 : 1);

const shortPeriodLabel = (p: string) => `${financialYearLabel(p)} Q${toPeriod(p).quarter}`;

