import type { StrategySummaryDto, TargetSummaryDto } from '../../summary/summary.dto';
import { formatValue, shortPeriodLabel, status } from './format';
import type { ExceptionItem, ExceptionsSection } from './report-layout';
import { leadName, officerLine } from './targets';

function reason(target: TargetSummaryDto): string {
  const was = status(target.previousRag).label;
  if (target.rag !== 'red') return `Worsened from ${was} to ${status(target.rag).label}`;
  if (target.previousRag === 'red') return 'Red, as last quarter';
  if (target.previousRag === 'no-data') return 'Red; no figure last quarter';
  return `Newly red (was ${was})`;
}

function figures(target: TargetSummaryDto): string {
  const actual = formatValue(target.actual, target.unit);
  const expected = formatValue(target.expected, target.unit);
  const period = target.statusPeriod ? ` (${shortPeriodLabel(target.statusPeriod)})` : '';
  return `${actual} against ${expected} expected${period}`;
}

function item(target: TargetSummaryDto, themeTitle: string): ExceptionItem {
  const update = target.update;
  return {
    code: target.code,
    title: target.title,
    themeTitle,
    status: status(target.rag),
    reason: reason(target),
    figures: figures(target),
    commentary: update?.commentary?.trim() || 'No commentary was given with the return.',
    risks: update?.risks?.trim() || 'None recorded.',
    nextActions: update?.nextActions?.trim() || 'None recorded.',
    lead: leadName(target),
    officer: officerLine(target),
  };
}

export function exceptionsSection(
  summary: StrategySummaryDto,
  exceptions: readonly TargetSummaryDto[],
): ExceptionsSection {
  const themeTitles = new Map(summary.themes.map((t) => [t.id, t.title]));
  return {
    kind: 'exceptions',
    heading: 'Exceptions',
    description:
      exceptions.length === 0
        ? 'No target is red and none is worse than last quarter.'
        : 'Every target that is red, or worse than last quarter, with what its lead partnership ' +
          'reported about it: red targets first, then those that worsened.',
    items: exceptions.map((t) => item(t, themeTitles.get(t.themeId) ?? '')),
  };
}
