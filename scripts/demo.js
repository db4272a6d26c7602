#!/usr/bin/env node
/**
 * npm run demo: a fresh demo database (data/demo.sqlite, never the real one), seeded with
 * East Sussex's Pride of Place, then the server, and the addresses and logins to try it with.
 */
const { spawn, spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const { join } = require('node:path');
require('./build-if-stale')();

const root = join(__dirname, '..');
const port = process.env.PORT ?? '3000';
const base = `http://localhost:${port}`;
const env = {
  ...process.env,
  DATABASE_PATH: join(root, 'data', 'demo.sqlite'),
  REPORTS_DIR: join(root, 'data', 'demo-reports'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PORT: port,
};
// Blank rather than deleted: a blank value counts as unset, and also wins over a `.env` file,
// which must not point the demo at a real database or create its administrator there.
for (const name of ['DATABASE_URL', 'DATABASE_SCHEMA', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) env[name] = '';

for (const file of ['demo.sqlite', 'demo.sqlite-wal', 'demo.sqlite-shm']) rmSync(join(root, 'data', file), { force: true });
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
  const report = `${base}/api/v1/strategies/${result.strategyId}/reports/quarterly?period=${result.demoPeriod}`;
  const width = Math.max(...result.users.map((u) => u.email.length));
  console.log(`
  Open ${base}/ in your browser: the SCS tracker demo is running there.
  Pride of Place, East Sussex: ${result.counts.partnerships} partnerships, ${result.counts.targets} targets, ${result.counts.updates} progress updates.

  Logins (password for all: ${viewer.password}):
${result.users.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`).join('\n')}

  Try: sign in as ${result.users.find((u) => u.email.startsWith('safer.wealden'))?.email ?? 'a partnership officer'}, open the return that was sent back,
  read the reason, correct the figure and submit it; then sign in as ${viewer.email} and find it awaiting approval.

  The API
    Docs         ${base}/api/docs
    Health       ${base}/api/health
    Strategy     ${result.strategyId}
    The board report for ${result.demoPeriod} (a board member's token, valid for 8 hours):
      curl -o board-pack.pdf -H "Authorization: Bearer ${accessToken}" \\
        "${report}"

  Press Ctrl-C to stop. The demo database is data/demo.sqlite; \`npm run demo\` starts afresh.
`);
}

main().catch((error) => {
  console.error(error.message);
  server.kill();
  process.exit(1);
});
