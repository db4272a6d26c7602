import { randomBytes, scryptSync } from 'node:crypto';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(hasher.verify('', stored)).resolves.toBe(false);
  });

  it('salts every hash and never contains the password', async () => {
    const a = await hasher.hash('same password');
    const b = await hasher.hash('same password');
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it('fails closed on a missing or malformed stored hash', async () => {
    await expect(hasher.verify('anything', null)).resolves.toBe(false);
    await expect(hasher.verify('anything', 'plain-text')).resolves.toBe(false);
    await expect(hasher.verify('anything', 'bcrypt$1$2$3$4$5')).resolves.toBe(false);
  });

  it('verifies hashes made with other cost parameters, read from the stored form', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('rotate me', salt, 64, { N: 2 ** 14, r: 8, p: 1 });
    const older = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    await expect(hasher.verify('rotate me', older)).resolves.toBe(true);
    await expect(hasher.verify('rotate you', older)).resolves.toBe(false);
  });
});
