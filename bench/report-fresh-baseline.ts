/**
 * The baseline of bench/report-fresh.ts, run in a fresh process: the county pack's tables and
 * charts (the report tests' 300-target, 11-theme, 12-quarter fixture) drawn with plain pdfkit
 * (src/reports/render without its shortcuts through pdfkit internals) and written to a file, in a
 * process that loads nothing else: no Nest, no database, no summary, no storage.
 *   node dist-bench/bench/report-fresh-baseline.js <out.pdf>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCountyScaleSummary } from '../test/factories/summary.factory';
import { buildReportLayout, renderReportPdf, ReportTemplates } from '../src/reports/rendering';

async function main(): Promise<void> {
  const template = new ReportTemplates(join(__dirname, '../../templates')).get('quarterly-board');
  const layout = buildReportLayout(buildCountyScaleSummary(), template, { generatedAt: new Date() });
  writeFileSync(process.argv[2], await renderReportPdf(layout, template, { path: 'pdfkit' }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
