/** The pack's forecasts: where targets are heading, and those on track now but forecast to miss. */
import type { ForecastDto, StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import { formatFigure, status } from './format';
import type { ForecastRow, ForecastsSection } from './report-layout';
import { leadName } from './targets';
import type { ReportWords } from './words';

/** The theme table's forecast cell: the outcome, then the projection (at the end target's period, beside it). */
export function forecastCell(target: TargetSummaryDto, words: ReportWords): string {
  const f = target.forecast;
  const label = words.forecastOutcome[f.outcome];
  return f.projectedValue === null ? label : `${label}\n${formatFigure(f.projectedValue, target.unit)}`;
}

function row(target: TargetSummaryDto, words: ReportWords): ForecastRow {
  return {
    code: target.code,
    title: target.title,
    lead: leadName(target, words),
    status: status(target.rag, words),
    projected: words.projectedBy(formatFigure(target.forecast.projectedValue, target.unit), words.shortPeriod(target.targetPeriod)),
    target: formatFigure(target.targetValue, target.unit),
  };
}

export function forecastsSection(summary: StrategySummaryDto, words: ReportWords): ForecastsSection {
  const targets = summary.themes.flatMap((t) => t.targets);
  const count = (outcome: ForecastDto['outcome']) => targets.filter((t) => t.forecast.outcome === outcome).length;
  const atRiskIds = new Set(summary.atRisk.map((a) => a.targetId));
  const rows = targets
    .filter((t) => atRiskIds.has(t.id))
    .sort((a, b) => summary.atRisk.findIndex((x) => x.targetId === a.id) - summary.atRisk.findIndex((x) => x.targetId === b.id))
    .map((t) => row(t, words));
  const window = targets[0]?.forecast.window ?? 4;
  return {
    kind: 'forecasts',
    heading: words.forecasts.heading,
    description: words.forecasts.description(window, words.shortPeriod(summary.period)),
    summary: words.forecasts.summary({ likely: count('likely-to-meet'), atRisk: count('at-risk'), none: count('no-forecast') }),
    atRiskDescription: words.forecasts.atRiskDescription(rows.length),
    rows,
  };
}
