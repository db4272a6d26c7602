import { REDIS_PREFIX, REDIS_URL } from './helpers/redis-env';
import Redis from 'ioredis';
import request from 'supertest';
import { ADMIN, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

const PERIOD = '2025-26-Q2';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

// Two instances of the application on one database and one Redis, as behind a load balancer
// (issue 11): what one instance writes or counts, the other sees.
describeE2E('two instances sharing Redis: summary cache invalidation and login throttling', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    // Only this run's keys (its own prefix), never the whole Redis.
    for await (const keys of redis.scanStream({ match: `${REDIS_PREFIX}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) await redis.del(...keys);
    }
    await redis.quit();
    await b?.close({ keepData: true });
    await a?.close();
  });

  it('a write on instance A is in instance B’s next summary, though B had cached it', async () => {
    const onA = await new StrategyBuilder(a).init();
    const theme = await onA.theme('Community safety');
    const target = await onA.target({ code: 'CS 1', themeId: theme, baselineValue: 100, targetValue: 140 });
    const summaryOnB = async () => (await b.api().get(`/api/v1/strategies/${onA.strategyId}/summary?period=${PERIOD}`).expect(200)).body;
    expect((await summaryOnB()).themes[0].targets[0].title).toBe('Target CS 1');
    // B has it cached now; the edit goes to A.
    await a.api().patch(`/api/v1/targets/${target.id}`).send({ version: target.version, title: 'Reduce burglary' }).expect(200);
    expect((await summaryOnB()).themes[0].targets[0].title).toBe('Reduce burglary');
    // The generations are in this run's Redis keys.
    expect(await redis.get(`${REDIS_PREFIX}:summary-generation:strategy:${onA.strategyId}`)).not.toBeNull();
  });

  it('counts failed API logins on A and B together: the 11th attempt is refused on either', async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const app = attempt % 2 ? a : b;
      await app.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: `wrong-${attempt}` }).expect(401);
    }
    // Each instance has seen only 5 attempts; together they are at the limit of 10.
    await a.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(429);
    const blocked = await b.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(429);
    expect(Number(blocked.headers['retry-after-login'])).toBeGreaterThan(0);
  });

  it('counts failed web sign-ins on A and B together', async () => {
    const agents = [request.agent(a.app.getHttpServer()), request.agent(b.app.getHttpServer())];
    const tokens = await Promise.all(agents.map(async (agent) => csrfOf((await agent.get('/sign-in').expect(200)).text)));
    for (let attempt = 1; attempt <= 10; attempt++) {
      const i = attempt % 2;
      await agents[i].post('/sign-in').type('form').send({ _csrf: tokens[i], email: ADMIN.email, password: `wrong-${attempt}` }).expect(200);
    }
    await agents[0].post('/sign-in').type('form').send({ _csrf: tokens[0], email: ADMIN.email, password: ADMIN.password }).expect(429);
  });
});
