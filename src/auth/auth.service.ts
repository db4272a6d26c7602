import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UsersService } from '../users/users.service';
import { toActor } from '../users/user.mapper';
import { Actor } from './roles';
import { AccessTokenDto } from './dto/login.dto';

interface TokenClaims {
  sub: string;
  role: string;
}

export const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  /** The same 401 for an unknown email, a wrong password and a deactivated account. */
  async login(email: string, password: string): Promise<AccessTokenDto> {
    const user = await this.users.authenticate(email, password);
    if (!user) throw new UnauthorizedException(INVALID_CREDENTIALS);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role } satisfies TokenClaims);
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat };
  }

  /**
   * The actor behind a bearer token. The user is read afresh on every request, so a
   * deactivation or a change of role or partnerships takes effect at once.
   */
  async actorFor(token: string): Promise<Actor | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const user = typeof claims.sub === 'string' ? await this.users.findActive(claims.sub) : null;
    return user ? toActor(user) : null;
  }
}
