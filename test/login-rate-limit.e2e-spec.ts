import { ADMIN, createTestApp, describeE2E, TestApp } from './helpers/app';

describeE2E('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the 11th login attempt within a minute from one client with 429, and other routes are not limited', async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: `wrong-${attempt}` }).expect(401);
    }
    const blocked = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429 });
    expect(blocked.headers['retry-after-login']).toBeDefined();
    // Legitimate bulk work elsewhere is never throttled by default.
    for (let i = 0; i < 60; i++) await t.api().get('/api/v1/partnerships').expect(200);
  });
});
