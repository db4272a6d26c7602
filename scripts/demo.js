#!/usr/bin/env node
/**
 * npm run demo: a fresh demo database (data/demo.sqlite, never the real one), seeded with
 * East Sussex's Pride of Place, then the server, and the addresses and logins to try it with.
 */
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdirSync, rmSync } = require('node:fs');
const { join, relative } = require('node:path');
const { demoBanner } = require('./demo-banner');
require('./build-if-stale')();

const root = join(__dirname, '..');
const port = process.env.PORT ?? '3000';
const base = `http://localhost:${port}`;
// DEMO_DATA_DIR: where the demo's own database and packs go (data/ unless given; the tests use a temporary folder).
const dataDir = process.env.DEMO_DATA_DIR ?? join(root, 'data');
mkdirSync(dataDir, { recursive: true });
const env = {
  ...process.env,
  DATABASE_PATH: join(dataDir, 'demo.sqlite'),
  REPORTS_DIR: join(dataDir, 'demo-reports'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // A secret of the demo's own, so the server starts without warning about the development secret
  // (its warning would be printed before the address) and no token outlives this run.
  JWT_SECRET: process.env.JWT_SECRET || randomBytes(32).toString('hex'),
  PORT: port,
};
// Blank rather than deleted: a blank value counts as unset, and also wins over a `.env` file,
// which must not point the demo at a real database or create its administrator there.
for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) env[name] = '';

for (const file of ['demo.sqlite', 'demo.sqlite-wal', 'demo.sqlite-shm']) rmSync(join(dataDir, file), { force: true });
rmSync(env.REPORTS_DIR, { recursive: true, force: true });

// --force: seed-demo refuses NODE_ENV=production, but this database is the demo's own, made afresh above.
const seed = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'seed-demo', '--json', '--force'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (seed.status !== 0) process.exit(seed.status ?? 1);
const result = JSON.parse(seed.stdout.trim().split('\n').pop());

const server = spawn(process.execPath, [join(root, 'dist', 'main.js')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer on ${base}`);
}

async function main() {
  await waitForServer();
  const viewer = result.users.find((u) => u.role === 'viewer');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: viewer.email, password: viewer.password }),
  });
  const { accessToken } = await login.json();
  console.log(demoBanner({ base, result, accessToken, database: relative(root, env.DATABASE_PATH) }));
}

main().catch((error) => {
  console.error(error.message);
  server.kill();
  process.exit(1);
});
