import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { ADMIN, createTestApp, describeE2E, TestApp } from './helpers/app';

describeE2E('authentication and users', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ logs });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  // Logins in this file stay under the limit of 10 a minute per client (see login-rate-limit.e2e-spec.ts).
  let adminToken: string;
  const admin = () => bearer(adminToken);

  it('bootstraps the admin from ADMIN_EMAIL/ADMIN_PASSWORD; the admin creates a coordinator, an officer and a viewer who can all sign in', async () => {
    const res = await login(ADMIN.email, ADMIN.password).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 8 * 3600 });
    adminToken = res.body.accessToken;

    const me = await t.http().get('/api/v1/auth/me').set(admin()).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin', active: true, partnershipIds: [] });

    const partnership = (await t.http().post('/api/v1/partnerships').set(admin()).send({ name: 'Safer Wealden Partnership', kind: 'thematic' }).expect(201)).body;
    const people = [
      { email: 'Coordinator@Wealden.gov.example', name: 'Cora Ordinator', role: 'coordinator', password: 'coordinator-pass-1' },
      { email: 'officer@wealden.gov.example', name: 'Olu Officer', role: 'partnership-officer', password: 'officer-pass-123', partnershipIds: [partnership.id] },
      { email: 'board@wealden.gov.example', name: 'Bea Board', role: 'viewer', password: 'viewer-pass-1234' },
    ];
    for (const person of people) {
      const created = await t.http().post('/api/v1/users').set(admin()).send(person).expect(201);
      expect(created.body).toMatchObject({ email: person.email.toLowerCase(), role: person.role, active: true });
      expect(created.body).not.toHaveProperty('password');
      expect(created.body).not.toHaveProperty('passwordHash');
      const token = (await login(person.email.toUpperCase(), person.password).expect(200)).body.accessToken;
      const self = await t.http().get('/api/v1/auth/me').set(bearer(token)).expect(200);
      expect(self.body).toMatchObject({ email: person.email.toLowerCase(), role: person.role, partnershipIds: person.partnershipIds ?? [] });
    }

    const list = await t.http().get('/api/v1/users?role=partnership-officer').set(admin()).expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain('officer@wealden.gov.example');
    const byPartnership = await t.http().get(`/api/v1/users?partnershipId=${partnership.id}`).set(admin()).expect(200);
    expect(byPartnership.body.items.map((u: { email: string }) => u.email)).toEqual(['officer@wealden.gov.example']);
    for (const body of [list.body, byPartnership.body]) {
      expect(JSON.stringify(body)).not.toMatch(/password|scrypt\$/i);
    }
  });

  it('gives a wrong email and a wrong password the same 401', async () => {
    const wrongEmail = await login('nobody@example.test', ADMIN.password).expect(401);
    const wrongPassword = await login(ADMIN.email, 'not-the-password').expect(401);
    expect(wrongEmail.body).toEqual(wrongPassword.body);
    expect(wrongEmail.body).toEqual({ statusCode: 401, message: 'Invalid email or password', error: 'Unauthorized' });
  });

  it('refuses an unknown field or a missing password at login with 400', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('password');
  });

  it('answers 401 without a token, with a malformed, tampered, expired or wrongly signed token', async () => {
    const good = adminToken;
    const [header, payload, signature] = good.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    const jwt = t.app.get(JwtService);
    const expired = await jwt.signAsync({ sub: claims.sub, role: 'admin' }, { expiresIn: -10 });
    const otherKey = await jwt.signAsync({ sub: claims.sub, role: 'admin' }, { secret: 'another-secret-of-at-least-32-characters!!' });
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

    await t.http().get('/api/v1/partnerships').expect(401);
    for (const auth of ['Bearer', 'Bearer not-a-jwt', `Basic ${good}`, `Bearer ${header}.${forgedPayload}.${signature}`, `Bearer ${flipped}`, `Bearer ${expired}`, `Bearer ${otherKey}`]) {
      const res = await t.http().get('/api/v1/partnerships').set('Authorization', auth);
      expect([auth, res.status]).toEqual([auth, 401]);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'A valid bearer token is required' });
    }
    await t.http().get('/api/v1/partnerships').set(bearer(good)).expect(200);
  });

  it('accepts only HS256 with the configured secret: another algorithm, "none" or another secret is refused', async () => {
    const claims = JSON.parse(Buffer.from(adminToken.split('.')[1], 'base64url').toString());
    const secret = process.env.JWT_SECRET ?? '';
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = (alg: string, key: string, hash: string | null) => {
      const unsigned = `${part({ alg, typ: 'JWT' })}.${part(claims)}`;
      return `${unsigned}.${hash ? createHmac(hash, key).update(unsigned).digest('base64url') : ''}`;
    };
    // The hand-made HS256 token proves the construction is right, so the refusals below are about alg and key.
    await t.http().get('/api/v1/partnerships').set(bearer(token('HS256', secret, 'sha256'))).expect(200);
    for (const forged of [token('HS384', secret, 'sha384'), token('HS512', secret, 'sha512'), token('none', secret, null), token('HS256', `${secret}x`, 'sha256')]) {
      const res = await t.http().get('/api/v1/partnerships').set(bearer(forged));
      expect([forged, res.status]).toEqual([forged, 401]);
    }
  });

  it('stops a deactivated user at once, token or not', async () => {
    const user = (await t.http().post('/api/v1/users').set(admin()).send({ email: 'leaver@example.test', name: 'Lee Leaver', role: 'viewer', password: 'leaver-pass-123' }).expect(201)).body;
    const token = (await login('leaver@example.test', 'leaver-pass-123').expect(200)).body.accessToken;
    await t.http().patch(`/api/v1/users/${user.id}`).set(admin()).send({ active: false }).expect(200);
    await t.http().get('/api/v1/auth/me').set(bearer(token)).expect(401);
    await login('leaver@example.test', 'leaver-pass-123').expect(401);
  });

  it('validates users: unique email whatever its case, officers need partnerships, others none, strong enough password', async () => {
    const base = { name: 'Dup', role: 'viewer', password: 'long-enough-pass' };
    await t.http().post('/api/v1/users').set(admin()).send({ ...base, email: 'dup@example.test' }).expect(201);
    const dup = await t.http().post('/api/v1/users').set(admin()).send({ ...base, email: 'DUP@example.test' }).expect(409);
    expect(dup.body.errors).toEqual([{ field: 'email', message: 'already in use' }]);
    const noPartnership = await t.http().post('/api/v1/users').set(admin()).send({ ...base, email: 'o@example.test', role: 'partnership-officer' }).expect(422);
    expect(noPartnership.body.errors[0].field).toBe('partnershipIds');
    await t.http().post('/api/v1/users').set(admin()).send({ ...base, email: 'o2@example.test', role: 'partnership-officer', partnershipIds: ['00000000-0000-4000-8000-000000000000'] }).expect(422);
    const short = await t.http().post('/api/v1/users').set(admin()).send({ ...base, email: 's@example.test', password: 'short' }).expect(400);
    expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    await t.http().post('/api/v1/users').set(admin()).send({ ...base, email: 'bad', role: 'superuser' }).expect(400);
  });

  it('lets only admins manage users', async () => {
    const coordinator = await t.as('coordinator');
    await coordinator.get('/api/v1/users').expect(403);
    await coordinator.post('/api/v1/users').send({ email: 'x@example.test', name: 'X', role: 'viewer', password: 'long-enough-pass' }).expect(403);
  });

  it('never writes a password or its hash to the logs', async () => {
    const joined = logs.join('\n');
    expect(logs.length).toBeGreaterThan(10);
    for (const secret of [ADMIN.password, 'coordinator-pass-1', 'officer-pass-123', 'viewer-pass-1234', 'leaver-pass-123', 'not-the-password']) {
      expect(joined).not.toContain(secret);
    }
    expect(joined).not.toMatch(/scrypt\$/);
    expect(joined).toContain('"url":"/api/v1/auth/login"');
  });

  it('sends security headers and refuses an oversized body with 413', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const huge = { name: 'x'.repeat(6 * 1024 * 1024), kind: 'lsp' };
    const tooLarge = await t.api().post('/api/v1/partnerships').send(huge).expect(413);
    expect(tooLarge.body.statusCode).toBe(413);
  });

  it('gives pages and the API docs a fresh script nonce, and JSON answers the same policy without one', async () => {
    const policies = [];
    for (const path of ['/api/v1/partnerships', '/api/health', '/api/health/ready']) {
      const res = await t.api().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      policies.push(res.headers['content-security-policy']);
    }
    expect(policies[0]).toContain("default-src 'self'");
    expect(policies[0]).toContain("script-src 'self';");
    expect(policies[0]).not.toContain('nonce-');
    expect(new Set(policies).size).toBe(1);
    const nonces = [];
    for (const path of ['/sign-in', '/sign-in', '/api/docs']) {
      const res = await t.http().get(path).expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'/.exec(res.headers['content-security-policy'])?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
  });
});
