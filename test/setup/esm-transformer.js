// Compiles the ES-module-only packages (Nest 12) to CommonJS for Jest, which cannot load ES
// modules from CommonJS before Node 24.9. Their `createRequire(import.meta.url)` calls are
// pointed at Jest's own require, so that class-validator, class-transformer and the rest are
// the same instances the tests and the application use.
const { createTransformer } = require('babel-jest').default ?? require('babel-jest');

const babel = createTransformer({
  babelrc: false,
  configFile: false,
  plugins: [
    ['babel-plugin-transform-import-meta', { module: 'ES6' }],
    '@babel/plugin-transform-dynamic-import',
    '@babel/plugin-transform-modules-commonjs',
  ],
});

const rewrite = (source) => source.replace(/createRequire\(import\.meta\.url\)/g, '((id) => module.require(id))');

module.exports = {
  canInstrument: babel.canInstrument,
  process: (source, filename, options) => babel.process(rewrite(source), filename, options),
  getCacheKey: (source, filename, options) => `esm-v1:${babel.getCacheKey(rewrite(source), filename, options)}`,
};
