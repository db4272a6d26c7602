import { Test } from '@nestjs/testing';
import { CliModule } from '../src/cli/cli.module';
import { CreateUserCommand } from '../src/cli/create-user.command';
import { UsersService } from '../src/users/users.service';
import { ADMIN, createTestApp, describeE2E } from './helpers/app';

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
