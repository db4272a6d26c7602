// Lets a plain Node.js process or worker thread started by a test load our TypeScript sources:
// a require hook compiling each .ts file with typescript's transpileModule (no type checking,
// the same CommonJS the build emits). Used for render-pool threads (ts-worker-thread.js) and for
// the `npm run worker` process the queue e2e test starts (`node -r ./test/setup/ts-register.js src/worker.ts`),
// so tests run the code under test rather than whatever was last built into dist/.
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2023,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] ??= (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};
