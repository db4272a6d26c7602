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
    f = await createFixtures(t);
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

/** Real ids for every route of the table: one of each kind of resource. */
async function createFixtures(t: TestApp): Promise<Fixtures> {
  const api = t.api();
  const post = async (path: string, body: object) => (await api.post(path).send(body).expect(201)).body as { id: string };
  const lsp = await post('/api/v1/partnerships', { name: 'Wealden Strategic Partnership', kind: 'lsp' });
  const mine = await post('/api/v1/partnerships', { name: 'Safer Wealden Partnership', kind: 'thematic', parentId: lsp.id });
  const other = await post('/api/v1/partnerships', { name: 'Wealden Housing Partnership', kind: 'thematic', parentId: lsp.id });
  const member = await post(`/api/v1/partnerships/${mine.id}/members`, { organisation: 'Sussex Police', sector: 'public' });
  const strategy = await post('/api/v1/strategies', { title: 'Pride of Place', area: 'East Sussex', startDate: '2008-04-01', endDate: '2026-03-31', leadPartnershipId: lsp.id });
  const theme = await post(`/api/v1/strategies/${strategy.id}/themes`, { title: 'Community safety' });
  const priority = await post(`/api/v1/strategies/${strategy.id}/priorities`, { title: 'Safer communities', kind: 'cross-cutting' });
  const target = await post(`/api/v1/strategies/${strategy.id}/targets`, {
    code: 'NI 16',
    title: 'Serious acquisitive crime',
    themeId: theme.id,
    unit: 'crimes',
    direction: 'decrease',
    baselineValue: 100,
    baselinePeriod: '2024-25-Q4',
    targetValue: 80,
    targetPeriod: '2025-26-Q4',
    milestones: [{ period: '2025-26-Q2', value: 90 }],
  });
  const assignment = await post(`/api/v1/targets/${target.id}/assignments`, { partnershipId: mine.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } });
  const update = await post(`/api/v1/targets/${target.id}/progress`, { period: '2025-26-Q1', value: 99 });
  const viewer = await t.as('viewer');
  return {
    partnershipId: mine.id,
    otherPartnershipId: other.id,
    memberId: member.id,
    strategyId: strategy.id,
    themeId: theme.id,
    priorityId: priority.id,
    userId: viewer.user.id,
    targetId: target.id,
    assignmentId: assignment.id,
    progressId: update.id,
    missingId: '00000000-0000-4000-8000-000000000000',
  };
}

function fill(path: string, f: Fixtures): string {
  const values: Record<string, string> = { id: f.partnershipId, memberId: f.memberId };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? f.missingId);
}
