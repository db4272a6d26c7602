/**
 * Preloaded (`node -r dist-bench/bench/peak-rss.js …`) into a process whose peak memory a
 * benchmark wants: on exit it writes the process's peak resident set size (MB, worker threads
 * included) to the file named by BENCH_PEAK_RSS_FILE. The product and its baseline get the same.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_PEAK_RSS_FILE) writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
