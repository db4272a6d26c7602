#!/usr/bin/env node
// `npm run lint:api`: lints the OpenAPI document the server serves. Builds when stale, writes the
// document by booting the app (dist/openapi-document.js, a throw-away SQLite database), then runs
// Redocly CLI's recommended rules (redocly.yaml) and Spectral's OpenAPI + OWASP API Security rules
// (.spectral.yaml). Fails on any error of either. Works offline.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
require('./build-if-stale')();

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const documentPath = join(root, 'dist', 'openapi.json');
// Redocly would otherwise send usage data and look for updates over the network.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

function run(title, command, args) {
  console.log(`\n--> ${title}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title}: failed`);
    process.exit(result.status ?? 1);
  }
}

run('write the served OpenAPI document to dist/openapi.json', process.execPath, [join(root, 'dist', 'openapi-document.js'), documentPath]);
run('Redocly CLI (recommended rules)', bin('redocly'), ['lint', '--config', 'redocly.yaml', '--format', 'stylish', documentPath]);
run('Spectral (spectral:oas + OWASP API Security Top 10)', bin('spectral'), ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'error', '--display-only-failures', documentPath]);
console.log('\nOpenAPI document: no errors');
