import type { StrategySummaryDto, TargetSummaryDto, ThemeSummaryDto } from '../../summary/summary.dto';
import { countsSentence, formatFigure, formatValue, shortPeriodLabel, status, travelLabel, unitNote } from './format';
import { ragCounts } from './executive-summary';
import type { TargetRow, ThemeSection, TrendChart } from './report-layout';
import { leadName } from './targets';
import { forecastCell } from './forecasts';

function row(target: TargetSummaryDto, reportPeriod: string): TargetRow {
  const figure = (value: number | null) => formatFigure(value, target.unit);
  const judgedOn = target.statusPeriod;
  return {
    code: target.code,
    title: target.title,
    unitNote: unitNote(target.unit),
    lead: leadName(target),
    baseline: figure(target.baselineValue),
    baselinePeriod: shortPeriodLabel(target.baselinePeriod),
    expected: figure(target.expected),
    actual: figure(target.actual),
    judgedPeriod: judgedOn && judgedOn !== reportPeriod ? shortPeriodLabel(judgedOn) : null,
    target: figure(target.targetValue),
    targetPeriod: shortPeriodLabel(target.targetPeriod),
    status: status(target.rag),
    travel: travelLabel(target.directionOfTravel),
    forecast: forecastCell(target),
  };
}

function latest(target: TargetSummaryDto, format: (value: number | null, unit: string) => string): string {
  const expected = format(target.expected, target.unit);
  return target.actual === null
    ? `no approved figure; ${expected} expected`
    : `${format(target.actual, target.unit)} against ${expected} expected`;
}

function trend(target: TargetSummaryDto): TrendChart {
  const points = target.trend.map((p) => ({
    label: shortPeriodLabel(p.period),
    expected: p.expected,
    actual: p.actual,
  }));
  const span = points.length > 0 ? ` from ${points[0].label} to ${points[points.length - 1].label}` : '';
  const st = status(target.rag);
  const caption = latest(target, formatFigure);
  return {
    code: target.code,
    title: target.title,
    status: st,
    points,
    caption: caption.charAt(0).toUpperCase() + caption.slice(1),
    unitNote: unitNote(target.unit),
    alt:
      `Line chart for ${target.code}: approved figures against the expected trajectory${span}. ` +
      `Latest: ${latest(target, formatValue)}. Status: ${st.label}.`,
  };
}

function trendSpan(trends: readonly TrendChart[]): string {
  const firsts = new Set(trends.map((t) => t.points[0]?.label));
  const last = trends[0]?.points[trends[0].points.length - 1]?.label;
  const from = firsts.size === 1 ? [...firsts][0] : 'each target’s baseline';
  return `Each chart runs from ${from} to ${last}.`;
}

function themeSection(theme: ThemeSummaryDto, reportPeriod: string): ThemeSection {
  const counts = ragCounts(theme.counts);
  const trends = theme.targets.map(trend);
  return {
    kind: 'theme',
    heading: theme.title,
    kindLabel: theme.kind === 'population-group' ? 'Population group' : 'Theme',
    counts,
    summary: countsSentence(counts),
    rows: theme.targets.map((t) => row(t, reportPeriod)),
    trends,
    trendSpan: trendSpan(trends),
  };
}

/** One section per theme and population group that has targets in this report, in the summary's order. */
export function themeSections(summary: StrategySummaryDto): ThemeSection[] {
  return summary.themes.filter((t) => t.targets.length > 0).map((t) => themeSection(t, summary.period));
}
