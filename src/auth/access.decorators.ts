import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';
import { Actor, MANAGERS, READERS, Role } from './roles';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** No token needed (health, login, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The roles that may call a route. Admins may call every route. A route that declares
 * neither @Public nor @Roles is refused to everyone else: routes are born protected.
 */
export function Roles(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorDto, description: 'No valid bearer token' }),
    ApiForbiddenResponse({ type: ErrorDto, description: 'The role or partnership does not allow this' }),
  );
}

/** Read access: viewers, partnership officers and coordinators (and admins). */
export const ReadAccess = () => Roles(...READERS);
/** Setting up and managing the strategy: coordinators (and admins). */
export const ManageAccess = () => Roles(...MANAGERS);
/** Admins only. */
export const AdminOnly = () => Roles();

/** The authenticated user of the request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ user: Actor }>().user;
});
