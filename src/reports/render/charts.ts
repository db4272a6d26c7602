/**
 * Vector charts, each a tagged Figure with the layout's words as its alternative text. Status is
 * never shown by colour alone: every coloured mark sits beside a status shape, word or count.
 */
import type { RagBar, RagChart, RagSegment, TrendChart, TrendPoint } from '../layout/report-layout';
import { legibleTextOn } from '../templates/colours';
import { breakLines, drawLines } from './lines';
import { drawRagMarker } from './rag-marker';
import { FONT, GREY, RAG_COLOURS, SIZE } from './style';
import type { ReportWriter, Struct } from './writer';

function figure(w: ReportWriter, parent: Struct, alt: string, height: number, draw: (top: number) => void): void {
  w.ensureSpace(height);
  const top = w.y;
  w.tag(parent, 'Figure', () => draw(top), { alt });
  w.doc.y = top + height;
}

function legend(w: ReportWriter, segments: readonly RagSegment[], x: number, y: number): void {
  let at = x;
  for (const s of segments) {
    drawRagMarker(w.doc, s.rag, at + 4, y + 5.5, 8);
    w.line(s.label, at + 11, y, { font: FONT.condensed, size: SIZE.small + 0.5 });
    at += 11 + w.doc.widthOfString(s.label) + 14;
  }
}

/** The whole strategy: one column per status, its count above and its shape and word below. */
export function drawStatusColumns(w: ReportWriter, parent: Struct, bar: RagBar, alt: string): void {
  const height = 150;
  figure(w, parent, alt, height, (top) => {
    const { doc } = w;
    const slot = Math.min(110, w.width / bar.segments.length);
    const barWidth = 40;
    const base = top + height - 30;
    const plot = height - 56;
    const max = Math.max(1, ...bar.segments.map((s) => s.count));
    doc.save().moveTo(w.left, base).lineTo(w.left + slot * bar.segments.length, base).lineWidth(0.75).strokeColor(GREY.rule).stroke().restore();
    bar.segments.forEach((s, i) => {
      const cx = w.left + slot * i + slot / 2;
      const h = (s.count / max) * plot;
      if (s.count > 0) doc.save().rect(cx - barWidth / 2, base - h, barWidth, h).fill(RAG_COLOURS[s.rag]).restore();
      w.centred(String(s.count), cx, base - h - 16, { font: FONT.condensedBold, size: SIZE.h3 });
      const labelWidth = w.style().doc.widthOfString(s.label);
      const start = cx - (labelWidth + 12) / 2;
      drawRagMarker(doc, s.rag, start + 4, base + 12, 8.5);
      w.line(s.label, start + 12, base + 5);
    });
  });
}

function stackedRowHeight(w: ReportWriter, label: string, labelWidth: number): number {
  const lines = breakLines(w.style({ font: FONT.condensed, size: SIZE.table }).doc, label, labelWidth).length;
  return Math.max(18, lines * (w.doc.currentLineHeight(true) - 0.8) + 6);
}

/** One 100% bar per theme, so themes of different sizes compare fairly; exact counts sit in columns on the right. */
export function drawStackedBars(w: ReportWriter, parent: Struct, chart: RagChart): void {
  const labelWidth = 150;
  const countWidth = 28;
  const countsWidth = countWidth * 5;
  const barX = w.left + labelWidth + 8;
  const barWidth = w.width - labelWidth - 8 - countsWidth - 10;
  const countsX = barX + barWidth + 10;
  const heights = chart.bars.map((b) => stackedRowHeight(w, b.label, labelWidth));
  const overallGap = 6;
  const height = 36 + heights.reduce((a, b) => a + b, 0) + overallGap;
  figure(w, parent, chart.alt, height, (top) => {
    const { doc } = w;
    const segments = chart.bars[0].segments;
    legend(w, segments, w.left, top);
    const headY = top + 18;
    segments.forEach((s, i) => drawRagMarker(doc, s.rag, countsX + countWidth * i + countWidth / 2, headY + 5, 7.5));
    w.centred(w.labels.total, countsX + countWidth * 4.5, headY, { font: FONT.condensedBold, size: SIZE.small });
    let y = top + 34;
    chart.bars.forEach((bar, index) => {
      const h = heights[index];
      const face = index === 0 ? FONT.condensedBold : FONT.condensed;
      w.style({ font: face, size: SIZE.table });
      drawLines(doc, breakLines(doc, bar.label, labelWidth), w.left, y + 3, doc.currentLineHeight(true) - 0.8);
      drawBar(w, bar, barX, y + (h - 12) / 2, barWidth, 12);
      [...bar.segments.map((s) => s.count), bar.total].forEach((count, i) => {
        const font = i === 4 || index === 0 ? FONT.condensedBold : FONT.condensed;
        w.centred(String(count), countsX + countWidth * (i + 0.5), y + (h - 11) / 2, { font, size: SIZE.table });
      });
      y += h + (index === 0 ? overallGap : 0);
      doc.save().moveTo(w.left, y - 1).lineTo(w.left + w.width, y - 1).lineWidth(0.4).strokeColor(GREY.gridline).stroke().restore();
    });
  });
}

function drawBar(w: ReportWriter, bar: RagBar, x: number, y: number, width: number, height: number): void {
  const { doc } = w;
  if (bar.total === 0) {
    doc.save().rect(x, y, width, height).lineWidth(0.5).stroke(GREY.rule).restore();
    return;
  }
  let at = x;
  for (const s of bar.segments) {
    const sw = (s.count / bar.total) * width;
    if (sw <= 0) continue;
    doc.save().rect(at, y, sw, height).fill(RAG_COLOURS[s.rag]).restore();
    // The shape inside each wide enough segment ties it to the legend without relying on colour.
    if (sw >= 14) drawMarkerOnFill(w, s, at + sw / 2, y + height / 2);
    at += sw;
  }
}

