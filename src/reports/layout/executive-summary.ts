import { periodLabel } from '../../domain/period';
import type { RagCountsDto, StrategySummaryDto } from '../../summary/summary.dto';
import { plural, status } from './format';
import type { ExecutiveSummarySection, Movement, RagBar, RagChart, RagCounts } from './report-layout';

const OVERALL_LABEL = 'All targets';

export function ragCounts(dto: RagCountsDto): RagCounts {
  return { green: dto.green, amber: dto.amber, red: dto.red, noData: dto.noData, total: dto.total };
}

function bar(label: string, counts: RagCounts): RagBar {
  return {
    label,
    total: counts.total,
    segments: [
      { ...status('green'), count: counts.green },
      { ...status('amber'), count: counts.amber },
      { ...status('red'), count: counts.red },
      { ...status('no-data'), count: counts.noData },
    ],
  };
}

function describeBar(b: RagBar): string {
  return `${b.label}: ${b.segments.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', ')}`;
}

function overallChart(counts: RagCounts): RagChart {
  const all = bar(OVERALL_LABEL, counts);
  return { bars: [all], alt: `Column chart of all ${plural(counts.total, 'target')} by status. ${describeBar(all)}.` };
}

function themeChart(summary: StrategySummaryDto): RagChart {
  const bars = [
    bar(OVERALL_LABEL, ragCounts(summary.counts)),
    ...summary.themes.filter((t) => t.targets.length > 0).map((t) => bar(t.title, ragCounts(t.counts))),
  ];
  return { bars, alt: `Bar chart of the share of targets in each status, by theme. ${bars.map(describeBar).join('. ')}.` };
}

function movement(summary: StrategySummaryDto): Movement {
  const m = summary.movement;
  const previousPeriodLabel = periodLabel(summary.previousPeriod);
  const sentences = [
    `Compared with ${previousPeriodLabel}: ${m.improved} improved, ${m.worsened} worsened and ` +
      `${m.unchanged} stayed the same.`,
    `Newly red this quarter: ${plural(m.newlyRed, 'target')}.`,
  ];
  if (m.notComparable > 0) {
    sentences.push(
      `Not comparable, because one of the two quarters has no approved figure: ${plural(m.notComparable, 'target')}.`,
    );
  }
  return { previousPeriodLabel, ...m, sentences };
}

export function executiveSummary(summary: StrategySummaryDto, exceptionCount: number): ExecutiveSummarySection {
  const counts = ragCounts(summary.counts);
  return {
    kind: 'executive-summary',
    heading: 'Executive summary',
    headlines: [
      `${plural(counts.total, 'target')} in this report: ${counts.green} on track (green), ` +
        `${counts.amber} slightly behind (amber), ${counts.red} off track (red) and ` +
        `${counts.noData} without an approved figure (no data).`,
      `Needing attention, because red or worse than last quarter: ${plural(exceptionCount, 'target')}.`,
      `Returns due for the quarter but not submitted: ${summary.missingReturns.length}.`,
    ],
    counts,
    overallChart: overallChart(counts),
    themeChart: themeChart(summary),
    movement: movement(summary),
    themesWithoutTargets: summary.themes.filter((t) => t.targets.length === 0).map((t) => t.title),
  };
}
