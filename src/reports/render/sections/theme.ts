import type { ReportLabels, TargetRow, ThemeSection } from '../../layout/report-layout';
import { drawTrendGrid } from '../charts';
import { FONT, GREY, SIZE } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

/** A second line for the period keeps figures and dates apart in narrow columns. */
const withPeriod = (figure: string, period: string | null) => (period ? `${figure}\n${period}` : figure);

const columns = (l: ReportLabels): Column<TargetRow>[] => [
  { header: l.code, weight: 38, text: (r) => r.code, font: FONT.condensedBold },
  { header: l.target, weight: 94, text: (r) => withPeriod(r.title, r.unitNote) },
  { header: l.leadPartnership, weight: 64, text: (r) => r.lead },
  { header: l.baseline, weight: 48, text: (r) => withPeriod(r.baseline, r.baselinePeriod) },
  { header: l.expected, weight: 48, text: (r) => withPeriod(r.expected, r.judgedPeriod) },
  { header: l.latestActual, weight: 48, text: (r) => withPeriod(r.actual, r.judgedPeriod) },
  { header: l.endTarget, weight: 48, text: (r) => withPeriod(r.target, r.targetPeriod) },
  { header: l.status, weight: 52, text: (r) => r.status.label, status: (r) => r.status },
  { header: l.travel, weight: 52, text: (r) => r.travel },
  { header: l.forecast, weight: 54, text: (r) => r.forecast },
];

export function drawThemeSection(w: ReportWriter, theme: ThemeSection): void {
  const section = w.section(w.root, theme.heading);
  w.heading(section, 1, theme.heading);
  w.paragraph(section, `${theme.kindLabel}. ${theme.summary}`, { colour: GREY.muted }, 8);
  drawTable(w, section, columns(w.labels), theme.rows, theme.heading);
  w.heading(section, 2, w.labels.trends, 110);
  w.paragraph(
    section,
    `${w.labels.trendKey} ${theme.trendSpan}`,
    { size: SIZE.small + 0.5, colour: GREY.muted },
    6,
  );
  drawTrendGrid(w, section, theme.trends, `${theme.heading}: ${w.labels.trendsOf}`);
  section.end();
}
