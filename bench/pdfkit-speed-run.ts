/** The measured half of bench/pdfkit-speed.ts, in a fresh process: `patched` or `plain`. */
import './support';
import { join } from 'node:path';
import { buildCountyScaleSummary } from '../test/factories/summary.factory';
import { buildReportLayout, renderReportPdf, ReportTemplates } from '../src/reports/rendering';
import { percentile } from './support';

async function main(): Promise<void> {
  const path = process.argv[2] === 'patched' ? 'shortcuts' : 'pdfkit';
  const template = new ReportTemplates(join(__dirname, '../../templates')).get('quarterly-board');
  const layout = buildReportLayout(buildCountyScaleSummary(), template, { generatedAt: new Date('2025-10-14T09:30:00Z') });
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const started = performance.now();
    await renderReportPdf(layout, template, { path });
    times.push(performance.now() - started);
  }
  const [cold, ...warm] = times;
  process.stdout.write(JSON.stringify({ cold, warm: percentile(warm, 50), peakMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
