import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { AuthService } from './auth.service';
import { Actor, Role } from './roles';

/**
 * The one gate in front of every route: a valid bearer token (401 otherwise), then a role the
 * route allows (403 otherwise). Partnership-level rules ("only your own partnership's
 * figures") are checked by the services, which know which partnership owns what.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
    const token = bearerToken(request);
    const actor = token ? await this.auth.actorFor(token) : null;
    if (!actor) throw new UnauthorizedException('A valid bearer token is required');
    request.user = actor;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (actor.role === 'admin' || allowed.includes(actor.role)) return true;
    throw new ForbiddenException(`A ${actor.role} may not do this`);
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}
