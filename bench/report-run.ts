/** The measured half of bench/report.ts, run in a fresh process: `cold` or `server`. */
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { ReportsService } from '../src/reports/reports.service';
import { ReportRenderer } from '../src/reports/render-pool/report-renderer';
import { percentile } from './support';

async function main(): Promise<void> {
  const [mode, strategyId, period] = process.argv.slice(2);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  await app.init();
  const reports = app.get(ReportsService);
  await app.get(ReportRenderer).ready();
  const times: number[] = [];
  let pages = 0;
  let size = 0;
  for (let i = 0; i < (mode === 'cold' ? 1 : 6); i++) {
    const started = performance.now();
    const { report, pdf } = await reports.generate(strategyId, { period }, null);
    times.push(performance.now() - started);
    pages = report.pageCount;
    size = pdf.length;
  }
  await app.close();
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  if (mode === 'cold') {
    console.log(`report: ${pages} pages, ${(size / 1024 / 1024).toFixed(2)} MiB`);
    console.log(`one report in a fresh process, renderer cold (the command line): ${times[0].toFixed(0)} ms, peak RSS ${peakMb} MB`);
  } else {
    const [first, ...rest] = times;
    console.log(
      `server (renderer warmed up at start-up): first report ${first.toFixed(0)} ms, then median ${percentile(rest, 50).toFixed(0)} ms, worst ${Math.max(...rest).toFixed(0)} ms; peak RSS after 6 reports ${peakMb} MB`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
