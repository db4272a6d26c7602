/**
 * Line breaking for table cells and chart labels. pdfkit's own wrapper would run twice per cell
 * (once to measure the row, once to draw it) and dominates the time of a county-sized pack; here
 * each cell is broken once, from pdfkit's cached word widths, and its lines drawn without wrapping.
 */
import type { Doc } from './writer';

const ELLIPSIS = '…';

/**
 * The longest start of `word` that fits, and the rest: for e-mail addresses wider than a column.
 * Widths are summed per character, because measuring every prefix would shape each as a new word;
 * a break after `@`, `.` or `-` is preferred when there is one, so an address splits where it reads well.
 */
function splitWord(doc: Doc, word: string, width: number): [string, string] {
  const chars = [...word];
  let end = 0;
  let used = 0;
  let preferred = 0;
  while (end < chars.length - 1) {
    const next = used + doc.widthOfString(chars[end]);
    if (next > width && end > 0) break;
    used = next;
    if ('@.-'.includes(chars[end])) preferred = end + 1;
    end++;
  }
  const at = preferred > 0 ? preferred : Math.max(1, end);
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

/** Character by character, for the same reason as splitWord. */
function shorten(doc: Doc, line: string, width: number): string {
  const chars = [...line.trimEnd()];
  let used = doc.widthOfString(ELLIPSIS);
  let end = 0;
  while (end < chars.length && used + doc.widthOfString(chars[end]) <= width) used += doc.widthOfString(chars[end++]);
  return chars.slice(0, end).join('').trimEnd() + ELLIPSIS;
}

/**
 * Words are measured with the space that follows them, as pdfkit splits a line when drawing it,
 * so that each word is shaped once per document and then found in pdfkit's cache.
 */
function breakParagraph(doc: Doc, paragraph: string, width: number, space: number, out: string[]): void {
  let line = '';
  let lineWidth = 0;
  for (const word of paragraph.split(' ').filter((w) => w.length > 0)) {
    const wordWidth = doc.widthOfString(`${word} `) - space;
    if (line && lineWidth + space + wordWidth <= width) {
      line += `${word} `;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line) out.push(line);
    [line, lineWidth] = [`${word} `, wordWidth];
    while (lineWidth > width && line.length > 2) {
      const [head, rest] = splitWord(doc, line.trimEnd(), width);
      out.push(head);
      [line, lineWidth] = [`${rest} `, doc.widthOfString(`${rest} `) - space];
    }
  }
  out.push(line);
}

/**
 * `text` broken into lines no wider than `width` in the current font; explicit newlines are kept.
 * Lines end in a space, which keeps words apart for screen readers and text extraction. Beyond
 * `maxLines` the last line kept ends in an ellipsis.
 */
export function breakLines(doc: Doc, text: string, width: number, maxLines = Infinity): string[] {
  const space = doc.widthOfString(' ');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) breakParagraph(doc, paragraph, width, space, lines);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = shorten(doc, kept[kept.length - 1], width);
  return kept;
}

/** Draws lines from the top-left corner (x, y), `leading` points apart. */
export function drawLines(doc: Doc, lines: readonly string[], x: number, y: number, leading: number): void {
  lines.forEach((line, i) => {
    if (line.length > 0) doc.text(line, x, y + i * leading, { lineBreak: false });
  });
}
