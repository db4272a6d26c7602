import { Test, TestingModule } from '@nestjs/testing';
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
