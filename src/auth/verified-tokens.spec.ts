import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const second = 1_000;
  let now: number;
  let calls: string[];
  const tokens = (max?: number) => new VerifiedTokens(max, () => now);
  const verifier =
    (claims: VerifiedClaims | Error) =>
    async (token: string): Promise<VerifiedClaims> => {
      calls.push(token);
      if (claims instanceof Error) throw claims;
      return claims;
    };

  beforeEach(() => {
    now = 1_800_000_000 * second;
    calls = [];
  });

  it('checks a token once and answers its claims from memory until it expires', async () => {
    const cache = tokens();
    const claims = { sub: 'u1', role: 'viewer', ver: 2, exp: now / second + 60 };
    expect(await cache.claims('a', verifier(claims))).toEqual(claims);
    expect(await cache.claims('a', verifier(claims))).toEqual(claims);
    now += 59 * second;
    expect(await cache.claims('a', verifier(claims))).toEqual(claims);
    expect(calls).toEqual(['a']);
  });

  it('checks it again from the second its exp is reached, so an expired token gets the verifier\'s refusal', async () => {
    const cache = tokens();
    await cache.claims('a', verifier({ sub: 'u1', role: 'viewer', exp: now / second + 60 }));
    now += 60 * second;
    await expect(cache.claims('a', verifier(new Error('jwt expired')))).rejects.toThrow('jwt expired');
    await expect(cache.claims('a', verifier(new Error('jwt expired')))).rejects.toThrow('jwt expired');
    expect(calls).toEqual(['a', 'a', 'a']);
  });

  it('never remembers a token that failed', async () => {
    const cache = tokens();
    await expect(cache.claims('bad', verifier(new Error('invalid signature')))).rejects.toThrow('invalid signature');
    await expect(cache.claims('bad', verifier(new Error('invalid signature')))).rejects.toThrow();
    expect(calls).toEqual(['bad', 'bad']);
  });

  it('does not remember a token without an expiry, or one already expired', async () => {
    const cache = tokens();
    await cache.claims('forever', verifier({ sub: 'u1', role: 'viewer' }));
    await cache.claims('forever', verifier({ sub: 'u1', role: 'viewer' }));
    await cache.claims('stale', verifier({ sub: 'u1', role: 'viewer', exp: now / second }));
    await cache.claims('stale', verifier({ sub: 'u1', role: 'viewer', exp: now / second }));
    expect(calls).toEqual(['forever', 'forever', 'stale', 'stale']);
  });

  it('keeps each token\'s own claims, and at most `max` tokens', async () => {
    const cache = tokens(2);
    const exp = now / second + 60;
    await cache.claims('a', verifier({ sub: 'ua', role: 'viewer', exp }));
    await cache.claims('b', verifier({ sub: 'ub', role: 'officer', exp }));
    expect((await cache.claims('b', verifier(new Error('not called')))).sub).toBe('ub');
    await cache.claims('c', verifier({ sub: 'uc', role: 'viewer', exp }));
    // 'a' was the least recently used of three in a cache of two: checked again.
    expect((await cache.claims('a', verifier({ sub: 'ua', role: 'viewer', exp }))).sub).toBe('ua');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
