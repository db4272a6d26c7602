import { isLanguage } from '../domain/language';
import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { Actor, READERS, Role } from '../auth/roles';
import { toActor } from '../users/user.mapper';
import { UsersService } from '../users/users.service';

const WEB_ROLES_KEY = 'web:roles';

export type WebRequest = Request & { actor?: Actor };

/** Not signed in (or no longer allowed to be): the page sends the browser to the sign-in page. */
export class SignInRequired extends HttpException {
  constructor() {
    super('Sign in to continue', HttpStatus.UNAUTHORIZED);
  }
}

/**
 * The web pages' gate: a session whose user is read afresh on every request, so that a
 * deactivated user, a changed role or a changed password takes effect at once, then a role the
 * page allows.
 * The API's bearer-token guard is told the page is public; this guard takes its place.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    const userId = request.session?.userId;
    const found = userId ? await this.users.findActive(userId) : null;
    // A password changed (or reset by an admin) since sign-in ends the session, as it ends tokens.
    const user = found && found.tokenVersion === (request.session.tokenVersion ?? 0) ? found : null;
    if (!user) {
      if (userId) await new Promise<void>((done) => request.session.regenerate(() => done()));
      throw new SignInRequired();
    }
    // The footer's language link (?lang=) is the user's choice, kept with the user for their next sign-in.
    const requested = request.query?.lang;
    if (isLanguage(requested) && requested !== user.language) await this.users.update(user.id, { language: requested });
    request.actor = toActor(user);
    context.switchToHttp().getResponse<Response>().locals.user = request.actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(WEB_ROLES_KEY, [context.getHandler(), context.getClass()]) ?? READERS;
    if (user.role === 'admin' || allowed.includes(user.role)) return true;
    throw new ForbiddenException(`A ${user.role} may not see this page`);
  }
}

/** A page for signed-in users of these roles (admins always; every reader by default). */
export function SignedIn(...roles: Role[]) {
  return applyDecorators(Public(), SetMetadata(WEB_ROLES_KEY, roles.length ? roles : READERS), UseGuards(WebSessionGuard));
}

/** The signed-in user of a page. */
export const WebActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<WebRequest>().actor!;
});
