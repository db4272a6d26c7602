/**
 * npm run bench:forecast
 *
 * What forecasting adds to a summary: the forecasts of a county-sized strategy (300 targets, 12
 * quarters of approved figures) against the whole computeSummary for the same strategy (which
 * includes them), both in this run. Pure CPU; median of 200 rounds after 20 warm-ups.
 */
import './support';
import { forecastTarget } from '../src/domain/forecast';
import { buildCountyScaleSummary } from '../test/factories/summary.factory';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(rounds: number, work: () => unknown): number {
  for (let i = 0; i < 20; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const scale = { targets: 300, themes: 11, quarters: 12 };
const summary = buildCountyScaleSummary(scale);
const inputs = summary.themes.flatMap((theme) => theme.targets).map((t) => ({
  direction: t.direction,
  targetValue: t.targetValue,
  targetPeriod: t.targetPeriod,
  tolerancePercent: t.tolerancePercent,
  approved: t.trend.filter((p) => p.actual !== null && p.period !== t.baselinePeriod).map((p) => ({ period: p.period, value: p.actual as number })),
  asOf: summary.period,
}));

// The baseline: the whole summary (build included, as production builds its inputs too).
const whole = time(200, () => buildCountyScaleSummary(scale));
const forecasts = time(200, () => inputs.map(forecastTarget));
console.log(`computeSummary, 300 targets × 12 quarters (baseline): median ${whole.toFixed(3)} ms`);
console.log(`forecastTarget for the same 300 targets:            median ${forecasts.toFixed(3)} ms`);
console.log(`forecasts / whole summary: ${(forecasts / whole).toFixed(3)}`);
