/**
 * Measured shortcuts through pdfkit internals: `npm run bench:pdfkit` renders the county pack
 * in fresh processes with and without them. The output is byte for byte what pdfkit itself writes
 * with kerning and ligatures off, a valid tagged PDF with the same text, and reflows a line here
 * and there against pdfkit's kerned default (pdfkit-speed.spec.ts checks all three). Each
 * shortcut falls back to pdfkit's own path for anything it does not handle.
 *
 * 1. Text layout. pdfkit shapes every distinct word through fontkit's OpenType machinery and
 *    joins the words' glyph arrays one by one. For Latin, Greek and Cyrillic text, punctuation
 *    and symbols, one glyph per character with its advance width draws the same letters
 *    (precomposed Welsh ŵ ŷ included), without kerning or ligatures. Anything else (combining
 *    marks, right-to-left or complex scripts, characters outside the Basic Multilingual Plane, a
 *    character the font lacks) is shaped as before.
 * 2. Writing. pdfkit turns every drawing operator, and every line of the file, into its own
 *    byte array, byte by byte in JavaScript; here a stream's operators are kept as text and
 *    turned into bytes once, and the file's lines are encoded natively (the same Latin-1 bytes).
 *
 * They reach into private fields, so they are tied to the pdfkit version they were checked
 * against (package.json pins it exactly). On any other version they switch off, with one warning.
 */
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The pdfkit versions the shortcuts were checked against (by pdfkit-speed.spec.ts). */
export const VERIFIED_PDFKIT_VERSIONS: readonly string[] = ['0.20.2'];

/** The installed pdfkit's version (its package.json is not among its exports, so read from disk). */
export function installedPdfkitVersion(): string {
  const main = require.resolve('pdfkit');
  const manifest = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Whether the shortcuts may run against pdfkit `version`, decided on the first call: on a version
 * they were not checked against, false, with one warning (not one per report).
 */
export function speedPatchGuard(version: string, warn: (message: string) => void): () => boolean {
  let decided: boolean | undefined;
  return () => {
    if (decided === undefined) {
      decided = VERIFIED_PDFKIT_VERSIONS.includes(version);
      if (!decided) {
        warn(
          `pdfkit ${version} is not a version the PDF speed shortcuts were checked against (${VERIFIED_PDFKIT_VERSIONS.join(', ')}); ` +
            'rendering with pdfkit\'s own, slower path. Check them (npm test -- pdfkit-speed) and add the version to VERIFIED_PDFKIT_VERSIONS.',
        );
      }
    }
    return decided;
  };
}

/** For the installed pdfkit. */
export const speedPatchesApply = speedPatchGuard(installedPdfkitVersion(), (message) => new Logger('ReportRenderer').warn(message));

interface Glyph {
  id: number;
  advanceWidth: number;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface Layout {
  glyphs: Glyph[] | null;
  positions: Position[] | null;
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont, as far as it is used here. */
export interface EmbeddedFont {
  scale: number;
  font: { glyphForCodePoint(codePoint: number): Glyph };
  layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
}

/** Latin to Cyrillic without combining marks, Latin Extended Additional, punctuation to geometric shapes. */
function drawnOneForOne(code: number): boolean {
  return (
    code < 0x0300 ||
    (code >= 0x0370 && code < 0x0483) ||
    (code >= 0x048a && code < 0x0530) ||
    (code >= 0x1e00 && code < 0x1f00) ||
    (code >= 0x2000 && code < 0x2c00)
  );
}

export function useOneGlyphPerCharacter(embedded: EmbeddedFont): void {
  const shape = embedded.layout.bind(embedded);
  const known = new Map<number, { glyph: Glyph; advance: number }>();
  embedded.layout = (text, features, onlyWidth) => {
    if (features) return shape(text, features, onlyWidth);
    const glyphs: Glyph[] | null = onlyWidth ? null : [];
    const positions: Position[] | null = onlyWidth ? null : [];
    let advanceWidth = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let entry = known.get(code);
      if (entry === undefined) {
        if (!drawnOneForOne(code)) return shape(text, features, onlyWidth);
        const glyph = embedded.font.glyphForCodePoint(code);
        if (glyph.id === 0) return shape(text, features, onlyWidth);
        entry = { glyph, advance: glyph.advanceWidth * embedded.scale };
        known.set(code, entry);
      }
      advanceWidth += entry.advance;
      if (glyphs && positions) {
        glyphs.push(entry.glyph);
        positions.push({ xAdvance: entry.advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: entry.advance });
      }
    }
    return { glyphs, positions, advanceWidth };
  };
}

/**
 * pdfkit's own shaping with what the shortcut above leaves out (kerning, ligatures) switched off:
 * the reference the shortcuts are checked against, not used to render reports.
 */
export function shapeWithoutKerning(embedded: EmbeddedFont): void {
  const shape = embedded.layout.bind(embedded);
  embedded.layout = (text, features, onlyWidth) => shape(text, features ?? { kern: false, liga: false }, onlyWidth);
}

/** pdfkit's PDFReference (an indirect object with a stream), as far as it is used here. */
interface Reference {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
  pendingText?: string[];
}

interface Pending {
  pendingText?: string[];
  plainWrite: Reference['write'];
  plainFinalize: Reference['finalize'];
}

function flushText(ref: Reference & Pending): void {
  if (!ref.pendingText?.length) return;
  const text = ref.pendingText.join('\n') + '\n';
  ref.pendingText = [];
  ref.plainWrite(Buffer.from(text, 'latin1'));
}

function batchedWrite(this: Reference & Pending, chunk: string | Uint8Array): void {
  if (typeof chunk === 'string') {
    (this.pendingText ??= []).push(chunk);
    return;
  }
  flushText(this);
  this.plainWrite(chunk);
}

function batchedFinalize(this: Reference & Pending): void {
  flushText(this);
  this.plainFinalize();
}

/** Every reference the document creates from now on batches its stream's text (this document only). */
export function batchStreamWrites(doc: { ref(data?: unknown): Reference }): void {
  const ref = doc.ref.bind(doc);
  doc.ref = (data?: unknown) => {
    const reference = ref(data) as Reference & Pending;
    reference.plainWrite = reference.write;
    reference.plainFinalize = reference.finalize;
    reference.write = batchedWrite;
    reference.finalize = batchedFinalize;
    return reference;
  };
}

/** pdfkit's document, as far as its writer is concerned. */
interface DocumentWriter {
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array): boolean;
}

export function encodeLinesNatively(doc: DocumentWriter): void {
  doc._write = function (this: DocumentWriter, data: string | Uint8Array) {
    const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
    this.push(bytes);
    this._offset += bytes.length;
  };
}
