import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UsersService } from '../users/users.service';
import { toActor } from '../users/user.mapper';
import { Actor } from './roles';
import { AccessTokenDto } from './dto/login.dto';
import { VerifiedClaims, VerifiedTokens } from './verified-tokens';

interface TokenClaims extends VerifiedClaims {
  sub: string;
  role: string;
  /** The user's tokenVersion when the token was issued; absent in tokens from before it existed (0). */
  ver?: number;
}

export const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  private readonly verified = new VerifiedTokens();

  /** The same 401 for an unknown email, a wrong password and a deactivated account. */
  async login(email: string, password: string): Promise<AccessTokenDto> {
    const user = await this.users.authenticate(email, password);
    if (!user) throw new UnauthorizedException(INVALID_CREDENTIALS);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, ver: user.tokenVersion } satisfies TokenClaims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat };
  }

  /**
   * The actor behind a bearer token. The user is read afresh on every request, so a
   * deactivation, a change of role or partnerships, or a new password takes effect at once.
   */
  async actorFor(token: string): Promise<Actor | null> {
    let claims: TokenClaims;
    try {
      claims = await this.verified.claims(token, (t) => this.jwt.verifyAsync<TokenClaims>(t));
    } catch {
      return null;
    }
    return typeof claims.sub === 'string' ? this.actorOf(claims.sub, claims.ver ?? 0) : null;
  }

  /**
   * The active user with this id, if their credentials have not changed since `tokenVersion`
   * was read (at sign-in, into a token or a session); null otherwise.
   */
  async actorOf(userId: string, tokenVersion: number): Promise<Actor | null> {
    const user = await this.users.findActive(userId);
    return user && user.tokenVersion === tokenVersion ? toActor(user) : null;
  }

  /** See UsersService.changePassword: the caller's earlier tokens stop working. */
  changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    return this.users.changePassword(actor, currentPassword, newPassword);
  }
}
