import type { ExceptionItem, ExceptionsSection, ReportLabels } from '../../layout/report-layout';
import { breakLines, drawLines } from '../lines';
import { drawRagMarker } from '../rag-marker';
import { FONT, GREY, RAG_COLOURS, SIZE } from '../style';
import type { ReportWriter, Struct } from '../writer';

const BAR = 3;
const INDENT = 12;
const LABEL_WIDTH = 78;
const FIELD_GAP = 3;

/** The first field is the status, drawn with its shape. */
function fields(item: ExceptionItem, l: ReportLabels): Array<[string, string]> {
  return [
    [l.status, item.reason],
    [l.figures, item.figures],
    [l.theme, item.themeTitle],
    [l.lead, item.lead],
    [l.officer, item.officer],
    [l.commentary, item.commentary],
    [l.risks, item.risks],
    [l.nextActions, item.nextActions],
  ];
}

interface Laid {
  heading: string[];
  fields: Array<{ label: string; lines: string[] }>;
  height: number;
}

/** Broken into lines once, so the item can be kept on one page and then drawn without re-measuring. */
function lay(w: ReportWriter, item: ExceptionItem): Laid {
  const { doc } = w;
  const headingLeading = w.lineHeight({ font: FONT.bold, size: SIZE.h3 });
  const heading = breakLines(w.style({ font: FONT.bold, size: SIZE.h3 }).doc, `${item.code}  ${item.title}`, w.width - INDENT);
  const leading = w.lineHeight();
  w.style();
  const textWidth = w.width - INDENT - LABEL_WIDTH;
  const laid = fields(item, w.labels).map(([label, text]) => ({ label, lines: breakLines(doc, text, textWidth) }));
  const body = laid.reduce((sum, f) => sum + f.lines.length * leading + FIELD_GAP, 0);
  return { heading, fields: laid, height: heading.length * headingLeading + 6 + body };
}

function drawItem(w: ReportWriter, parent: Struct, item: ExceptionItem): void {
  const { doc, colours } = w;
  const laid = lay(w, item);
  // Keep an item on one page when it can fit on one.
  w.ensureSpace(Math.min(laid.height, w.bottom - w.top));
  const top = doc.y;
  const page = doc.page;
  const section = w.section(parent, `${item.code} ${item.title}`);
  const left = w.left + INDENT;
  const headingLeading = w.lineHeight({ font: FONT.bold, size: SIZE.h3 });
  w.tag(section, 'H2', () => {
    w.style({ font: FONT.bold, size: SIZE.h3, colour: colours.primary });
    drawLines(doc, laid.heading, left, top, headingLeading);
  });
  doc.y = top + laid.heading.length * headingLeading + 6;
  const leading = w.lineHeight();
  laid.fields.forEach((field, index) => {
    if (doc.y + leading > w.bottom) w.newPage();
    const y = doc.y;
    if (index === 0) {
      w.artifact(() => drawRagMarker(doc, item.status.rag, left + LABEL_WIDTH - 8, y + leading / 2, 7.5));
    }
    w.tag(section, 'P', () => {
      w.style({ font: FONT.bold, size: SIZE.body, colour: GREY.muted });
      drawLines(doc, [`${field.label}: `], left, y, leading);
      w.style();
      drawLines(doc, field.lines, left + LABEL_WIDTH, y, leading);
    });
    doc.y = y + field.lines.length * leading + FIELD_GAP;
  });
  section.end();
  const bottom = doc.y - FIELD_GAP;
  if (doc.page === page) {
    w.artifact(() => doc.save().rect(w.left, top, BAR, bottom - top).fill(RAG_COLOURS[item.status.rag]).restore());
  }
  w.moveDown(14);
}

export function drawExceptions(w: ReportWriter, exceptions: ExceptionsSection): void {
  const section = w.section(w.root, exceptions.heading);
  w.heading(section, 1, exceptions.heading);
  w.paragraph(section, exceptions.description, { colour: GREY.muted }, 12);
  for (const item of exceptions.items) drawItem(w, section, item);
  section.end();
}
