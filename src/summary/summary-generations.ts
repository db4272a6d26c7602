import type Redis from 'ioredis';

/**
 * Generation counters for the summary cache: one for every strategy, and one for "everything"
 * (a write whose strategy is not known, such as a partnership renamed). A cached summary is
 * keyed by both generations, read before its data is loaded; bumping either after a write
 * commits makes every older entry unreachable, so no instance serves a summary from before the
 * write (issue 11).
 */
export interface SummaryGenerations {
  /** `${all}.${strategy}`, to key a cache entry with. */
  current(strategyId: string): Promise<string>;
  /** After a committed write: `'all'` when which strategies it changed is not known. */
  bump(strategyIds: Iterable<string> | 'all'): Promise<void>;
}

/** One process: plain counters. */
export class LocalGenerations implements SummaryGenerations {
  private all = 0;
  private readonly perStrategy = new Map<string, number>();

  current(strategyId: string): Promise<string> {
    return Promise.resolve(`${this.all}.${this.perStrategy.get(strategyId) ?? 0}`);
  }

  bump(strategyIds: Iterable<string> | 'all'): Promise<void> {
    if (strategyIds === 'all') {
      this.all++;
      // Every entry is now unreachable; the per-strategy counters can start again.
      this.perStrategy.clear();
    } else {
      for (const id of strategyIds) this.perStrategy.set(id, (this.perStrategy.get(id) ?? 0) + 1);
    }
    return Promise.resolve();
  }
}

/**
 * Several instances: the counters are Redis keys, read on every summary (one MGET) and raised
 * with INCR by the instance (or CLI process) that wrote. No message can be missed, unlike
 * pub/sub: an instance that was disconnected reads the current generation on its next summary.
 */
export class RedisGenerations implements SummaryGenerations {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(part: string): string {
    return `${this.prefix}:summary-generation:${part}`;
  }

  async current(strategyId: string): Promise<string> {
    const [all, strategy] = await this.redis.mget(this.key('all'), this.key(`strategy:${strategyId}`));
    return `${all ?? 0}.${strategy ?? 0}`;
  }

  async bump(strategyIds: Iterable<string> | 'all'): Promise<void> {
    if (strategyIds === 'all') {
      await this.redis.incr(this.key('all'));
      return;
    }
    const ids = [...strategyIds];
    if (ids.length === 0) return;
    const multi = this.redis.multi();
    for (const id of ids) multi.incr(this.key(`strategy:${id}`));
    await multi.exec();
  }
}
