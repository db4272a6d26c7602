import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHash, randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import type { Actor } from '../../src/auth/roles';
import { Clock, FixedClock } from '../../src/common/clock';
import { Db } from '../../src/database/transactions';
import { PasswordResetsService } from '../../src/users/password-resets.service';
import { UsersService } from '../../src/users/users.service';
import { describeE2E, engine, withPg } from '../helpers/app';

// One-time reset links on a real database: what only the database can show is that the token
// itself is never stored, and that two simultaneous uses of one link set one password, not two.
describeE2E('password reset links on a real database', () => {
  let app: INestApplicationContext;
  const clock = new FixedClock(new Date('2026-05-01T09:00:00Z'));
  const admin: Actor = { id: randomUUID(), email: 'admin@service.test', name: 'Admin', role: 'admin', partnershipIds: [] };

  beforeAll(async () => {
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(Clock).useValue(clock).compile();
    app = await moduleRef.init();
  });
  afterAll(async () => {
    await app?.close();
    const schema = process.env.DATABASE_SCHEMA;
    if (engine === 'postgres' && schema) await withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
  });

  const newUser = () => app.get(UsersService).create({ email: `u-${randomUUID().slice(0, 8)}@service.test`, name: 'U', role: 'viewer', password: 'first-password-1' });

  it('stores only the token’s hash, and a link works once even when used twice at the same moment', async () => {
    const user = await newUser();
    const { token, expiresAt } = await app.get(PasswordResetsService).issue(user.id, admin);
    expect(expiresAt.toISOString()).toBe('2026-05-02T09:00:00.000Z');
    const rows: { tokenHash: string }[] = await app.get(Db).tx.query(`SELECT "tokenHash" FROM password_resets WHERE "userId" = '${user.id}'`);
    expect(rows).toEqual([{ tokenHash: createHash('sha256').update(token).digest('hex') }]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const results = await Promise.all([app.get(PasswordResetsService).reset(token, 'second-password-2'), app.get(PasswordResetsService).reset(token, 'third-password-3')]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r === 'used')).toHaveLength(1);
    const users = app.get(UsersService);
    const winner = results[0] === null ? 'second-password-2' : 'third-password-3';
    const loser = results[0] === null ? 'third-password-3' : 'second-password-2';
    expect(await users.authenticate(user.email, winner)).not.toBeNull();
    expect(await users.authenticate(user.email, loser)).toBeNull();
    expect((await users.findActive(user.id))?.tokenVersion).toBe(1);
  });

  it('refuses an expired link, a replaced link and the link of a deactivated user', async () => {
    const resets = app.get(PasswordResetsService);
    const user = await newUser();
    const first = (await resets.issue(user.id, admin)).token;
    const second = (await resets.issue(user.id, admin)).token;
    expect(await resets.refusal(first)).toBe('used');
    expect(await resets.refusal(second)).toBeNull();
    clock.set(new Date('2026-05-02T09:00:00Z'));
    try {
      expect(await resets.reset(second, 'too-late-password')).toBe('expired');
    } finally {
      clock.set(new Date('2026-05-01T09:00:00Z'));
    }
    const third = (await resets.issue(user.id, admin)).token;
    await app.get(UsersService).update(user.id, { active: false });
    expect(await resets.reset(third, 'inactive-password')).toBe('unknown');
    expect(await resets.refusal('not-a-token')).toBe('unknown');
  });
});
