import type { TargetRow, ThemeSection } from '../../layout/report-layout';
import { drawTrendGrid } from '../charts';
import { FONT, GREY, SIZE } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

/** A second line for the period keeps figures and dates apart in narrow columns. */
const withPeriod = (figure: string, period: string | null) => (period ? `${figure}\n${period}` : figure);

const COLUMNS: Column<TargetRow>[] = [
  { header: 'Code', weight: 38, text: (r) => r.code, font: FONT.condensedBold },
  { header: 'Target', weight: 94, text: (r) => withPeriod(r.title, r.unitNote) },
  { header: 'Lead partnership', weight: 64, text: (r) => r.lead },
  { header: 'Baseline', weight: 48, text: (r) => withPeriod(r.baseline, r.baselinePeriod) },
  { header: 'Expected', weight: 48, text: (r) => withPeriod(r.expected, r.judgedPeriod) },
  { header: 'Latest actual', weight: 48, text: (r) => withPeriod(r.actual, r.judgedPeriod) },
  { header: 'End target', weight: 48, text: (r) => withPeriod(r.target, r.targetPeriod) },
  { header: 'Status', weight: 52, text: (r) => r.status.label, status: (r) => r.status },
  { header: 'Direction of travel', weight: 52, text: (r) => r.travel },
  { header: 'Forecast', weight: 54, text: (r) => r.forecast },
];

export function drawThemeSection(w: ReportWriter, theme: ThemeSection): void {
  const section = w.section(w.root, theme.heading);
  w.heading(section, 1, theme.heading);
  w.paragraph(section, `${theme.kindLabel}. ${theme.summary}`, { colour: GREY.muted }, 8);
  drawTable(w, section, COLUMNS, theme.rows, theme.heading);
  w.heading(section, 2, 'Trends', 110);
  w.paragraph(
    section,
    `Dashed line: the expected trajectory. Solid line: approved figures, ending in the status shape. ${theme.trendSpan}`,
    { size: SIZE.small + 0.5, colour: GREY.muted },
    6,
  );
  drawTrendGrid(w, section, theme.trends, `${theme.heading}: trends`);
  section.end();
}
