#!/usr/bin/env node
// npm runs this after `npm install` and `npm ci`: it builds the service into dist/, so that
// `npm start` (node dist/main.js) runs straight away and keeps working after
// `npm prune --omit=dev`. An install without development dependencies has no compiler; it
// runs the dist/ built before (`npm run build`), and says so.
const { build, hasToolchain } = require('./build-if-stale');

if (hasToolchain()) {
  build();
} else {
  console.error('Not building: the development dependencies are not installed. `npm start` runs the existing dist/ (build it with `npm run build` where they are).');
}
