import type { MissingReturnRow, MissingReturnsSection, ReportLabels } from '../../layout/report-layout';
import { FONT, GREY } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

const columns = (l: ReportLabels): Column<MissingReturnRow>[] => [
  { header: l.partnership, weight: 24, text: (r) => r.partnership, font: FONT.condensedBold },
  { header: l.accountableOfficer, weight: 23, text: (r) => `${r.officer}\n${r.officerEmail}` },
  { header: l.target, weight: 26, text: (r) => `${r.code}  ${r.title}` },
  { header: l.period, weight: 10, text: (r) => r.period },
  { header: l.return, weight: 10, text: (r) => r.state },
  { header: l.deadline, weight: 11, text: (r) => r.deadline },
];

export function drawMissingReturns(w: ReportWriter, missing: MissingReturnsSection): void {
  const section = w.section(w.root, missing.heading);
  w.heading(section, 1, missing.heading);
  w.paragraph(section, missing.description, { colour: GREY.muted }, 10);
  if (missing.rows.length > 0) drawTable(w, section, columns(w.labels), missing.rows, missing.heading);
  section.end();
}
