/**
 * Writing tagged content onto buffered pages: every mark on a page is either inside a structure
 * element (heading, paragraph, table cell, figure) or an artifact, so screen readers get the
 * pack's logical order and skip the decoration.
 */
import type { ReportColours } from '../templates/report-template';
import { FONT, type FontName, SIZE } from './style';
import type { ReportLabels } from '../layout/report-layout';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export interface TextStyle {
  font?: FontName;
  size?: number;
  colour?: string;
  lineGap?: number;
}

const HEADING_SIZES = { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } as const;

export class ReportWriter {
  readonly root: Struct;

  constructor(
    readonly doc: Doc,
    readonly colours: ReportColours,
    /** The pack's fixed words, in its language. */
    readonly labels: ReportLabels,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get y(): number {
    return this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  moveDown(points: number): void {
    this.doc.y += points;
  }

  style({ font = FONT.regular, size = SIZE.body, colour = this.colours.text }: TextStyle = {}): this {
    this.doc.font(font).fontSize(size).fillColor(colour);
    return this;
  }

  lineHeight(style: TextStyle = {}): number {
    this.style(style);
    return this.doc.currentLineHeight(true) + (style.lineGap ?? 0);
  }

  /** One line of text, no wrapping: the fast path for labels and short cells. */
  line(text: string, x: number, y: number, style: TextStyle = {}): void {
    this.style(style).doc.text(text, x, y, { lineBreak: false });
  }

  /** One line centred on `cx`. */
  centred(text: string, cx: number, y: number, style: TextStyle = {}): void {
    const width = this.style(style).doc.widthOfString(text);
    this.doc.text(text, cx - width / 2, y, { lineBreak: false });
  }

  measure(text: string, width: number, style: TextStyle = {}): number {
    this.style(style);
    return this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
  }

  section(parent: Struct, title: string): Struct {
    const section = this.doc.struct('Sect', { title });
    parent.add(section);
    return section;
  }

  /** Adds a structure element whose content is whatever `draw` puts on the page. */
  tag(parent: Struct, type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    parent.add(this.doc.struct(type, options, [draw]));
  }

  /** Decoration that carries no meaning of its own (rules, bands, shapes beside a label). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A heading is never left alone at the foot of a page: `keepWithNext` points must fit after it. */
  heading(parent: Struct, level: 1 | 2 | 3, text: string, keepWithNext = 60): void {
    const style: TextStyle = { font: FONT.bold, size: HEADING_SIZES[level], colour: this.colours.primary };
    this.ensureSpace(this.measure(text, this.width, style) + keepWithNext);
    this.tag(parent, `H${level}`, () => {
      this.style(style).doc.text(text, this.left, this.doc.y, { width: this.width });
    });
    this.moveDown(level === 1 ? 8 : 4);
  }

  paragraph(parent: Struct, text: string, style: TextStyle = {}, gapAfter = 6): void {
    const lineGap = style.lineGap ?? 1.5;
    this.tag(parent, 'P', () => {
      this.style(style).doc.text(text, this.left, this.doc.y, { width: this.width, lineGap });
    });
    this.moveDown(gapAfter);
  }

  /** `Label: text` in one paragraph, the label in bold. */
  labelled(parent: Struct, label: string, text: string, gapAfter = 4): void {
    this.tag(parent, 'P', () => {
      this.style({ font: FONT.bold }).doc.text(`${label}: `, this.left, this.doc.y, {
        width: this.width,
        lineGap: 1.5,
        continued: true,
      });
      this.style().doc.text(text, { lineGap: 1.5 });
    });
    this.moveDown(gapAfter);
  }

  /** A horizontal accent rule across the text column. */
  rule(colour = this.colours.accent, weight = 1): void {
    const y = this.doc.y;
    this.artifact(() => {
      this.doc
        .save()
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(weight)
        .strokeColor(colour)
        .stroke()
        .restore();
    });
  }
}
