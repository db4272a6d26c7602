/**
 * One line per acceptance figure, for `npm run bench` (scripts/bench-all.js) to gather into its
 * closing table: what was measured, the baseline measured in the same run, their ratio, the
 * target and whether it is met. Each benchmark still prints its own detail above.
 */
export interface Figure {
  /** What is measured, e.g. "target list req/s, 64 connections". */
  name: string;
  /** The product's figure, with its unit. */
  figure: string;
  /** The same-run baseline, with its unit ("-" when the target is absolute). */
  baseline: string;
  /** figure ÷ baseline (or the quantity the target is about, e.g. p99 ÷ p50). */
  ratio: number | null;
  target: string;
  met: boolean;
}

export const FIGURE_PREFIX = 'BENCH-FIGURE ';

export function reportFigure(figure: Figure): void {
  console.log(FIGURE_PREFIX + JSON.stringify(figure));
}
