/**
 * Running header and footer, written once every page exists so that "Page X of Y" knows Y.
 * Both are pagination artifacts: they repeat on every page and are not part of the reading order.
 */
import type { ReportLayout } from '../layout/report-layout';
import { FONT, GREY, SIZE } from './style';
import type { ReportWriter } from './writer';

const HEADER_TEXT_Y = 28;
const HEADER_RULE_Y = 44;
const FOOTER_RULE_GAP = 40;
const FOOTER_TEXT_GAP = 33;

function drawOnPage(w: ReportWriter, layout: ReportLayout, page: number, pages: number): void {
  const { doc, colours } = w;
  const half = w.width / 2;
  const period = layout.scopeLabel ? `${layout.periodLabel} · ${layout.scopeLabel}` : layout.periodLabel;
  const footerRuleY = doc.page.height - FOOTER_RULE_GAP;
  const footerTextY = doc.page.height - FOOTER_TEXT_GAP;
  const pageLabel = layout.labels.page.replace('{page}', String(page)).replace('{pages}', String(pages));

  w.style({ font: FONT.bold, size: SIZE.small + 0.5, colour: colours.primary });
  doc.text(layout.title, w.left, HEADER_TEXT_Y, { width: half - 6, height: 10, ellipsis: true });
  w.style({ size: SIZE.small + 0.5, colour: GREY.muted });
  doc.text(period, w.left + half + 6, HEADER_TEXT_Y, { width: half - 6, height: 10, ellipsis: true, align: 'right' });
  doc.save().moveTo(w.left, HEADER_RULE_Y).lineTo(w.left + w.width, HEADER_RULE_Y).lineWidth(0.75).strokeColor(colours.accent).stroke().restore();

  doc.save().moveTo(w.left, footerRuleY).lineTo(w.left + w.width, footerRuleY).lineWidth(0.5).strokeColor(GREY.rule).stroke().restore();
  const pageWidth = doc.widthOfString(pageLabel);
  doc.text(layout.strategyTitle, w.left, footerTextY, { width: w.width - pageWidth - 20, height: 10, ellipsis: true });
  doc.text(pageLabel, w.left + w.width - pageWidth, footerTextY, { lineBreak: false });
}

export function drawPageFurniture(w: ReportWriter, layout: ReportLayout): void {
  const { doc } = w;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Footer text sits below the bottom margin; without this pdfkit would start a new page for it.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    w.artifact(() => drawOnPage(w, layout, i - start + 1, count), 'Pagination');
    doc.page.margins.bottom = margin;
  }
}