function drawMarkerOnFill(w: ReportWriter, s: RagSegment, cx: number, cy: number): void {
  const { doc } = w;
  const ink = legibleTextOn(RAG_COLOURS[s.rag]);
  doc.save();
  if (s.rag === 'green') doc.circle(cx, cy, 3).fill(ink);
  else if (s.rag === 'amber') doc.polygon([cx, cy - 3.3], [cx + 3.5, cy + 2.7], [cx - 3.5, cy + 2.7]).fill(ink);
  else if (s.rag === 'red') doc.rect(cx - 2.6, cy - 2.6, 5.2, 5.2).fill(ink);
  else doc.circle(cx, cy, 2.6).lineWidth(1).stroke(ink);
  doc.restore();
}

const TREND = { columns: 4, gap: 12, height: 84, plotTop: 24, plotHeight: 34 } as const;

function scale(points: readonly TrendPoint[]): (v: number) => number {
  const values = points.flatMap((p) => [p.expected, p.actual]).filter((v): v is number => v !== null);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (!(max > min)) {
    min -= 1;
    max += 1;
  }
  return (v) => (v - min) / (max - min);
}

function drawTrend(w: ReportWriter, chart: TrendChart, x: number, top: number, width: number): void {
  const { doc, colours } = w;
  w.line(chart.code, x, top, { font: FONT.condensedBold, size: SIZE.table });
  const statusWidth = w.style({ font: FONT.condensed, size: SIZE.small }).doc.widthOfString(chart.status.label);
  drawRagMarker(doc, chart.status.rag, x + width - statusWidth - 6, top + 5.5, 6.5);
  w.line(chart.status.label, x + width - statusWidth, top + 1, { font: FONT.condensed, size: SIZE.small });
  w.style({ font: FONT.condensed, size: SIZE.small, colour: GREY.muted });
  drawLines(doc, breakLines(doc, chart.title, width, 1), x, top + 11, 0);
  const plotTop = top + TREND.plotTop;
  const plotH = TREND.plotHeight;
  doc.save().rect(x, plotTop, width, plotH).lineWidth(0.4).stroke(GREY.gridline).restore();
  const points = chart.points;
  if (points.length > 0) {
    const fraction = scale(points);
    const px = (i: number) => x + 4 + (points.length === 1 ? (width - 8) / 2 : (i * (width - 8)) / (points.length - 1));
    const py = (v: number) => plotTop + plotH - 3 - fraction(v) * (plotH - 6);
    polyline(w, points.map((p, i) => (p.expected === null ? null : [px(i), py(p.expected)])), colours.primary, [2, 1.5]);
    const actual = points.map((p, i): [number, number] | null => (p.actual === null ? null : [px(i), py(p.actual)]));
    polyline(w, actual, colours.text);
    doc.save();
    actual.forEach((p) => p && doc.circle(p[0], p[1], 1.1));
    doc.fill(colours.text).restore();
    const last = actual[actual.length - 1];
    if (last) drawRagMarker(doc, chart.status.rag, last[0], last[1], 6);
  }
  const caption = chart.unitNote ? `${chart.caption} (${chart.unitNote})` : chart.caption;
  w.style({ font: FONT.condensed, size: SIZE.small });
  drawLines(doc, breakLines(doc, caption, width, 2), x, plotTop + plotH + 3, doc.currentLineHeight(true) - 1);
}

function polyline(w: ReportWriter, points: ReadonlyArray<[number, number] | null>, colour: string, dash?: [number, number]): void {
  const { doc } = w;
  if (points.every((p) => p === null)) return;
  doc.save().lineWidth(dash ? 0.9 : 1.1).strokeColor(colour);
  if (dash) doc.dash(dash[0], { space: dash[1] });
  let drawing = false;
  for (const p of points) {
    if (!p) {
      drawing = false;
      continue;
    }
    if (drawing) doc.lineTo(p[0], p[1]);
    else doc.moveTo(p[0], p[1]);
    drawing = true;
  }
  doc.stroke().restore();
}

/**
 * Small multiples, four to a row: a row never splits across pages, and a page the grid continues
 * on is labelled (as an artifact) so that the charts are not left without their theme.
 */
export function drawTrendGrid(w: ReportWriter, parent: Struct, charts: readonly TrendChart[], continuedLabel: string): void {
  const width = (w.width - TREND.gap * (TREND.columns - 1)) / TREND.columns;
  for (let start = 0; start < charts.length; start += TREND.columns) {
    const page = w.doc.page;
    w.ensureSpace(TREND.height);
    if (w.doc.page !== page) {
      const style = { font: FONT.bold, size: SIZE.h3, colour: w.colours.primary };
      const y = w.y;
      w.artifact(() => w.line(`${continuedLabel} (${w.labels.continued})`, w.left, y, style), 'Pagination');
      w.doc.y = y + w.lineHeight(style) + 6;
    }
    const top = w.y;
    charts.slice(start, start + TREND.columns).forEach((chart, i) => {
      const x = w.left + i * (width + TREND.gap);
      w.tag(parent, 'Figure', () => drawTrend(w, chart, x, top, width), { alt: chart.alt });
    });
    w.doc.y = top + TREND.height;
  }
}
