/**
 * The status shapes: a filled circle for green, a triangle for amber, a square for red and an open
 * circle for no data, so that status survives greyscale printing and colour blindness.
 */
import type { RagOrNoData } from '../../domain/status';
import { RAG_COLOURS } from './style';
import type { Doc } from './writer';

/** Draws the marker for `rag` centred on (cx, cy), `size` points across. */
export function drawRagMarker(doc: Doc, rag: RagOrNoData, cx: number, cy: number, size: number): void {
  const r = size / 2;
  const colour = RAG_COLOURS[rag];
  doc.save();
  switch (rag) {
    case 'green':
      doc.circle(cx, cy, r).fill(colour);
      break;
    case 'amber':
      doc.polygon([cx, cy - r * 1.1], [cx + r * 1.15, cy + r * 0.9], [cx - r * 1.15, cy + r * 0.9]).fill(colour);
      break;
    case 'red':
      doc.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7).fill(colour);
      break;
    case 'no-data':
      doc.circle(cx, cy, r * 0.8).lineWidth(Math.max(0.8, size / 7)).stroke(colour);
      break;
  }
  doc.restore();
}
