import type { ExecutiveSummarySection } from '../../layout/report-layout';
import { drawStackedBars, drawStatusColumns } from '../charts';
import { FONT, GREY, SIZE } from '../style';
import type { ReportWriter, Struct } from '../writer';

function bulletList(w: ReportWriter, parent: Struct, items: readonly string[]): void {
  const { doc } = w;
  const list = doc.struct('L');
  parent.add(list);
  const indent = 14;
  for (const text of items) {
    const y = doc.y;
    w.artifact(() => {
      doc.save().circle(w.left + 4, y + 7, 2).fill(w.colours.accent).restore();
    });
    const item = doc.struct('LI');
    list.add(item);
    w.tag(item, 'LBody', () => {
      w.style().doc.text(text, w.left + indent, y, { width: w.width - indent, lineGap: 1.5 });
    });
    item.end();
    w.moveDown(4);
  }
  list.end();
}

export function drawExecutiveSummary(w: ReportWriter, summary: ExecutiveSummarySection): void {
  const section = w.section(w.root, summary.heading);
  w.heading(section, 1, summary.heading);
  bulletList(w, section, summary.headlines);
  w.moveDown(6);

  w.heading(section, 2, w.labels.statusOfAll, 150);
  drawStatusColumns(w, section, summary.overallChart.bars[0], summary.overallChart.alt);
  w.moveDown(8);

  w.heading(section, 2, w.labels.statusByTheme, 80);
  drawStackedBars(w, section, summary.themeChart);
  w.moveDown(10);

  w.heading(section, 2, w.labels.sinceLastQuarter);
  bulletList(w, section, summary.movement.sentences);
  if (summary.themesWithoutTargetsSentence) {
    w.moveDown(4);
    w.paragraph(
      section,
      summary.themesWithoutTargetsSentence,
      { size: SIZE.table + 0.5, colour: GREY.muted, font: FONT.regular },
    );
  }
  section.end();
}
