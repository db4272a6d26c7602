/**
 * Tables that split across pages: rows are laid out before they are drawn, a row that does not
 * fit starts a new page under a repeated header row, and a row taller than a page is cut short
 * with an ellipsis rather than running off it. The first header row is the tagged one; its
 * repeats are pagination artifacts, so a screen reader meets one table with one header.
 */
import type { Status } from '../layout/report-layout';
import { legibleTextOn } from '../templates/colours';
import { breakLines, drawLines } from './lines';
import { drawRagMarker } from './rag-marker';
import { FONT, type FontName, GREY, SIZE } from './style';
import type { ReportWriter, Struct } from './writer';

export interface Column<Row> {
  header: string;
  /** Relative width; columns share the text column's width in proportion. */
  weight: number;
  text(row: Row): string;
  /** Drawn as a status shape before the text. */
  status?(row: Row): Status;
  font?: FontName;
}

const PAD = 3.5;
const LEADING_GAP = 0;
const MARKER = 6.5;
const MARKER_INDENT = MARKER + 4;

const TH_OPTIONS: PDFKit.Mixins.StructureElementOptions & { scope: 'Column' } = { scope: 'Column' };

interface Cell {
  x: number;
  width: number;
  indent: number;
}

/** A row broken into lines, ready to draw. */
interface RowLayout {
  lines: string[][];
  height: number;
}

class TableDrawer<Row> {
  private readonly cells: Cell[];
  private readonly leading: number;
  private readonly maxLines: number;
  private readonly header: RowLayout;

  constructor(
    private readonly w: ReportWriter,
    private readonly columns: readonly Column<Row>[],
  ) {
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    let x = w.left;
    this.cells = columns.map((c) => {
      const width = (c.weight / total) * w.width;
      const cell = { x, width, indent: c.status ? MARKER_INDENT : 0 };
      x += width;
      return cell;
    });
    this.leading = w.lineHeight({ size: SIZE.table }) + LEADING_GAP;
    this.header = this.layout(columns.map((c) => c.header), () => FONT.condensedBold, () => 0, Infinity);
    // Room left on a fresh page under the continuation label and the header row.
    this.maxLines = Math.floor((w.bottom - w.top - this.header.height - 2 * PAD - 24) / this.leading);
  }

  private layout(texts: readonly string[], font: (i: number) => FontName, indent: (i: number) => number, maxLines: number): RowLayout {
    const lines = texts.map((text, i) => {
      this.w.style({ font: font(i), size: SIZE.table });
      return breakLines(this.w.doc, text, this.cells[i].width - 2 * PAD - indent(i), maxLines);
    });
    const count = Math.max(...lines.map((l) => l.length));
    return { lines, height: count * this.leading + 2 * PAD };
  }

  private rowLayout(row: Row): RowLayout {
    return this.layout(
      this.columns.map((c) => c.text(row)),
      (i) => this.columns[i].font ?? FONT.condensed,
      (i) => this.cells[i].indent,
      this.maxLines,
    );
  }

  private cellText(i: number, lines: readonly string[], y: number, font: FontName, colour: string, indent: number): void {
    this.w.style({ font, size: SIZE.table, colour });
    drawLines(this.w.doc, lines, this.cells[i].x + PAD + indent, y + PAD, this.leading);
  }

  private drawHeader(group: Struct | null): void {
    const { doc, colours } = this.w;
    const y = doc.y;
    const { lines, height } = this.header;
    const ink = legibleTextOn(colours.primary);
    this.w.artifact(() => {
      doc.save().rect(this.w.left, y, this.w.width, height).fill(colours.primary).restore();
    });
    const text = (i: number) => () => this.cellText(i, lines[i], y, FONT.condensedBold, ink, 0);
    if (group) {
      const tr = doc.struct('TR');
      group.add(tr);
      this.columns.forEach((_, i) => tr.add(doc.struct('TH', TH_OPTIONS, [text(i)])));
      tr.end();
    } else {
      this.w.artifact(() => this.columns.forEach((_, i) => text(i)()), 'Pagination');
    }
    doc.y = y + height;
  }

  private drawRow(body: Struct, row: Row, { lines, height }: RowLayout, index: number): void {
    const { doc, colours } = this.w;
    const y = doc.y;
    this.w.artifact(() => {
      doc.save();
      if (index % 2 === 1) doc.rect(this.w.left, y, this.w.width, height).fill(GREY.band);
      doc
        .moveTo(this.w.left, y + height)
        .lineTo(this.w.left + this.w.width, y + height)
        .lineWidth(0.5)
        .strokeColor(GREY.rule)
        .stroke();
      this.columns.forEach((c, i) => {
        const status = c.status?.(row);
        if (status) drawRagMarker(doc, status.rag, this.cells[i].x + PAD + MARKER / 2, y + PAD + this.leading / 2, MARKER);
      });
      doc.restore();
    });
    const tr = doc.struct('TR');
    body.add(tr);
    this.columns.forEach((c, i) => {
      const draw = () => this.cellText(i, lines[i], y, c.font ?? FONT.condensed, colours.text, this.cells[i].indent);
      tr.add(doc.struct('TD', {}, [draw]));
    });
    tr.end();
    doc.y = y + height;
  }

  /** Names the table again at the top of a continuation page; an artifact, like the repeated header. */
  private drawContinued(label: string): void {
    const { doc, colours } = this.w;
    const y = doc.y;
    const style = { font: FONT.bold, size: SIZE.h3, colour: colours.primary };
    this.w.artifact(() => this.w.line(`${label} (${this.w.labels.continued})`, this.w.left, y, style), 'Pagination');
    doc.y = y + this.w.lineHeight(style) + 4;
  }

  draw(parent: Struct, rows: readonly Row[], continuedLabel: string): void {
    const { doc } = this.w;
    const layouts = rows.map((r) => this.rowLayout(r));
    this.w.ensureSpace(this.header.height + (layouts[0]?.height ?? 0));
    const table = doc.struct('Table');
    parent.add(table);
    const head = doc.struct('THead');
    table.add(head);
    this.drawHeader(head);
    head.end();
    const body = doc.struct('TBody');
    table.add(body);
    rows.forEach((row, index) => {
      if (doc.y + layouts[index].height > this.w.bottom) {
        this.w.newPage();
        this.drawContinued(continuedLabel);
        this.drawHeader(null);
      }
      this.drawRow(body, row, layouts[index], index);
    });
    body.end();
    table.end();
  }
}

/** `continuedLabel` names the table at the top of each page it continues on. */
export function drawTable<Row>(
  w: ReportWriter,
  parent: Struct,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  continuedLabel: string,
): void {
  new TableDrawer(w, columns).draw(parent, rows, continuedLabel);
  w.moveDown(10);
}
