import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Redis from 'ioredis';
import type { EnvironmentVariables } from '../config/env.validation';

/** The one ioredis connection of this process, or null without REDIS_URL (one process, nothing shared). */
export const REDIS = Symbol('REDIS');
export type RedisClient = Redis | null;

/** Keys this deployment writes (summary generations, login counts) start with `${REDIS_PREFIX}:`. */
export const REDIS_PREFIX = Symbol('REDIS_PREFIX');

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly client: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.client.status !== 'end') await this.client.quit().catch(() => this.client?.disconnect());
  }
}

/**
 * State shared by several instances (issue 11): summary cache invalidation and login throttling
 * go through Redis when REDIS_URL is set. ioredis is required only then, so a process without
 * Redis never loads it.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): RedisClient => {
        const url = config.get('REDIS_URL', { infer: true });
        if (!url) return null;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { default: IORedis } = require('ioredis') as { default: typeof Redis };
        // Commands wait through a reconnect rather than fail at once; a summary or login then
        // answers late instead of with a 500 while Redis restarts.
        const client = new IORedis(url, { maxRetriesPerRequest: 3, enableOfflineQueue: true });
        const logger = new Logger('Redis');
        client.on('error', (error: Error) => logger.error(`Redis: ${error.message}`));
        return client;
      },
    },
    {
      provide: REDIS_PREFIX,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): string => config.get('REDIS_PREFIX', { infer: true }),
    },
    RedisCloser,
  ],
  exports: [REDIS, REDIS_PREFIX],
})
export class RedisModule {}
