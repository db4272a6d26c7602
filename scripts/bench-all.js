#!/usr/bin/env node
/**
 * npm run bench: every benchmark named in bench/benchmarks.txt, one after another (never in
 * parallel: each quotes ratios against a baseline measured in its own run, and two at once would
 * share the CPU), then a table of every acceptance figure they reported: figure, same-run
 * baseline, ratio, target, met. Exits non-zero if any benchmark failed, after running the rest.
 *   npm run bench                 all of them
 *   npm run bench -- bench:jwt    only those named
 */
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const listed = readFileSync(join(root, 'bench', 'benchmarks.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const unknown = listed.filter((name) => !scripts[name]);
if (unknown.length) {
  console.error(`bench/benchmarks.txt names scripts package.json does not have: ${unknown.join(', ')}`);
  process.exit(2);
}
const chosen = process.argv.length > 2 ? listed.filter((name) => process.argv.slice(2).includes(name)) : listed;

// Each benchmark prints one `BENCH-FIGURE {json}` line per acceptance figure (bench/figures.ts);
// they are gathered here into the closing table.
const PREFIX = 'BENCH-FIGURE ';

/** Runs one npm script, echoing its output as it comes; resolves to its exit status and figures. */
function run(name) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', name], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
    const figures = [];
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop();
      for (const line of lines) if (line.startsWith(PREFIX)) figures.push({ bench: name, ...JSON.parse(line.slice(PREFIX.length)) });
    });
    child.on('close', (code, signal) => {
      if (pending.startsWith(PREFIX)) figures.push({ bench: name, ...JSON.parse(pending.slice(PREFIX.length)) });
      resolve({ status: code ?? signal, figures });
    });
  });
}

function table(figures) {
  const rows = [
    ['figure', 'product', 'baseline (same run)', 'ratio', 'target', 'met'],
    ...figures.map((f) => [f.name, f.figure, f.baseline, f.ratio === null ? '-' : `${f.ratio.toFixed(2)}×`, f.target, f.met ? 'yes' : 'NO']),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const failed = [];
  const figures = [];
  for (const name of chosen) {
    console.log(`\n=== ${name} ===`);
    const started = Date.now();
    const result = await run(name);
    figures.push(...result.figures);
    if (result.status !== 0) failed.push(name);
    console.log(`=== ${name}: ${result.status === 0 ? 'done' : `FAILED (${result.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  }
  console.log(`\n${table(figures)}`);
  const silent = chosen.filter((name) => !figures.some((f) => f.bench === name));
  if (silent.length) console.log(`(no acceptance figure from: ${silent.join(', ')}; see their output above)`);
  if (failed.length) {
    console.error(`\nfailed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

void main();
