import { JwtService } from '@nestjs/jwt';
import { ROUTES, Fixtures, Outcome, Persona } from './access/route-table';
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
    const api = t.api();
    const post = async (path: string, body: object) => (await api.post(path).send(body).expect(201)).body;
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
    });
    const assignment = await post(`/api/v1/targets/${target.id}/assignments`, { partnershipId: mine.id, accountableOfficer: { name: 'Olu Officer', email: 'olu@example.test' } });
    const update = await post(`/api/v1/targets/${target.id}/progress`, { period: '2025-26-Q1', value: 99 });
    clients = {
      viewer: await t.as('viewer'),
      officer: await t.as('partnership-officer', [mine.id]),
      otherOfficer: await t.as('partnership-officer', [other.id]),
      coordinator: t.api(),
      admin: await t.as('admin'),
    };
    f = {
      partnershipId: mine.id,
      otherPartnershipId: other.id,
      memberId: member.id,
      strategyId: strategy.id,
      themeId: theme.id,
      priorityId: priority.id,
      userId: clients.viewer.user.id,
      targetId: target.id,
      assignmentId: assignment.id,
      progressId: update.id,
      missingId: '00000000-0000-4000-8000-000000000000',
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
