import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisThrottlerStorage } from '../src/auth/redis-throttler-storage';
import { describeE2E } from './helpers/app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The Lua script of the Redis throttler storage, on the real Redis (this run's own key prefix):
// the window, the block and its end, as @nestjs/throttler's in-memory storage behaves.
describeE2E('RedisThrottlerStorage', () => {
  let redis: Redis;
  const prefix = `e2e-${randomBytes(6).toString('hex')}`;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) await redis.del(...keys);
    }
    await redis.quit();
  });

  it('counts within the window, blocks over the limit for the block duration, then counts afresh', async () => {
    const storage = new RedisThrottlerStorage(redis, prefix);
    const hit = () => storage.increment('client-a', 5_000, 2, 600, 'login');
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    const blocked = await hit();
    expect(blocked).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 1 });
    expect(await hit()).toMatchObject({ isBlocked: true });
    // Another client and another throttler are counted apart.
    expect(await storage.increment('client-b', 5_000, 2, 600, 'login')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await storage.increment('client-a', 5_000, 2, 600, 'api')).toMatchObject({ totalHits: 1, isBlocked: false });
    await sleep(700);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('starts a new window when the old one expires', async () => {
    const storage = new RedisThrottlerStorage(redis, prefix);
    const hit = () => storage.increment('client-c', 300, 5, 300, 'login');
    await hit();
    expect(await hit()).toMatchObject({ totalHits: 2, timeToExpire: 1 });
    await sleep(400);
    expect(await hit()).toMatchObject({ totalHits: 1 });
  });
});
