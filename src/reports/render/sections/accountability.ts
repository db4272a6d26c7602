import type { AccountabilitySection, AccountableTarget, ReportLabels } from '../../layout/report-layout';
import { FONT, GREY } from '../style';
import { type Column, drawTable } from '../table';
import type { ReportWriter } from '../writer';

const columns = (l: ReportLabels): Column<AccountableTarget>[] => [
  { header: l.code, weight: 9, text: (t) => t.code, font: FONT.condensedBold },
  { header: l.target, weight: 35, text: (t) => t.title },
  { header: l.accountableOfficer, weight: 25, text: (t) => t.officer },
  { header: l.supporting, weight: 22, text: (t) => t.supporting },
  { header: l.status, weight: 10, text: (t) => t.status.label, status: (t) => t.status },
];

export function drawAccountability(w: ReportWriter, accountability: AccountabilitySection): void {
  const section = w.section(w.root, accountability.heading);
  w.heading(section, 1, accountability.heading);
  w.paragraph(section, accountability.description, { colour: GREY.muted }, 12);
  const cols = columns(w.labels);
  for (const group of accountability.groups) {
    const sub = w.section(section, group.partnership);
    w.heading(sub, 2, group.partnership, 80);
    drawTable(w, sub, cols, group.targets, group.partnership);
    sub.end();
  }
  section.end();
}
