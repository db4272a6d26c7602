import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LRUCache } from 'lru-cache';
import type { EnvironmentVariables } from '../config/env.validation';
import { REDIS, REDIS_PREFIX, type RedisClient } from '../redis/redis.module';
import { LocalGenerations, RedisGenerations, type SummaryGenerations } from './summary-generations';

export const SUMMARY_GENERATIONS = Symbol('SUMMARY_GENERATIONS');

/** Generations in Redis when there is one (every instance sees every write), else in this process. */
export const summaryGenerationsProvider = {
  provide: SUMMARY_GENERATIONS,
  inject: [REDIS, REDIS_PREFIX],
  useFactory: (redis: RedisClient, prefix: string): SummaryGenerations => (redis ? new RedisGenerations(redis, prefix) : new LocalGenerations()),
};

/**
 * What was loaded for a summary, kept per (generation, strategy, period, scope) in a
 * least-recently-used map. Loads are shared: concurrent requests for the same key wait for
 * one load. A failed load (unknown theme, a database error) is not kept.
 */
@Injectable()
export class SummaryCache {
  private readonly entries: LRUCache<string, Promise<unknown>> | null;

  constructor(
    @Inject(SUMMARY_GENERATIONS) private readonly generations: SummaryGenerations,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    const size = config.get('SUMMARY_CACHE_SIZE', { infer: true });
    this.entries = size > 0 ? new LRUCache({ max: size }) : null;
  }

  /** The strategy's generations now (Redis or this process); throws when Redis does not answer. */
  generation(strategyId: string): Promise<string> {
    return this.generations.current(strategyId);
  }

  async get<T>(strategyId: string, scope: string, load: () => Promise<T>): Promise<T> {
    if (!this.entries) return load();
    let generation: string;
    try {
      // Read before loading: a write that commits during the load raises it, so what was loaded
      // is kept under a key no later request asks for.
      generation = await this.generations.current(strategyId);
    } catch {
      // Redis unreachable: answer from the database rather than risk a stale summary.
      return load();
    }
    const key = `${generation}|${strategyId}|${scope}`;
    const cached = this.entries.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => {
      if (this.entries?.get(key) === loading) this.entries.delete(key);
    });
    return loading;
  }
}
