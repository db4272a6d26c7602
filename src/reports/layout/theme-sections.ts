import type { StrategySummaryDto, TargetSummaryDto, ThemeSummaryDto } from '../../summary/summary.dto';
import { formatFigure, formatValue, status, travelLabel, unitNote } from './format';
import { ragCounts } from './executive-summary';
import type { TargetRow, ThemeSection, TrendChart } from './report-layout';
import { leadName } from './targets';
import { forecastCell } from './forecasts';
import type { ReportWords } from './words';

function row(target: TargetSummaryDto, reportPeriod: string, words: ReportWords): TargetRow {
  const figure = (value: number | null) => formatFigure(value, target.unit);
  const judgedOn = target.statusPeriod;
  return {
    code: target.code,
    title: target.title,
    unitNote: unitNote(target.unit),
    lead: leadName(target, words),
    baseline: figure(target.baselineValue),
    baselinePeriod: words.shortPeriod(target.baselinePeriod),
    expected: figure(target.expected),
    actual: figure(target.actual),
    judgedPeriod: judgedOn && judgedOn !== reportPeriod ? words.shortPeriod(judgedOn) : null,
    target: figure(target.targetValue),
    targetPeriod: words.shortPeriod(target.targetPeriod),
    status: status(target.rag, words),
    travel: travelLabel(target.directionOfTravel, words),
    forecast: forecastCell(target, words),
  };
}

function latest(target: TargetSummaryDto, format: (value: number | null, unit: string) => string, words: ReportWords): string {
  return words.latest(target.actual === null ? null : format(target.actual, target.unit), format(target.expected, target.unit));
}

function trend(target: TargetSummaryDto, words: ReportWords): TrendChart {
  const points = target.trend.map((p) => ({
    label: words.shortPeriod(p.period),
    expected: p.expected,
    actual: p.actual,
  }));
  const span = points.length > 0 ? { from: points[0].label, to: points[points.length - 1].label } : null;
  const st = status(target.rag, words);
  const caption = latest(target, formatFigure, words);
  return {
    code: target.code,
    title: target.title,
    status: st,
    points,
    caption: caption.charAt(0).toUpperCase() + caption.slice(1),
    unitNote: unitNote(target.unit),
    alt: words.trendAlt(target.code, span, latest(target, formatValue, words), st.label),
  };
}

function trendSpan(trends: readonly TrendChart[], words: ReportWords): string {
  const firsts = new Set(trends.map((t) => t.points[0]?.label));
  const last = trends[0]?.points[trends[0].points.length - 1]?.label ?? '';
  return words.trendSpan(firsts.size === 1 ? ([...firsts][0] ?? null) : null, last);
}

function themeSection(theme: ThemeSummaryDto, reportPeriod: string, words: ReportWords): ThemeSection {
  const counts = ragCounts(theme.counts);
  const trends = theme.targets.map((t) => trend(t, words));
  return {
    kind: 'theme',
    heading: theme.title,
    kindLabel: theme.kind === 'population-group' ? words.themeKind.populationGroup : words.themeKind.theme,
    counts,
    summary: words.countsSentence(counts),
    rows: theme.targets.map((t) => row(t, reportPeriod, words)),
    trends,
    trendSpan: trendSpan(trends, words),
  };
}

/** One section per theme and population group that has targets in this report, in the summary's order. */
export function themeSections(summary: StrategySummaryDto, words: ReportWords): ThemeSection[] {
  return summary.themes.filter((t) => t.targets.length > 0).map((t) => themeSection(t, summary.period, words));
}
