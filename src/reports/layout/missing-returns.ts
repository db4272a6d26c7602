import type { MissingReturnDto, StrategySummaryDto } from '../../summary/summary.dto';
import { comparePeriods } from '../../domain/period';
import type { MissingReturnRow, MissingReturnsSection } from './report-layout';
import { compareCodes } from '../../domain/codes';
import type { ReportWords } from './words';

function byPartnershipThenTarget(a: MissingReturnDto, b: MissingReturnDto): number {
  return (
    a.partnershipName.localeCompare(b.partnershipName, 'en-GB') ||
    compareCodes(a.code, b.code) ||
    comparePeriods(a.period, b.period)
  );
}

function row(missing: MissingReturnDto, words: ReportWords): MissingReturnRow {
  return {
    partnership: missing.partnershipName,
    officer: missing.officerName,
    officerEmail: missing.officerEmail,
    code: missing.code,
    title: missing.title,
    period: words.shortPeriod(missing.period),
    state: words.returnState[missing.state],
    deadline: deadlineLabel(missing, words),
  };
}

function deadlineLabel(missing: MissingReturnDto, words: ReportWords): string {
  if (missing.deadlineState === 'overdue') return words.deadline.overdue(missing.daysOverdue);
  if (missing.daysLeft === 0) return words.deadline.dueToday;
  if (missing.deadlineState === 'due-soon') return words.deadline.dueIn(missing.daysLeft ?? 0);
  return words.deadline.dueOn(words.date(new Date(`${missing.deadline}T00:00:00Z`)));
}

export function missingReturnsSection(summary: StrategySummaryDto, words: ReportWords): MissingReturnsSection {
  const rows = [...summary.missingReturns].sort(byPartnershipThenTarget).map((m) => row(m, words));
  const late = summary.lateReturns.map((l) => ({ code: l.code, daysLate: l.daysLate }));
  return {
    kind: 'missing-returns',
    heading: words.labels.missingReturns,
    description:
      words.missingDescription(rows.length > 0, words.periodLabel(summary.period)) +
      (rows.length > 0 ? words.dueBy(words.date(new Date(`${summary.returnDeadline.deadline}T00:00:00Z`))) : '') +
      (late.length > 0 ? words.lateReturns(late) : ''),
    rows,
  };
}
