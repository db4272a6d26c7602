/**
 * The speed shortcuts against pdfkit itself, on a county-sized pack (300 targets, 66 pages).
 * The layout shortcut gives up kerning and ligatures, so against pdfkit's own path with those
 * off, the shortcuts must write the very same file; the checks that read it (text page by page,
 * pdf.js's structure tree, qpdf) come first so that a failure says what broke. Against pdfkit's
 * kerned default, only line breaks may move: the file is still sound and as long.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCountyScaleSummary } from '../../../test/factories/summary.factory';
import { extractPdf, extractStructure } from '../../../test/helpers/pdf-text';
import { buildReportLayout } from '../layout/build-report-layout';
import { ReportTemplates } from '../templates/report-template';
import { renderReportPdf } from './pdf-renderer';
import { installedPdfkitVersion, speedPatchGuard, VERIFIED_PDFKIT_VERSIONS } from './pdfkit-speed';

const ROOT = join(__dirname, '../../..');

/** `qpdf --check`: exit 0 only for a file with neither errors nor warnings. */
function qpdfCheck(pdf: Buffer): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pdfkit-speed-'));
  try {
    const file = join(dir, 'pack.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    if (run.error) throw new Error(`this test needs qpdf (Debian/Ubuntu: apt-get install qpdf): ${run.error.message}`);
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pageByPage = (pages: readonly unknown[]) => pages.map((content, i) => ({ page: i + 1, content }));

describe('the pdfkit speed shortcuts on a county-sized pack', () => {
  const template = new ReportTemplates(join(ROOT, 'templates')).get('quarterly-board');
  const layout = buildReportLayout(buildCountyScaleSummary(), template, { generatedAt: new Date('2025-10-14T09:30:00Z') });
  let fast: Buffer;
  let unkerned: Buffer;
  let kerned: Buffer;

  beforeAll(async () => {
    fast = await renderReportPdf(layout, template, { path: 'shortcuts' });
    unkerned = await renderReportPdf(layout, template, { path: 'pdfkit-unkerned' });
    kerned = await renderReportPdf(layout, template, { path: 'pdfkit' });
  });

  it('write a file qpdf finds no fault in, as pdfkit does', () => {
    for (const pdf of [fast, unkerned, kerned]) {
      const { status, output } = qpdfCheck(pdf);
      expect(output).toContain('No syntax or stream encoding errors found');
      expect(output).not.toMatch(/WARNING|ERROR|damaged/);
      expect(status).toBe(0);
    }
  });

  it('give the same text on every page as pdfkit without kerning', () => {
    const a = extractPdf(fast);
    const b = extractPdf(unkerned);
    expect(a.pages.length).toBeGreaterThan(60);
    expect(pageByPage(a.pages)).toEqual(pageByPage(b.pages));
    expect(a.info).toEqual(b.info);
  });

  it('give the same tagged structure on every page (headings, tables, figures and their alternative text)', () => {
    const a = extractStructure(fast);
    const json = JSON.stringify(a);
    const count = (pattern: RegExp) => json.match(pattern)?.length ?? 0;
    expect(count(/"role":"H1"/g)).toBeGreaterThan(10);
    expect(count(/"role":"Table"/g)).toBeGreaterThan(50);
    expect(count(/"role":"Figure","children":\[[^\]]*\],"alt":"[^"]+"/g)).toBeGreaterThan(1);
    expect(pageByPage(a)).toEqual(pageByPage(extractStructure(unkerned)));
  });

  it('write the same bytes as pdfkit without kerning', () => {
    expect(fast.equals(unkerned)).toBe(true);
  });

  it('differ from pdfkit\'s kerned default only in where lines break: as many pages, still sound', () => {
    expect(fast.equals(kerned)).toBe(false);
    expect(extractPdf(kerned).pages).toHaveLength(extractPdf(fast).pages.length);
  });
});

describe('speedPatchGuard', () => {
  it('is on for the installed pdfkit, which package.json pins to a checked version', () => {
    const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").dependencies)'], { cwd: ROOT }).toString()) as Record<string, string>;
    expect(VERIFIED_PDFKIT_VERSIONS).toContain(pkg.pdfkit);
    expect(installedPdfkitVersion()).toBe(pkg.pdfkit);
    const warn = jest.fn();
    expect(speedPatchGuard(installedPdfkitVersion(), warn)()).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('switches them off on another pdfkit version, warning once however many reports follow', () => {
    const warn = jest.fn();
    const apply = speedPatchGuard('0.21.0', warn);
    expect([apply(), apply(), apply()]).toEqual([false, false, false]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/pdfkit 0\.21\.0 is not a version the PDF speed shortcuts were checked against \(0\.20\.2\)/);
  });
});
