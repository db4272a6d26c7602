/**
 * npm run bench:pdfkit
 *
 * What src/reports/render/pdfkit-speed.ts's shortcuts through pdfkit internals buy: the county
 * pack (300 targets, 11 themes, 12 quarters; the report tests' fixture) rendered in fresh
 * processes, with and without them, alternating, in the same run: the first render in a process
 * (cold, as `npm run report` does), the median of five more (warm, as the server does), and the
 * process's peak memory. The ratios are plain ÷ patched: above 1, the shortcuts are faster.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { percentile } from './support';

interface Run {
  cold: number;
  warm: number;
  peakMb: number;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function run(mode: 'patched' | 'plain'): Run {
  const child = spawnSync(process.execPath, [join(__dirname, 'pdfkit-speed-run.js'), mode], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${mode} run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Run;
}

const results: Record<'patched' | 'plain', Run[]> = { patched: [], plain: [] };
for (let i = 0; i < ROUNDS; i++) {
  for (const mode of ['plain', 'patched'] as const) results[mode].push(run(mode));
}
const median = (mode: 'patched' | 'plain', key: keyof Run) => percentile(results[mode].map((r) => r[key]), 50);
for (const mode of ['plain', 'patched'] as const) {
  console.log(`${mode.padEnd(7)}: cold ${median(mode, 'cold').toFixed(0)} ms, warm ${median(mode, 'warm').toFixed(0)} ms, peak RSS ${median(mode, 'peakMb').toFixed(0)} MB (median of ${ROUNDS} processes)`);
}
const ratio = (key: keyof Run) => (median('plain', key) / median('patched', key)).toFixed(2);
console.log(`plain ÷ patched: cold ×${ratio('cold')}, warm ×${ratio('warm')}, peak RSS ×${ratio('peakMb')}`);
