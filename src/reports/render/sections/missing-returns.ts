import type { MissingReturnRow, MissingReturnsSection } from '../../layout/report-layout';
import { FONT, GREY } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

const COLUMNS: Column<MissingReturnRow>[] = [
  { header: 'Partnership', weight: 24, text: (r) => r.partnership, font: FONT.condensedBold },
  { header: 'Accountable officer', weight: 23, text: (r) => `${r.officer}\n${r.officerEmail}` },
  { header: 'Target', weight: 26, text: (r) => `${r.code}  ${r.title}` },
  { header: 'Period', weight: 10, text: (r) => r.period },
  { header: 'Return', weight: 10, text: (r) => r.state },
  { header: 'Deadline', weight: 11, text: (r) => r.deadline },
];

export function drawMissingReturns(w: ReportWriter, missing: MissingReturnsSection): void {
  const section = w.section(w.root, missing.heading);
  w.heading(section, 1, missing.heading);
  w.paragraph(section, missing.description, { colour: GREY.muted }, 10);
  if (missing.rows.length > 0) drawTable(w, section, COLUMNS, missing.rows, missing.heading);
  section.end();
}
