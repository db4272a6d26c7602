import type { CanActivate, INestApplication, NestInterceptor } from '@nestjs/common';
import type { ApplicationConfig } from '@nestjs/core';

/**
 * nestjs-cls (the implicit transactions, src/database/transactions.ts) always registers a global
 * guard and a global interceptor; when they are not mounted, as here (a transaction opens its own
 * context), they are plain objects that do nothing: `{ canActivate: () => true }` and
 * `{ intercept: (_, next) => next.handle() }`. One global interceptor, even one that does nothing,
 * sends every request through Nest's rxjs pipeline (an async resource per level, deferred
 * observables, lastValueFrom); a CPU profile of the target list under load put it at a few per cent
 * of each request (docs/PERFORMANCE.md). This drops exactly those two objects (any enhancer that
 * is a class instance, such as our own guards and pipes, stays) before the routes are built, so
 * call it before `init`/`listen`. Guarded by test/conventions.e2e-spec.ts.
 */
export function dropNoOpEnhancers(app: INestApplication): void {
  const config = (app as unknown as { config: ApplicationConfig }).config;
  const isPlainObject = (value: object) => Object.getPrototypeOf(value) === Object.prototype;
  const interceptors = config.getGlobalInterceptors() as NestInterceptor[];
  const keptInterceptors = interceptors.filter((i) => !(isPlainObject(i) && Object.keys(i).join() === 'intercept'));
  const guards = config.getGlobalGuards() as CanActivate[];
  const keptGuards = guards.filter((g) => !(isPlainObject(g) && Object.keys(g).join() === 'canActivate' && g.canActivate.length === 0));
  interceptors.length = 0;
  interceptors.push(...keptInterceptors);
  guards.length = 0;
  guards.push(...keptGuards);
}
