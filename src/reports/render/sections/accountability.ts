import type { AccountabilitySection, AccountableTarget } from '../../layout/report-layout';
import { FONT, GREY } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

const COLUMNS: Column<AccountableTarget>[] = [
  { header: 'Code', weight: 9, text: (t) => t.code, font: FONT.condensedBold },
  { header: 'Target', weight: 35, text: (t) => t.title },
  { header: 'Accountable officer', weight: 25, text: (t) => t.officer },
  { header: 'Supporting partnerships', weight: 22, text: (t) => t.supporting },
  { header: 'Status', weight: 10, text: (t) => t.status.label, status: (t) => t.status },
];

export function drawAccountability(w: ReportWriter, accountability: AccountabilitySection): void {
  const section = w.section(w.root, accountability.heading);
  w.heading(section, 1, accountability.heading);
  w.paragraph(section, accountability.description, { colour: GREY.muted }, 12);
  for (const group of accountability.groups) {
    const sub = w.section(section, group.partnership);
    w.heading(sub, 2, group.partnership, 80);
    drawTable(w, sub, COLUMNS, group.targets, group.partnership);
    sub.end();
  }
  section.end();
}
