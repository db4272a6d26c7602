import { Test, TestingModule } from '@nestjs/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliModule } from '../src/cli/cli.module';
import { DemoSeeder, SeedResult } from '../src/demo/demo-seeder';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { extractPdf, flat, sectionPages } from './helpers/pdf-text';

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const DEMO = join(__dirname, '../data/demo/pride-of-place.json');

// The demo's returns run to March 2026; the clock is a board meeting after that quarter.
describeE2E('the Pride of Place demo', () => {
  let t: TestApp;
  let cli: TestingModule;
  let result: SeedResult;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-05-12T09:00:00Z') });
    // The seeder belongs to the command line (`seed-demo`), which shares the database.
    cli = await Test.createTestingModule({ imports: [CliModule] }).compile();
    await cli.init();
    const seeder = cli.get(DemoSeeder);
    result = await seeder.seed(await seeder.load(DEMO));
  }, 180_000);
  afterAll(async () => {
    await cli.close();
    await t.close();
  });

  const login = async (email: string) =>
    (await t.http().post('/api/v1/auth/login').send({ email, password: 'demo-password-2026' }).expect(200)).body.accessToken as string;

  it('loads the whole strategy through the services, with logins for every role', async () => {
    expect(result.counts).toEqual({ partnerships: 19, targets: 42, updates: 289 });
    const targets = await t.http().get(`/api/v1/strategies/${result.strategyId}/targets?pageSize=200`).set('Authorization', `Bearer ${await login('coordinator@demo.scs.test')}`).expect(200);
    expect(targets.body.total).toBe(42);
    expect(result.users.map((u) => u.role).sort()).toEqual(['admin', 'coordinator', 'partnership-officer', 'partnership-officer', 'viewer']);
  });

  it('gives a board report for the demo quarter whose exceptions and missing returns are not empty', async () => {
    const res = await t
      .http()
      .get(`/api/v1/strategies/${result.strategyId}/reports/quarterly?period=${result.demoPeriod}`)
      .set('Authorization', `Bearer ${await login('viewer@demo.scs.test')}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const { pages } = extractPdf(res.body as Buffer);
    const sections = sectionPages(pages, ['Exceptions', 'Missing returns', 'Who is accountable']);
    const textOf = (heading: string) => flat((sections.get(heading) ?? []).map((p) => pages[p]).join('\n'));
    expect(textOf('Exceptions')).toContain('NI 47');
    expect(textOf('Exceptions')).toContain('NI 156');
    expect(textOf('Missing returns')).toContain('LP 09');
    expect(textOf('Missing returns')).toContain('Inspector James Horam');
  });

  it('refuses to load the demo twice, writing nothing', async () => {
    const seeder = cli.get(DemoSeeder);
    await expect(seeder.seed(await seeder.load(DEMO))).rejects.toThrow('already loaded');
    const strategies = await t.http().get('/api/v1/strategies').set('Authorization', `Bearer ${await login('coordinator@demo.scs.test')}`).expect(200);
    expect(strategies.body.total).toBe(1);
  });
});

// Issue 12 point 7: `npm run demo` prints the web address first, then the logins; the API comes after.
// The real script, on a random port, with its database in a temporary folder (never the developer's data/demo.sqlite).
describeE2E('npm run demo’s output', () => {
  let dir: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    // The script runs the server from dist/ (building it when stale, as `npm run demo` does).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../scripts/build-if-stale')();
    dir = mkdtempSync(join(tmpdir(), 'scs-demo-'));
  }, 600_000);
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the web address, then lists every login, before anything about the API', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DEMO_DATA_DIR: dir, NODE_ENV: 'development' };
    for (const name of ['JWT_SECRET', 'REDIS_URL', 'LOG_LEVEL']) delete env[name];
    child = spawn(process.execPath, [join(__dirname, '../scripts/demo.js')], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('Press Ctrl-C')) resolve();
      });
      child!.on('exit', (code) => reject(new Error(`npm run demo exited (${code}) after printing:\n${out}`)));
    });
    const lines = out.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    expect(lines[0]).toBe(`Open http://localhost:${port}/ in your browser: the SCS tracker demo is running there.`);
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    const logins = at('Logins (password for all: demo-password-2026)');
    expect(logins).toBeGreaterThan(0);
    const emails = ['admin@demo.scs.test', 'coordinator@demo.scs.test', 'viewer@demo.scs.test', 'safer.wealden@demo.scs.test', 'housing@demo.scs.test'];
    for (const email of emails) expect(at(email)).toBeGreaterThan(logins);
    expect(at('The API')).toBeGreaterThan(Math.max(...emails.map(at)));
    expect(at('curl')).toBeGreaterThan(at('The API'));
    // The address answers with the sign-in page.
    const home = await fetch(`http://localhost:${port}/`, { redirect: 'follow' });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Email address');
  }, 300_000);
});
