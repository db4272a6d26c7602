import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiErrorResponse } from '../common/error.dto';
import { Actor, MANAGERS, READERS, Role } from './roles';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** No token needed (health, login, the OpenAPI document). `security: [{}]` in the document says so. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiSecurity({}));

/**
 * The roles that may call a route. Admins may call every route. A route that declares
 * neither @Public nor @Roles is refused to everyone else: routes are born protected.
 */
export function Roles(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiErrorResponse(401),
    ApiErrorResponse(403),
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
