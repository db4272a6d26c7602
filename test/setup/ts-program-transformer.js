// The e2e, service and browser suites' TypeScript, compiled once as one program, as `nest build`
// compiles it (the full program, so decorator metadata and the Swagger CLI plugin see every
// type), instead of file by file in every Jest worker. ts-jest's per-file language service
// re-did the program's work in each worker for each of ~400 files: most of a cold run's time.
//
// The first worker to need a file compiles src/ and test/ into
// node_modules/.cache/scs-jest/<hash of the compiler, the options and every file's content>/,
// holding a lock directory meanwhile; the others wait for it and then read. A file that is not
// part of that program is handed to ts-jest as before. Type errors are `npm run typecheck`'s to
// report, as they were under ts-jest here.
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { basename, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');
const swaggerTransformer = require('./swagger-transformer');

const ROOT = resolve(__dirname, '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'scs-jest');
const LOCK_STALE_MS = 10 * 60_000;

let program = null;

/** tsconfig.json's options and files (src/ and test/ only), and the hash that names their output. */
function programInfo() {
  if (program) return program;
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = parsed.fileNames.filter((f) => /^(src|test)\//.test(relative(ROOT, f).split(sep).join('/'))).sort();
  const hash = createHash('sha256');
  hash.update(`v1\0${ts.version}\0${JSON.stringify(parsed.options)}\0`);
  for (const file of [__filename, join(__dirname, 'swagger-transformer.js'), require.resolve('@nestjs/swagger/package.json')]) hash.update(readFileSync(file));
  for (const file of files) hash.update(`${relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  const key = hash.digest('hex').slice(0, 24);
  program = { options: parsed.options, files, key, outDir: join(CACHE, key), inProgram: new Set(files.map((f) => resolve(f))) };
  return program;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Compiles the program into its output directory unless it is there already (or another worker is at it). */
function ensureCompiled(info) {
  const done = join(info.outDir, '.done');
  const lock = `${info.outDir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  while (!existsSync(done)) {
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is compiling; a lock left by a killed run is taken over after a while.
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      sleep(200);
      continue;
    }
    try {
      if (!existsSync(done)) compile(info);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

function compile(info) {
  const staging = `${info.outDir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // CommonJS with bundler resolution, as ts-jest compiled it: `module: nodenext` would leave a
  // dynamic import() in place, which Jest's module loader cannot run.
  // Source maps inline, so a failing test's stack points into the .ts file.
  const options = { ...info.options, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Bundler, outDir: staging, sourceMap: false, inlineSourceMap: true };
  const built = ts.createProgram({ rootNames: info.files, options });
  const emitted = built.emit(undefined, undefined, undefined, false, { before: [swaggerTransformer.factory({ program: built })] });
  if (emitted.emitSkipped) throw new Error('TypeScript emitted nothing for the test program');
  writeFileSync(join(staging, '.done'), new Date().toISOString());
  rmSync(info.outDir, { recursive: true, force: true });
  renameSync(staging, info.outDir);
  prune(info.outDir);
}

/** Drops the outputs of earlier contents: all but the newest few, and none touched in the last hour. */
function prune(keep) {
  const hourAgo = Date.now() - 60 * 60_000;
  const outputs = readdirSync(CACHE)
    .map((name) => join(CACHE, name))
    .filter((dir) => dir !== keep && /^[0-9a-f]{24}$/.test(basename(dir)))
    .map((dir) => ({ dir, mtime: statSync(dir).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { dir, mtime } of outputs.slice(2)) if (mtime < hourAgo) rmSync(dir, { recursive: true, force: true });
}

let tsJest = null;
function fallback() {
  if (!tsJest) {
    const { TsJestTransformer } = require('ts-jest');
    tsJest = new TsJestTransformer({
      tsconfig: join(ROOT, 'tsconfig.json'),
      diagnostics: { ignoreCodes: [151002], pathRegex: '^$' },
      astTransformers: { before: [join(__dirname, 'swagger-transformer.js')] },
    });
  }
  return tsJest;
}

module.exports = {
  process(source, filename, options) {
    const info = programInfo();
    if (!info.inProgram.has(resolve(filename))) return fallback().process(source, filename, options);
    ensureCompiled(info);
    const output = join(info.outDir, relative(ROOT, filename)).replace(/\.ts$/, '.js');
    return { code: readFileSync(output, 'utf8') };
  },
  getCacheKey(source, filename) {
    const info = programInfo();
    return createHash('sha256').update(info.key).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
};
