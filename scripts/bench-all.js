#!/usr/bin/env node
/**
 * npm run bench: every benchmark named in bench/benchmarks.txt, one after another (never in
 * parallel: each quotes ratios against a baseline measured in its own run, and two at once would
 * share the CPU). Exits non-zero if any benchmark failed, after running the rest.
 *   npm run bench                 all of them
 *   npm run bench -- bench:jwt    only those named
 */
const { spawnSync } = require('node:child_process');
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
const failed = [];
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', '-s', name], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
  console.log(`=== ${name}: ${run.status === 0 ? 'done' : `FAILED (${run.status ?? run.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
