import { DataSource } from 'typeorm';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

describeE2E('health: liveness and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a token or the API prefix', async () => {
    const live = await t.http().get('/api/health/live').expect(200);
    expect(live.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    const ready = await t.http().get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up', responseTime: expect.any(Number) } },
      error: {},
      details: { database: { status: 'up', responseTime: expect.any(Number) } },
    });
  });

  it('is not ready (503) while the database does not answer, yet still alive', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.destroy();
    try {
      const ready = await t.http().get('/api/health/ready').expect(503);
      expect(ready.body).toMatchObject({ statusCode: 503 });
      expect(JSON.stringify(ready.body)).toMatch(/database/);
      await t.http().get('/api/health/live').expect(200);
      await t.http().get('/api/health').expect(503);
    } finally {
      await dataSource.initialize();
    }
    await t.http().get('/api/health/ready').expect(200);
  });

  it('lists both in the OpenAPI document', async () => {
    const paths = Object.keys((await t.http().get('/api/docs-json').expect(200)).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/health/live', '/api/health/ready']));
  });
});
