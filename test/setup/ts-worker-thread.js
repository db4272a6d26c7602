// A render-pool thread under Jest. ts-jest compiles the test's own thread only; a worker thread
// is a fresh Node.js isolate that cannot load TypeScript, so this bootstrap gives it a require
// hook (typescript's transpileModule: no type checking, the same CommonJS the build emits) and
// then loads the real thread module. Outside Jest the pool points at the compiled dist/ file and
// this file is never used. Pointing Jest at dist/ instead would test whatever was last built,
// not the code under test.
const { readFileSync } = require('node:fs');
const { Piscina } = require('piscina');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2023,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};

module.exports = require(Piscina.workerData.tsEntry);
