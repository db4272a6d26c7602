import { ConfigService } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliModule } from '../src/cli/cli.module';
import { SeedDemoCommand } from '../src/cli/seed-demo.command';
import type { EnvironmentVariables } from '../src/config/env.validation';
import type { DemoData } from '../src/demo/demo-data';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

/** A demo data set small enough to seed in a moment. */
const tinyDemo: DemoData = {
  demoPeriod: '2025-26-Q2',
  users: [{ email: 'coordinator@tiny.demo.test', name: 'Tiny Coordinator', role: 'coordinator', password: 'demo-password-2026', partnerships: [] }],
  partnerships: [{ key: 'lsp', name: 'Tiny LSP', kind: 'lsp', area: 'Tiny', parent: null, statutory: true, chair: 'A Chair', meetingsPerYear: 4, members: [] }],
  strategy: { title: 'Tiny Strategy', area: 'Tiny', vision: 'Small', startDate: '2024-04-01', endDate: '2027-03-31', status: 'adopted', lead: 'lsp' },
  themes: [],
  priorities: [],
  targets: [],
};

describeE2E('command line: seed-demo refuses a live database', () => {
  let t: TestApp;
  let cli: TestingModule;
  let file: string;
  const strategyTitles = async () => ((await t.api().get('/api/v1/strategies').expect(200)).body.items as { title: string }[]).map((s) => s.title);

  beforeAll(async () => {
    // The database holds the bootstrapped admin and the test's coordinator: data, as far as the demo is concerned.
    t = await createTestApp();
    cli = await Test.createTestingModule({ imports: [CliModule] }).compile();
    await cli.init();
    const dir = mkdtempSync(join(tmpdir(), 'scs-seed-'));
    file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify(tinyDemo));
  });
  afterAll(async () => {
    rmSync(join(file, '..'), { recursive: true, force: true });
    await cli.close();
    await t.close();
  });

  it('refuses a database that already holds data, naming it, and writes nothing', async () => {
    await expect(cli.get(SeedDemoCommand).run([], { file })).rejects.toThrow(
      /^Not loading the demo data: this database already holds data \(2 users, 0 strategies\)\..*--force/,
    );
    expect(await strategyTitles()).toEqual([]);
    await t.http().post('/api/v1/auth/login').send({ email: 'coordinator@tiny.demo.test', password: 'demo-password-2026' }).expect(401);
  });

  it('refuses when NODE_ENV=production', async () => {
    const production = { get: (name: string) => (name === 'NODE_ENV' ? 'production' : undefined) } as unknown as ConfigService<EnvironmentVariables, true>;
    const command = new SeedDemoCommand(cli.get(DemoSeeder), production);
    await expect(command.run([], { file })).rejects.toThrow(/NODE_ENV is production and this database already holds data/);
    expect(await strategyTitles()).toEqual([]);
  });

  it('loads the demo all the same with --force', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await cli.get(SeedDemoCommand).run([], { file, force: true });
    } finally {
      log.mockRestore();
    }
    expect(await strategyTitles()).toEqual(['Tiny Strategy']);
    await t.http().post('/api/v1/auth/login').send({ email: 'coordinator@tiny.demo.test', password: 'demo-password-2026' }).expect(200);
  });
});
