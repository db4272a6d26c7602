/**
 * The board pack as PDF: the only code that touches pdfkit. A4, tagged for screen readers, fonts
 * embedded, and deterministic: the same layout and template always give the same bytes, because
 * the document's dates (and the file ID pdfkit derives from them) come from the layout.
 */
import PDFDocument from 'pdfkit';
import type { LayoutSection, ReportLayout } from '../layout/report-layout';
import type { ReportTemplate } from '../templates/report-template';
import { reportFonts } from './fonts';
import { batchStreamWrites, EmbeddedFont, encodeLinesNatively, shapeWithoutKerning, speedPatchesApply, useOneGlyphPerCharacter } from './pdfkit-speed';
import { drawPageFurniture } from './page-furniture';
import { drawAccountability } from './sections/accountability';
import { drawCover } from './sections/cover';
import { drawExceptions } from './sections/exceptions';
import { drawExecutiveSummary } from './sections/executive-summary';
import { drawMissingReturns } from './sections/missing-returns';
import { drawForecasts } from './sections/forecasts';
import { drawThemeSection } from './sections/theme';
import { PAGE } from './style';
import { ReportWriter, type Struct } from './writer';

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function createDocument(layout: ReportLayout): PDFKit.PDFDocument {
  return new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: layout.language,
    displayTitle: true,
    info: {
      Title: `${layout.title}: ${layout.strategyTitle}, ${layout.periodLabel}`,
      Subject: layout.scopeLabel ? `${layout.strategyTitle} (${layout.scopeLabel})` : layout.strategyTitle,
      Creator: 'SCS tracker',
      CreationDate: layout.generatedAt,
      ModDate: layout.generatedAt,
    },
  });
}

/** The template's own text: tagged with its language when that is not the pack's (a template with no Welsh words). */
function drawParagraphs(w: ReportWriter, parent: Struct, heading: string, paragraphs: readonly string[], lang: string | null): void {
  if (paragraphs.length === 0) return;
  w.heading(parent, 2, heading);
  const into = lang ? w.doc.struct('Div', { lang }) : parent;
  if (into !== parent) parent.add(into);
  for (const text of paragraphs) w.paragraph(into, text, { lineGap: 2 }, 8);
  if (into !== parent) into.end();
}

function drawSection(w: ReportWriter, section: LayoutSection, template: ReportTemplate, layout: ReportLayout): void {
  switch (section.kind) {
    case 'cover': {
      const cover = drawCover(w, section, template.logo, layout.templateTextLanguage);
      drawParagraphs(w, cover, layout.labels.introduction, layout.intro, layout.templateTextLanguage);
      cover.end();
      return;
    }
    case 'executive-summary':
      return drawExecutiveSummary(w, section);
    case 'theme':
      return drawThemeSection(w, section);
    case 'exceptions':
      return drawExceptions(w, section);
    case 'missing-returns':
      return drawMissingReturns(w, section);
    case 'accountability':
      return drawAccountability(w, section);
    case 'forecasts':
      return drawForecasts(w, section);
  }
}

function outlineTitle(section: LayoutSection, layout: ReportLayout): string {
  return section.kind === 'cover' ? layout.title : section.heading;
}

export interface RenderOptions {
  /**
   * `shortcuts`: pdfkit-speed.ts's shortcuts (the default where the installed pdfkit is one they
   * were checked against); `pdfkit`: pdfkit's own path; `pdfkit-unkerned`: pdfkit's own path
   * without kerning and ligatures, which the shortcuts must match byte for byte.
   */
  path?: 'shortcuts' | 'pdfkit' | 'pdfkit-unkerned';
}

export async function renderReportPdf(layout: ReportLayout, template: ReportTemplate, options: RenderOptions = {}): Promise<Buffer> {
  const path = options.path ?? (speedPatchesApply() ? 'shortcuts' : 'pdfkit');
  const doc = createDocument(layout);
  if (path === 'shortcuts') {
    encodeLinesNatively(doc as unknown as Parameters<typeof encodeLinesNatively>[0]);
    batchStreamWrites(doc as unknown as Parameters<typeof batchStreamWrites>[0]);
  }
  const bytes = collect(doc);
  for (const [name, font] of reportFonts()) {
    doc.registerFont(name, font);
    // pdfkit's embedded font is only reachable through its private fields.
    const embedded = (doc.font(name) as unknown as { _font: EmbeddedFont })._font;
    if (path === 'shortcuts') useOneGlyphPerCharacter(embedded);
    if (path === 'pdfkit-unkerned') shapeWithoutKerning(embedded);
  }
  doc.addPage();
  const w = new ReportWriter(doc, template.colours, layout.labels);

  const hasCover = layout.sections[0]?.kind === 'cover';
  if (!hasCover) {
    const intro = w.section(w.root, layout.labels.introduction);
    drawParagraphs(w, intro, layout.labels.introduction, layout.intro, layout.templateTextLanguage);
    intro.end();
  }
  layout.sections.forEach((section, i) => {
    // Every section after the first opens a page; the first shares page one with the intro.
    if (i > 0) w.newPage();
    doc.outline.addItem(outlineTitle(section, layout));
    drawSection(w, section, template, layout);
  });
  const closing = w.section(w.root, layout.labels.closing);
  drawParagraphs(w, closing, layout.labels.closing, layout.closing, layout.templateTextLanguage);
  closing.end();

  drawPageFurniture(w, layout);
  w.root.end();
  doc.end();
  return bytes;
}
