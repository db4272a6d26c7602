import { LRUCache } from 'lru-cache';

/** What a verified token says: who, and until when (seconds since the epoch, as in `exp`). */
export interface VerifiedClaims {
  sub: string;
  role: string;
  ver?: number;
  exp?: number;
}

/**
 * Tokens whose signature has already been checked, with their claims, until they expire. A client
 * sends the same bearer token on every request, and checking its HMAC (decode, key, signature,
 * claims) was a few per cent of the CPU of a target-list request (bench/targets-list.ts). Only the
 * signature check is skipped: the user behind the token is still read on every request
 * (AuthService.actorFor), so a deactivation, a new role or a new password still takes effect at once.
 * A token that failed is never kept, and a kept one is given up the second its `exp` passes,
 * as jsonwebtoken itself would refuse it then.
 */
export class VerifiedTokens {
  private readonly tokens: LRUCache<string, VerifiedClaims>;

  constructor(
    max = 1_000,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = new LRUCache({ max });
  }

  /** The claims of `token`, verified once by `verify` (which throws for a bad token) and then remembered. */
  async claims(token: string, verify: (token: string) => Promise<VerifiedClaims>): Promise<VerifiedClaims> {
    const known = this.tokens.get(token);
    if (known && this.live(known)) return known;
    if (known) this.tokens.delete(token);
    const claims = await verify(token);
    if (typeof claims.exp === 'number' && this.live(claims)) this.tokens.set(token, claims);
    return claims;
  }

  /** jsonwebtoken's rule: a token is expired once the current second reaches `exp`. */
  private live(claims: VerifiedClaims): boolean {
    return typeof claims.exp === 'number' && Math.floor(this.now() / 1000) < claims.exp;
  }
}
