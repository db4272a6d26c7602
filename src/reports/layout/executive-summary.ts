import type { RagCountsDto, StrategySummaryDto } from '../../summary/summary.dto';
import { status } from './format';
import type { ExecutiveSummarySection, Movement, RagBar, RagChart, RagCounts } from './report-layout';
import type { ReportWords } from './words';

export function ragCounts(dto: RagCountsDto): RagCounts {
  return { green: dto.green, amber: dto.amber, red: dto.red, noData: dto.noData, total: dto.total };
}

function bar(label: string, counts: RagCounts, words: ReportWords): RagBar {
  return {
    label,
    total: counts.total,
    segments: [
      { ...status('green', words), count: counts.green },
      { ...status('amber', words), count: counts.amber },
      { ...status('red', words), count: counts.red },
      { ...status('no-data', words), count: counts.noData },
    ],
  };
}

function describeBar(b: RagBar): string {
  return `${b.label}: ${b.segments.map((s) => `${s.count} ${s.label.toLowerCase()}`).join(', ')}`;
}

function overallChart(counts: RagCounts, words: ReportWords): RagChart {
  const all = bar(words.allTargets, counts, words);
  return { bars: [all], alt: words.overallChartAlt(counts.total, describeBar(all)) };
}

function themeChart(summary: StrategySummaryDto, words: ReportWords): RagChart {
  const bars = [
    bar(words.allTargets, ragCounts(summary.counts), words),
    ...summary.themes.filter((t) => t.targets.length > 0).map((t) => bar(t.title, ragCounts(t.counts), words)),
  ];
  return { bars, alt: words.themeChartAlt(bars.map(describeBar).join('. ')) };
}

function movement(summary: StrategySummaryDto, words: ReportWords): Movement {
  const m = summary.movement;
  const previousPeriodLabel = words.periodLabel(summary.previousPeriod);
  return { previousPeriodLabel, ...m, sentences: words.movement(previousPeriodLabel, m) };
}

export function executiveSummary(summary: StrategySummaryDto, exceptionCount: number, words: ReportWords): ExecutiveSummarySection {
  const counts = ragCounts(summary.counts);
  const themesWithoutTargets = summary.themes.filter((t) => t.targets.length === 0).map((t) => t.title);
  return {
    kind: 'executive-summary',
    heading: words.labels.executiveSummary,
    headlines: words.headlines(counts, exceptionCount, summary.missingReturns.length),
    counts,
    overallChart: overallChart(counts, words),
    themeChart: themeChart(summary, words),
    movement: movement(summary, words),
    themesWithoutTargets,
    themesWithoutTargetsSentence: themesWithoutTargets.length > 0 ? words.themesWithoutTargets(themesWithoutTargets.join(', ')) : null,
  };
}
