import { ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { EnvironmentVariables } from '../config/env.validation';
import { isLoginThrottled } from './login-throttle';

/**
 * The throttler guard, skipping at once the requests no throttler counts: by default only the
 * login routes are limited (RATE_LIMIT_PER_MINUTE is 0), and every other request would otherwise
 * go through each throttler's metadata look-ups and skip checks (a CPU profile of the target
 * list, docs/PERFORMANCE.md). What is counted, and how, is still ThrottlerGuard's.
 */
@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  private readonly everyRouteLimited: boolean;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    super(options, storage, reflector);
    this.everyRouteLimited = config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) > 0;
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!this.everyRouteLimited && !isLoginThrottled(context));
  }
}
