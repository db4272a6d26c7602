#!/usr/bin/env node
/**
 * npm run build:css: compiles the web pages' Sass (GOV.UK Frontend and ours) into
 * dist/web-assets, where the app serves it from /assets. Run by `npm run build` and by the
 * browser tests' setup; nothing is compiled or fetched at run time.
 */
const { copyFileSync, mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const sass = require('sass');

const root = join(__dirname, '..');
const out = join(root, 'dist', 'web-assets');

function buildWebAssets() {
  mkdirSync(out, { recursive: true });
  const result = sass.compile(join(root, 'src', 'web', 'assets', 'application.scss'), {
    loadPaths: [join(root, 'node_modules', 'govuk-frontend', 'dist')],
    style: 'compressed',
    quietDeps: true,
  });
  writeFileSync(join(out, 'application.css'), result.css);
  copyFileSync(join(root, 'src', 'web', 'assets', 'init.js'), join(out, 'init.js'));
  return out;
}

module.exports = buildWebAssets;
if (require.main === module) buildWebAssets();
