#!/usr/bin/env node
// Runs the command line (src/cli) from the compiled build, building it first when stale, so
// `npm run user:create -- …` always runs the current code.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
require('./build-if-stale')();

const run = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'cli', 'main.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
