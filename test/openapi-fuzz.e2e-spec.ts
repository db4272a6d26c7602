/**
 * Hostile input on every operation of the OpenAPI document, as an administrator (who may call
 * every route, so requests reach validation): malformed JSON, deep nesting, wrong types, nulls,
 * empty and 10,000-character strings, arrays for objects, out-of-range and non-numeric page
 * parameters, ids that are not ids, unknown fields. A new route is fuzzed as soon as it is
 * documented. No answer may be a 5xx, and every 4xx has the documented error shape.
 *
 * FUZZ_SEED picks the awkward text (the failures print it); the default is fixed, so CI is repeatable.
 */
import './fuzz/raise-login-limit';
import { JwtService } from '@nestjs/jwt';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createRouteFixtures } from './access/fixtures';
import { Fixtures, ROUTES } from './access/route-table';
import { OpenApiDocument, seededRandom, Variant, variantsOf } from './fuzz/openapi-variants';
import { ApiClient, createTestApp, describeE2E, engine, TestApp } from './helpers/app';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/** Extra resources some routes need: a target nobody is assigned to yet. */
interface Extra {
  unassignedTargetId: string;
}

/** Where a route's own table entry would meet a conflict before validation (an existing assignment). */
const FUZZ_PATHS: Record<string, (f: Fixtures, x: Extra) => string> = {
  'POST /api/v1/targets/{id}/assignments': (_f, x) => `/api/v1/targets/${x.unassignedTargetId}/assignments`,
};

/**
 * Valid bodies for the creating routes, so that a variant with one bad field gets past every
 * other field's validation and reaches that field's own checks (and the service behind them).
 */
const VALID_BODIES: Record<string, (f: Fixtures) => object> = {
  'POST /api/v1/users': () => ({ email: 'fuzzed@e2e.test', name: 'Fuzzed User', role: 'viewer', password: 'fuzzed-password-123' }),
  'POST /api/v1/partnerships': () => ({ name: 'Fuzzed Partnership', kind: 'thematic' }),
  'POST /api/v1/partnerships/{id}/members': () => ({ organisation: 'Fuzzed Organisation', sector: 'public' }),
  'POST /api/v1/strategies': (f) => ({ title: 'Fuzzed Strategy', area: 'East Sussex', startDate: '2008-04-01', endDate: '2026-03-31', leadPartnershipId: f.partnershipId }),
  'POST /api/v1/strategies/{id}/themes': () => ({ title: 'Fuzzed theme', kind: 'theme' }),
  'POST /api/v1/strategies/{id}/priorities': () => ({ title: 'Fuzzed priority', kind: 'cross-cutting' }),
  'POST /api/v1/strategies/{id}/targets': (f) => ({
    code: 'FZ 1',
    title: 'Fuzzed target',
    themeId: f.themeId,
    unit: 'count',
    direction: 'increase',
    baselineValue: 1,
    baselinePeriod: '2024-25-Q4',
    targetValue: 2,
    targetPeriod: '2025-26-Q4',
    milestones: [{ period: '2025-26-Q2', value: 1.5 }],
  }),
  'POST /api/v1/targets/{id}/assignments': (f) => ({ partnershipId: f.otherPartnershipId, accountableOfficer: { name: 'Fuzzed Officer', email: 'fuzzed.officer@example.test' } }),
};
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;
type Method = (typeof METHODS)[number];

describeE2E('OpenAPI-driven fuzzing: no 5xx, and the error shape, on every operation', () => {
  let t: TestApp;
  let f: Fixtures;
  let admin: ApiClient;
  let token: string;
  let base: string;
  let doc: OpenApiDocument;
  let extra: Extra;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    f = await createRouteFixtures(t);
    const unassigned = await t.api().post(`/api/v1/strategies/${f.strategyId}/targets`).send({
      code: 'NI 17',
      title: 'Nobody answers for this yet',
      themeId: f.themeId,
      unit: 'count',
      baselineValue: 1,
      targetValue: 2,
      direction: 'increase',
      baselinePeriod: '2024-25-Q4',
      targetPeriod: '2025-26-Q4',
    });
    expect(unassigned.status).toBe(201);
    extra = { unassignedTargetId: unassigned.body.id };
    admin = await t.as('admin');
    token = `Bearer ${await t.app.get(JwtService).signAsync({ sub: admin.user.id, role: admin.user.role })}`;
    doc = (await request(base).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(async () => {
    keepAlive.destroy();
    await t.close();
  });

  it('answers every malformed variant of every operation with a 4xx in the documented shape (or a 2xx), never a 5xx', async () => {
    const started = Date.now();
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let sent = 0;
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter((entry): entry is [Method, (typeof ops)[string]] => (METHODS as readonly string[]).includes(entry[0]))
        .map(([method, op]) => ({ method, path, op })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const { method, path, op } of operations) {
      const key = `${method.toUpperCase()} ${path}`;
      const rule = ROUTES[key];
      const url = FUZZ_PATHS[key]?.(f, extra) ?? (rule?.path ? rule.path(f) : fill(path, f));
      const body = VALID_BODIES[key]?.(f) ?? rule?.body?.(f) ?? {};
      for (const variant of variantsOf(doc, op, path, url, body, random)) {
        sent++;
        const problem = await send(method, variant);
        if (problem) failures.push(`${key} [${variant.label}] ${problem}`);
      }
    }
    // Enough requests that every kind of variant was tried (a broken generator would send few).
    expect(sent).toBeGreaterThan(1_000);
    process.stdout.write(`openapi fuzz [${engine}]: ${sent} requests to ${operations.length} operations in ${Date.now() - started} ms (FUZZ_SEED=${SEED})\n`);
    if (failures.length) failures.unshift(`FUZZ_SEED=${SEED}: ${failures.length} of ${sent} requests failed`);
    expect(failures).toEqual([]);
    // A loaded 2-core CI machine needs more than the usual minute for a few thousand requests.
  }, 240_000);

  async function send(method: Method, variant: Variant): Promise<string | undefined> {
    let req = request(base)[method](variant.url).agent(keepAlive).set('Authorization', token);
    if (variant.contentType) req = req.set('Content-Type', variant.contentType);
    if (variant.body !== undefined) req = req.send(variant.body as object);
    let res;
    try {
      res = await req;
    } catch (error) {
      return `no answer: ${(error as Error).message}`;
    }
    if (res.status >= 500) return `→ ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
    if (res.status >= 400) {
      const body = res.body as { statusCode?: unknown; message?: unknown };
      if (body?.statusCode !== res.status || typeof body.message !== 'string' || body.message.length === 0) {
        return `→ ${res.status} without the error shape: ${JSON.stringify(res.body).slice(0, 200)}`;
      }
    }
    return undefined;
  }
});

function fill(path: string, f: Fixtures): string {
  const values: Record<string, string> = { id: f.partnershipId, memberId: f.memberId };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? f.missingId);
}
