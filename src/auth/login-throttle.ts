import { ExecutionContext, SetMetadata } from '@nestjs/common';

const LOGIN_THROTTLE_KEY = 'access:login-throttle';

/** Marks the routes counted by the `login` rate limit (see auth.module.ts). */
export const LoginThrottle = () => SetMetadata(LOGIN_THROTTLE_KEY, true);

export function isLoginThrottled(context: ExecutionContext): boolean {
  return Reflect.getMetadata(LOGIN_THROTTLE_KEY, context.getHandler()) === true;
}
