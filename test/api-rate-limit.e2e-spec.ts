import './helpers/api-rate-limit-env';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

// The throttler guard skips at once the requests no throttler counts (src/auth/app-throttler.guard.ts):
// with RATE_LIMIT_PER_MINUTE set, every API route must still be counted, each on its own.
describeE2E('API rate limit (RATE_LIMIT_PER_MINUTE)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the 6th request to a route within a minute with 429, counting each route on its own', async () => {
    const api = t.api();
    for (let i = 1; i <= 5; i++) await api.get('/api/v1/partnerships').expect(200);
    const blocked = await api.get('/api/v1/partnerships').expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429 });
    expect(blocked.headers['retry-after-api']).toBeDefined();
    await api.get('/api/v1/strategies').expect(200);
  });
});
