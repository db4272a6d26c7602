// One run, five projects: pure unit tests, the HTTP e2e suite on SQLite and on PostgreSQL, and
// the service tier (services on a real database) on both. The PostgreSQL projects are skipped,
// with a message, where PostgreSQL is not reachable; under CI (env CI set) that fails the run.

// Nest 12 ships as ES modules only. Node 20 loads them from our CommonJS build (require(esm)),
// but Jest's module loader cannot before Node 24.9, so under Jest they are compiled to
// CommonJS (once; Jest caches the result). See test/setup/esm-transformer.js.
const ESM_PACKAGES = ['@nestjs'];
const esmToCommonJs = '<rootDir>/test/setup/esm-transformer.js';

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};

// The e2e, service and browser suites compile with the full TypeScript program so that the
// Swagger plugin can read the DTO types, exactly as `nest build` does: once for every worker and
// project, cached by content (test/setup/ts-program-transformer.js). Type errors are caught by
// `npm run typecheck`.
const e2eTransform = {
  '^.+\\.ts$': '<rootDir>/test/setup/ts-program-transformer.js',
  '^.+\\.js$': esmToCommonJs,
};

const e2e = (name, engineSetup, extra = {}, testMatch = ['<rootDir>/test/**/*.e2e-spec.ts']) => ({
  ...common,
  displayName: name,
  testMatch,
  transform: e2eTransform,
  setupFiles: [engineSetup],
  ...extra,
});

module.exports = {
  // The e2e scenarios (whole-route walks, 1,000-row imports) run many requests; allow for a
  // loaded 2-core CI machine.
  testTimeout: 60_000,
  // Each e2e file boots a whole application; a worker that has run many of them is recycled
  // before its heap grows near Node's limit (a full run once died of it on a 2-core machine).
  workerIdleMemoryLimit: '1GB',
  // One worker per core, not Jest's default of one fewer: the e2e files spend much of their time
  // waiting on PostgreSQL and Chromium, so on a 2-core CI machine a second worker nearly halves
  // the run (e2e-postgres: 130 s with one worker, 70 s with two, measured on this machine).
  maxWorkers: '100%',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.unit.json', diagnostics: false }],
        '^.+\\.js$': esmToCommonJs,
      },
    },
    e2e('e2e-sqlite', '<rootDir>/test/setup/engine-sqlite.ts', { globalSetup: '<rootDir>/test/setup/e2e-global-setup.js' }),
    e2e('e2e-postgres', '<rootDir>/test/setup/engine-postgres.ts', {
      globalSetup: '<rootDir>/test/setup/e2e-postgres-global-setup.js',
    }),
    // The service tier: services on a real database, both engines (test/service/*.service-spec.ts).
    e2e('service-sqlite', '<rootDir>/test/setup/engine-sqlite.ts', {}, ['<rootDir>/test/service/**/*.service-spec.ts']),
    e2e('service-postgres', '<rootDir>/test/setup/engine-postgres.ts', { globalSetup: '<rootDir>/test/setup/postgres-global-setup.js' }, [
      '<rootDir>/test/service/**/*.service-spec.ts',
    ]),
    // The web pages in Debian's chromium (npm run test:browser; not part of npm test).
    e2e('browser', '<rootDir>/test/setup/engine-sqlite.ts', {
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFiles: ['<rootDir>/test/setup/engine-sqlite.ts', '<rootDir>/test/setup/browser-env.ts'],
      globalSetup: '<rootDir>/test/setup/browser-global-setup.js',
    }),
  ],
};
