import type { MissingReturnDto, StrategySummaryDto } from '../../summary/summary.dto';
import { comparePeriods } from '../../domain/period';
import { formatReportDate, plural, shortPeriodLabel } from './format';
import type { MissingReturnRow, MissingReturnsSection } from './report-layout';
import { compareCodes } from '../../domain/codes';

const STATE_LABELS: Record<MissingReturnDto['state'], string> = {
  none: 'Not started',
  draft: 'Draft not submitted',
  returned: 'Returned for changes',
};

function byPartnershipThenTarget(a: MissingReturnDto, b: MissingReturnDto): number {
  return (
    a.partnershipName.localeCompare(b.partnershipName, 'en-GB') ||
    compareCodes(a.code, b.code) ||
    comparePeriods(a.period, b.period)
  );
}

function row(missing: MissingReturnDto): MissingReturnRow {
  return {
    partnership: missing.partnershipName,
    officer: missing.officerName,
    officerEmail: missing.officerEmail,
    code: missing.code,
    title: missing.title,
    period: shortPeriodLabel(missing.period),
    state: STATE_LABELS[missing.state],
    deadline: deadlineLabel(missing),
  };
}

function deadlineLabel(missing: MissingReturnDto): string {
  if (missing.deadlineState === 'overdue') return `${plural(missing.daysOverdue, 'day')} overdue`;
  if (missing.daysLeft === 0) return 'Due today';
  if (missing.deadlineState === 'due-soon') return `Due in ${plural(missing.daysLeft ?? 0, 'day')}`;
  return `Due ${formatReportDate(new Date(`${missing.deadline}T00:00:00Z`))}`;
}

function lateSentence(summary: StrategySummaryDto): string {
  const late = summary.lateReturns;
  if (late.length === 0) return '';
  const list = late.map((l) => `${l.code} (${plural(l.daysLate, 'day')})`).join(', ');
  return ` ${plural(late.length, 'return')} came in after the deadline: ${list}.`;
}

export function missingReturnsSection(summary: StrategySummaryDto): MissingReturnsSection {
  const rows = [...summary.missingReturns].sort(byPartnershipThenTarget).map(row);
  return {
    kind: 'missing-returns',
    heading: 'Missing returns',
    description:
      rows.length === 0
        ? `Every return due for ${summary.periodLabel} has been submitted.`
        : `Returns due for ${summary.periodLabel} that had not been submitted when this report was ` +
          `produced, by partnership, with the officer accountable for each. They were due by ` +
          `${formatReportDate(new Date(`${summary.returnDeadline.deadline}T00:00:00Z`))}.` +
          lateSentence(summary),
    rows,
  };
}
