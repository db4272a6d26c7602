import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/**
 * pdf.js (inside pdf-parse) loads its worker as an ES module, which Jest's sandbox cannot do, so
 * text is extracted by pdf-parse in a plain Node process.
 */
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ pages: text.pages.map((p) => p.text), info: info.info }));
});`;

export interface Extracted {
  pages: string[];
  info: Record<string, unknown>;
}

export function extractPdf(pdf: Buffer): Extracted {
  const out = execFileSync(process.execPath, ['-e', EXTRACT], { input: pdf, cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as Extracted;
}

/** Extracted text keeps the pack's line breaks; assertions read it as running text. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Page numbers (0-based) of each section, found by the heading each section's first page opens with. */
export function sectionPages(pages: readonly string[], headings: readonly string[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  let current: string | undefined;
  pages.forEach((text, page) => {
    const first = text.trimStart().split('\n')[0].trim();
    if (headings.includes(first)) current = first;
    if (current) result.set(current, [...(result.get(current) ?? []), page]);
  });
  return result;
}


/** pdf.js's structure tree of every page (what a screen reader is given), in a plain Node process as above. */
const STRUCTURE = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push(await (await doc.getPage(i)).getStructTree());
  await doc.destroy();
  process.stdout.write(JSON.stringify(pages));
});`;

export function extractStructure(pdf: Buffer): unknown[] {
  const out = execFileSync(process.execPath, ['-e', STRUCTURE], { input: pdf, cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as unknown[];
}
