import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One atomic step per request: a window counter that starts with the first hit and expires
 * `ttl` later; over `limit`, a block key for `blockDuration` (the counter is dropped, so counting
 * starts again when the block ends, as in @nestjs/throttler's own in-memory storage). Times in ms.
 */
const INCREMENT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, block = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blocked = redis.call('PTTL', blockKey)
if blocked > 0 then
  return {limit + 1, blocked, 1, blocked}
end
local hits = redis.call('INCR', hitsKey)
local left = redis.call('PTTL', hitsKey)
if left < 0 then
  redis.call('PEXPIRE', hitsKey, ttl)
  left = ttl
end
if hits > limit and block > 0 then
  redis.call('SET', blockKey, '1', 'PX', block)
  redis.call('DEL', hitsKey)
  return {hits, left, 1, block}
end
if hits > limit then
  return {hits, left, 1, left}
end
return {hits, left, 0, 0}
`;

/**
 * @nestjs/throttler's counts in Redis, so that every instance behind a load balancer counts the
 * same login attempts (issue 11). @nest-lab/throttler-storage-redis would do this, but its peer
 * dependencies stop at Nest 11; this is the same idea on the ioredis connection we already have.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:blocked`, ttl, limit, blockDuration)) as number[];
    const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
    return { totalHits, timeToExpire: seconds(timeToExpire), isBlocked: isBlocked === 1, timeToBlockExpire: isBlocked === 1 ? Math.max(1, seconds(timeToBlockExpire)) : 0 };
  }
}
