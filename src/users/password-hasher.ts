import { Injectable } from '@nestjs/common';
import { randomBytes, scrypt as scryptCallback, ScryptOptions, timingSafeEqual } from 'node:crypto';

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** scrypt cost parameters: N = 2^15 (about 50 ms a hash here), as OWASP recommends for scrypt. */
const DEFAULTS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 64;

/**
 * Password hashing with Node's scrypt, a slow memory-hard KDF. The stored form carries its own
 * parameters (`scrypt$N$r$p$salt$key`), so they can be raised later without breaking old hashes.
 */
@Injectable()
export class PasswordHasher {
  private readonly dummy: Promise<string>;

  constructor() {
    // Verifying against a throwaway hash when the email is unknown keeps the time of a failed
    // login the same whether or not the account exists.
    this.dummy = this.hash(randomBytes(16).toString('hex'));
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, KEY_LENGTH, { ...DEFAULTS, maxmem: 128 * DEFAULTS.N * DEFAULTS.r * 2 });
    return ['scrypt', DEFAULTS.N, DEFAULTS.r, DEFAULTS.p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string | null): Promise<boolean> {
    const encoded = stored ?? (await this.dummy);
    const [scheme, n, r, p, salt, key] = encoded.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const N = Number(n);
    const expected = Buffer.from(key, 'base64');
    const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
      N,
      r: Number(r),
      p: Number(p),
      maxmem: 128 * N * Number(r) * 2,
    });
    return stored !== null && timingSafeEqual(actual, expected);
  }
}
