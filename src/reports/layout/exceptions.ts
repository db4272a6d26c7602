import type { StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import { formatValue, status } from './format';
import type { ExceptionItem, ExceptionsSection } from './report-layout';
import { leadName, officerLine } from './targets';
import type { ReportWords } from './words';

function reason(target: TargetSummaryDto, words: ReportWords): string {
  const was = words.rag[target.previousRag];
  if (target.rag !== 'red') return words.worsened(was, words.rag[target.rag]);
  if (target.previousRag === 'red') return words.redAsBefore;
  if (target.previousRag === 'no-data') return words.redNoFigureBefore;
  return words.newlyRed(was);
}

function figures(target: TargetSummaryDto, words: ReportWords): string {
  const actual = formatValue(target.actual, target.unit);
  const expected = formatValue(target.expected, target.unit);
  return words.figures(actual, expected, target.statusPeriod ? words.shortPeriod(target.statusPeriod) : null);
}

function item(target: TargetSummaryDto, themeTitle: string, words: ReportWords): ExceptionItem {
  const update = target.update;
  return {
    code: target.code,
    title: target.title,
    themeTitle,
    status: status(target.rag, words),
    reason: reason(target, words),
    figures: figures(target, words),
    commentary: update?.commentary?.trim() || words.noCommentary,
    risks: update?.risks?.trim() || words.noneRecorded,
    nextActions: update?.nextActions?.trim() || words.noneRecorded,
    lead: leadName(target, words),
    officer: officerLine(target, words),
  };
}

export function exceptionsSection(
  summary: StrategySummaryDto,
  exceptions: readonly TargetSummaryDto[],
  words: ReportWords,
): ExceptionsSection {
  const themeTitles = new Map(summary.themes.map((t) => [t.id, t.title]));
  return {
    kind: 'exceptions',
    heading: words.labels.exceptions,
    description: words.exceptionsDescription(exceptions.length > 0),
    items: exceptions.map((t) => item(t, themeTitles.get(t.themeId) ?? '', words)),
  };
}
