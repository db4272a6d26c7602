/** The pack's forecasts: where targets are heading, and those on track now but forecast to miss. */
import type { ForecastDto, StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import { formatFigure, plural, shortPeriodLabel, status } from './format';
import type { ForecastRow, ForecastsSection } from './report-layout';
import { leadName } from './targets';

const OUTCOME_LABELS: Record<ForecastDto['outcome'], string> = {
  'likely-to-meet': 'Likely to meet',
  'at-risk': 'At risk',
  'no-forecast': 'No forecast',
};

/** The theme table's forecast cell: the outcome, then the projection (at the end target's period, beside it). */
export function forecastCell(target: TargetSummaryDto): string {
  const f = target.forecast;
  const label = OUTCOME_LABELS[f.outcome];
  return f.projectedValue === null ? label : `${label}\n${formatFigure(f.projectedValue, target.unit)}`;
}

function row(target: TargetSummaryDto): ForecastRow {
  return {
    code: target.code,
    title: target.title,
    lead: leadName(target),
    status: status(target.rag),
    projected: `${formatFigure(target.forecast.projectedValue, target.unit)} by ${shortPeriodLabel(target.targetPeriod)}`,
    target: formatFigure(target.targetValue, target.unit),
  };
}

export function forecastsSection(summary: StrategySummaryDto): ForecastsSection {
  const targets = summary.themes.flatMap((t) => t.targets);
  const count = (outcome: ForecastDto['outcome']) => targets.filter((t) => t.forecast.outcome === outcome).length;
  const atRiskIds = new Set(summary.atRisk.map((a) => a.targetId));
  const rows = targets.filter((t) => atRiskIds.has(t.id)).sort((a, b) => summary.atRisk.findIndex((x) => x.targetId === a.id) - summary.atRisk.findIndex((x) => x.targetId === b.id)).map(row);
  const window = targets[0]?.forecast.window ?? 4;
  return {
    kind: 'forecasts',
    heading: 'Forecasts',
    description:
      `Each target is projected to its target period by a least-squares straight line through its ` +
      `${window} most recent approved figures up to ${shortPeriodLabel(summary.period)} (at least 3 are needed). ` +
      `A projection that would be red at the target period is at risk.`,
    summary:
      `${plural(count('likely-to-meet'), 'target')} likely to meet, ${count('at-risk')} at risk, ` +
      `${count('no-forecast')} without enough figures for a forecast.`,
    atRiskDescription:
      rows.length === 0
        ? 'No target that is green or amber now is forecast to miss.'
        : `Green or amber now, but forecast to miss: ${plural(rows.length, 'target')}.`,
    rows,
  };
}
