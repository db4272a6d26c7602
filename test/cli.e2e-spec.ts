import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliModule } from '../src/cli/cli.module';
import { CreateUserCommand } from '../src/cli/create-user.command';
import type { ReportCliModule } from '../src/cli/report-cli.module';
import { ReportCommand } from '../src/cli/report.command';
import { InlineReportRenderer } from '../src/reports/render-pool/inline-report-renderer';
import { ReportRenderer } from '../src/reports/render-pool/report-renderer';
import { UsersService } from '../src/users/users.service';
import { ADMIN, createTestApp, describeE2E } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

describeE2E('command line: user:create', () => {
  it('creates users through the same validation and rules as the API, resolving partnerships by name', async () => {
    const t = await createTestApp();
    const partnership = (await t.api().post('/api/v1/partnerships').send({ name: 'Safer Wealden Partnership', kind: 'thematic' }).expect(201)).body;
    const cli = await Test.createTestingModule({ imports: [CliModule] }).compile();
    await cli.init();
    try {
      const command = cli.get(CreateUserCommand);
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      await command.run([], { email: 'Officer@Wealden.gov.example', name: 'Priya Shah', role: 'partnership-officer', password: 'officer-pass-123', partnership: ['Safer Wealden Partnership'] });
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Created partnership-officer officer@wealden\.gov\.example/));
      log.mockRestore();
      await expect(
        command.run([], { email: 'x@example.test', name: 'X', role: 'viewer', password: 'short', partnership: [] }),
      ).rejects.toThrow(/password must be longer than or equal to 10 characters/);
      await expect(
        command.run([], { email: 'y@example.test', name: 'Y', role: 'partnership-officer', password: 'long-enough-1', partnership: ['No Such Partnership'] }),
      ).rejects.toThrow('no partnership with id or name "No Such Partnership"');
      await expect(
        command.run([], { email: ADMIN.email.toUpperCase(), name: 'Dup', role: 'viewer', password: 'long-enough-1', partnership: [] }),
      ).rejects.toThrow(/already exists/);

      const created = await t.app.get(UsersService).list({ page: 1, pageSize: 50, partnershipId: partnership.id });
      expect(created.items.map((u) => u.email)).toEqual(['officer@wealden.gov.example']);
      await t.http().post('/api/v1/auth/login').send({ email: 'officer@wealden.gov.example', password: 'officer-pass-123' }).expect(200);
    } finally {
      await cli.close();
      await t.close();
    }
  });
});

describeE2E('command line: report', () => {
  const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c?: Buffer) => chunks.push(c!));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  it('draws the pack on its own thread in the report-only module, writes it, and stores it as the API does (listed, downloadable byte for byte, once)', async () => {
    const t = await createTestApp();
    const b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    const officer = await t.as('partnership-officer', [safer]);
    const target = await b.target({ code: 'CS 1', title: 'Burglaries prevented', themeId: theme, baselineValue: 100, targetValue: 140, unit: 'homes' });
    await b.assign(target.id, safer);
    await b.approvedReturn(officer, target.id, '2025-26-Q2', 121);

    // As `npm run report` starts (src/cli/main.ts): the command line's environment first, then the
    // report-only module, whose configuration is read when it is loaded.
    const env = { ...process.env };
    delete process.env.REPORT_RENDER_MODE;
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('../src/cli/cli-environment');
    const { ReportCliModule: Module } = require('../src/cli/report-cli.module') as { ReportCliModule: typeof ReportCliModule };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const cli = await Test.createTestingModule({ imports: [Module] }).compile();
    await cli.init();
    const dir = mkdtempSync(join(tmpdir(), 'cli-report-'));
    try {
      expect(cli.get(ReportRenderer, { strict: false })).toBeInstanceOf(InlineReportRenderer);
      const command = cli.get(ReportCommand);
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const out = join(dir, 'pack.pdf');
      await command.run([], { strategy: 'Pride of Place', period: '2025-26-Q2', out });
      await command.run([], { strategy: b.strategyId, period: '2025-26-Q2', out: join(dir, 'again.pdf') });
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Wrote .*pack\.pdf: \d+ pages, \d+ KiB in \d+ ms \(report [0-9a-f-]{36}, sha256 [0-9a-f]{12}…\)$/));
      log.mockRestore();
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(readFileSync(join(dir, 'again.pdf')).equals(pdf)).toBe(true);

      const listed = (await t.api().get(`/api/v1/reports?strategyId=${b.strategyId}`).expect(200)).body as { items: { id: string; sha256: string; period: string }[] };
      expect(listed.items).toHaveLength(1);
      expect(listed.items[0]).toMatchObject({ period: '2025-26-Q2', sha256: createHash('sha256').update(pdf).digest('hex') });
      const stored = await t.api().get(`/api/v1/reports/${listed.items[0].id}`).buffer(true).parse(binary).expect(200);
      expect((stored.body as Buffer).equals(pdf)).toBe(true);

      await expect(command.run([], { strategy: b.strategyId, period: '2025-26-Q7', out: join(dir, 'bad.pdf') })).rejects.toThrow(/period/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.env = env;
      await cli.close();
      await t.close();
    }
  });
});
