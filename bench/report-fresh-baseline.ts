/**
 * The baseline of bench/report-fresh.ts, run in a fresh process: the same county pack as the
 * product's, drawn with plain pdfkit and written to a file, in a process that loads nothing
 * else: no Nest, no database, no summary, no storage. Same layout: the summary is the one the
 * product reports on (computed by the bench before the rounds, read here from JSON), laid out by
 * the same template in the same language. Same fonts (src/reports/render/fonts.ts).
 *   node dist-bench/bench/report-fresh-baseline.js <summary.json> <out.pdf> [pdfkit|shortcuts]
 * `pdfkit` (the default, the baseline issue 11 names): pdfkit's own text path, without the
 * product's shortcuts through pdfkit internals (src/reports/render/pdfkit-speed.ts).
 * `shortcuts`: the product's own drawing code, byte for byte the product's pack, to show what
 * the product adds around the drawing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StrategySummaryDto } from '../src/summary/summary.dto';
import type { Language } from '../src/domain/language';
import { buildReportLayout, renderReportPdf, ReportTemplates } from '../src/reports/rendering';

async function main(): Promise<void> {
  const [summaryFile, out, path = 'pdfkit'] = process.argv.slice(2);
  if (path !== 'pdfkit' && path !== 'shortcuts') throw new Error(`unknown path ${path}: pdfkit or shortcuts`);
  const { summary, language } = JSON.parse(readFileSync(summaryFile, 'utf8')) as { summary: StrategySummaryDto; language: Language };
  const template = new ReportTemplates(join(__dirname, '../../templates')).get('quarterly-board');
  const layout = buildReportLayout(summary, template, { generatedAt: new Date(), language });
  writeFileSync(out, await renderReportPdf(layout, template, { path }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
