import type { ApplicationConfig } from '@nestjs/core';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

describeE2E('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs no global interceptor and only its own global guards (no do-nothing enhancers on every request)', () => {
    const config = (t.app as unknown as { config: ApplicationConfig }).config;
    expect(config.getGlobalInterceptors()).toEqual([]);
    expect(config.getGlobalGuards().map((g) => g.constructor.name).sort()).toEqual(['AppThrottlerGuard', 'AuthGuard']);
  });

  it('answers health without the API prefix and names the engine', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: expect.stringMatching(/^(sqlite|postgres)$/) });
  });

  it('serves the OpenAPI document listing the structure endpoints with their DTOs', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/v1/partnerships',
      '/api/v1/partnerships/{id}',
      '/api/v1/partnerships/{id}/members',
      '/api/v1/partnerships/{id}/members/{memberId}',
      '/api/v1/strategies',
      '/api/v1/strategies/{id}',
      '/api/v1/strategies/{id}/themes',
      '/api/v1/themes/{id}',
      '/api/v1/strategies/{id}/priorities',
      '/api/v1/priorities/{id}',
      '/api/health',
    ]) {
      expect(paths).toContain(path);
    }
    const schemas = res.body.components.schemas;
    // The Swagger plugin read the DTO types: required fields and enums are in the document.
    expect(schemas.CreatePartnershipDto.required).toEqual(expect.arrayContaining(['name', 'kind']));
    expect(schemas.CreatePartnershipDto.properties.kind.enum).toEqual(['lsp', 'thematic', 'other']);
    expect(schemas.ErrorDto.properties).toHaveProperty('errors');
    const create = res.body.paths['/api/v1/partnerships'].post;
    expect(create.responses).toHaveProperty('201');
    expect(create.responses).toHaveProperty('400');
    expect(create.operationId).toBe('Partnerships_create');
  });

  it('serves the OpenAPI UI', async () => {
    const res = await t.http().get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
  });

  it('gives every response a request id, echoing a well-formed one from the client', async () => {
    const generated = await t.http().get('/api/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.http().get('/api/health').set('X-Request-Id', 'board-pack-42').expect(200);
    expect(echoed.headers['x-request-id']).toBe('board-pack-42');
  });

  it('refuses malformed JSON with 400 in the documented shape', async () => {
    const res = await t
      .api()
      .post('/api/v1/partnerships')
      .set('Content-Type', 'application/json')
      .send('{"name": "Safer Wealden", ')
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toMatch(/JSON/);
  });

  it('answers an unknown route with 404 in the documented shape', async () => {
    const res = await t.api().get('/api/v1/no-such-thing').expect(404);
    expect(res.body.statusCode).toBe(404);
    expect(typeof res.body.message).toBe('string');
  });

  it.each([
    ['page=0', 'page'],
    ['pageSize=201', 'pageSize'],
    ['page=abc', 'page'],
    ['kind=council', 'kind'],
    ['parentId=nope', 'parentId'],
    ['colour=red', 'colour'],
  ])('refuses a bad list query (%s) naming %s', async (query, field) => {
    const res = await t.api().get(`/api/v1/partnerships?${query}`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
