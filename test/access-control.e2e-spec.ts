import { JwtService } from '@nestjs/jwt';
import { ROUTES, Fixtures, Outcome, Persona } from './access/route-table';
import { createRouteFixtures } from './access/fixtures';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';

const PERSONAS: Persona[] = ['anonymous', 'viewer', 'officer', 'otherOfficer', 'coordinator', 'admin'];
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;
type Method = (typeof METHODS)[number];

describeE2E('access control: every route × every role', () => {
  let t: TestApp;
  let f: Fixtures;
  let clients: Record<Exclude<Persona, 'anonymous'>, ApiClient>;
  let operations: { method: Method; path: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    f = await createRouteFixtures(t);
    clients = {
      viewer: await t.as('viewer'),
      officer: await t.as('partnership-officer', [f.partnershipId]),
      otherOfficer: await t.as('partnership-officer', [f.otherPartnershipId]),
      coordinator: t.api(),
      admin: await t.as('admin'),
    };
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m): m is Method => (METHODS as readonly string[]).includes(m))
        .map((method) => ({ method, path })),
    );
  });
  afterAll(() => t.close());

  it('has a rule for every route of the API, and no rule for a route that does not exist', () => {
    const documented = operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(Object.keys(ROUTES).sort()).toEqual(documented);
  });

  it('treats an expired or tampered token like no token at all, on every route', async () => {
    const jwt = t.app.get(JwtService);
    const coordinator = clients.coordinator.user;
    const expired = await jwt.signAsync({ sub: coordinator.id, role: coordinator.role }, { expiresIn: -60 });
    const valid = await jwt.signAsync({ sub: coordinator.id, role: coordinator.role });
    const [header, payload] = valid.split('.');
    const tampered = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const failures: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method.toUpperCase()} ${path}`;
      const rule = ROUTES[key];
      if (!rule) continue;
      const url = rule.path ? rule.path(f) : fill(path, f);
      for (const [label, token] of [['expired', expired], ['tampered', tampered]]) {
        const req = t.http()[method](url).set('Authorization', `Bearer ${token}`);
        const res = await (method === 'get' || method === 'delete' ? req : req.send(rule.body?.(f) ?? {}));
        const expected = rule.expect.anonymous;
        const ok = expected === 'ok' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected;
        if (!ok) failures.push(`${key} with an ${label} token: expected ${expected}, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every route as the table says for every role', async () => {
    const failures: string[] = [];
    for (const { method, path } of operations) {
      const key = `${method.toUpperCase()} ${path}`;
      const rule = ROUTES[key];
      if (!rule) continue;
      const url = rule.path ? rule.path(f) : fill(path, f);
      for (const persona of PERSONAS) {
        const base = persona === 'anonymous' ? t.http() : clients[persona];
        const req = base[method](url);
        const res = await (method === 'get' || method === 'delete' ? req : req.send(rule.body?.(f) ?? {}));
        const expected: Outcome = rule.expect[persona];
        const ok = expected === 'ok' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected;
        if (!ok) failures.push(`${key} as ${persona}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

function fill(path: string, f: Fixtures): string {
  const values: Record<string, string> = { id: f.partnershipId, memberId: f.memberId };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? f.missingId);
}
