import request from 'supertest';
import { UsersService } from '../src/users/users.service';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

// The web pages over HTTP (the browser tests drive the same pages in chromium).
describeE2E('web pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Signs in through the form; answers the status and where it leads. */
  const signIn = async (agent: Agent, email: string, password = 'e2e-password-123') => {
    const form = await agent.get('/sign-in').expect(200);
    const res = await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email, password });
    return { status: res.status, location: res.headers.location as string | undefined, text: res.text };
  };

  it('serves the sign-in page at / with the fixed labels, the GOV.UK assets and a CSP nonce for its one inline script', async () => {
    await t.http().get('/').expect(303).expect('Location', '/sign-in');
    const page = await t.http().get('/sign-in').expect(200).expect('Content-Type', /html/);
    expect(page.text).toMatch(/<label class="govuk-label" for="email">\s*Email address\s*<\/label>/);
    expect(page.text).toMatch(/<label class="govuk-label" for="password">\s*Password\s*<\/label>/);
    expect(page.text).toMatch(/<button[^>]*>\s*Sign in\s*<\/button>/);
    expect(page.text).toContain('<html lang="en"');
    const nonce = /'nonce-([^']+)'/.exec(page.headers['content-security-policy'])?.[1];
    expect(nonce).toBeDefined();
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    await t.http().get('/assets/application.css').expect(200).expect('Content-Type', /css/);
    await t.http().get('/assets/govuk-frontend.min.js').expect(200);
  });

  it('refuses every form POST without a valid CSRF token with 403, and keeps the API out of it', async () => {
    const refused = await t.http().post('/sign-in').type('form').send({ email: 'a@b.test', password: 'x' }).expect(403);
    expect(refused.text).toContain('You cannot see this page');
    const agent = request.agent(t.app.getHttpServer());
    const coordinator = await t.as('coordinator');
    expect(await signIn(agent, coordinator.user.email)).toMatchObject({ status: 303, location: '/dashboard' });
    await agent.post('/sign-out').type('form').send({ _csrf: 'forged' }).expect(403);
    await agent.get('/dashboard').expect(200);
    // The API takes no cookies and no CSRF token: bearer tokens only.
    await agent.get('/api/v1/partnerships').expect(401);
  });

  it('re-displays the sign-in form with the error summary, never a 5xx', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in');
    const empty = await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text) }).expect(200);
    expect(empty.text).toContain('govuk-error-summary');
    expect(empty.text).toContain('href="#email">Enter your email address</a>');
    expect(empty.text).toContain('<title>Error: Sign in');
    const odd = await agent.post('/sign-in').type('form').send(`_csrf=${csrfOf(form.text)}&email=a&email=b&password[x]=1`).expect(200);
    expect(odd.text).toContain('Enter your email address');
    const wrong = await signIn(agent, 'nobody@e2e.test', 'wrong-password');
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('Enter a correct email address and password');
  });

  it('lands each role on its own start page and keeps pages to the roles they are for', async () => {
    const partnership = (await t.api().post('/api/v1/partnerships').send({ name: 'Safer Wealden Partnership', kind: 'thematic' }).expect(201)).body;
    for (const [role, start] of [['viewer', '/dashboard'], ['coordinator', '/dashboard'], ['partnership-officer', '/your-returns']] as const) {
      const agent = request.agent(t.app.getHttpServer());
      const user = await t.as(role, role === 'partnership-officer' ? [partnership.id] : []);
      expect(await signIn(agent, user.user.email)).toMatchObject({ status: 303, location: start });
      await agent.get('/').expect(303).expect('Location', start);
      await agent.get(start).expect(200);
      if (role === 'viewer') await agent.get('/your-returns').expect(403);
    }
  });

  it('signs a deactivated user out at once', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const viewer = await t.as('viewer');
    expect((await signIn(agent, viewer.user.email)).status).toBe(303);
    await agent.get('/dashboard').expect(200);
    await t.app.get(UsersService).update(viewer.user.id, { active: false });
    await agent.get('/dashboard').expect(303).expect('Location', '/sign-in');
  });

  it('answers unknown pages with the GOV.UK 404 page and unknown API routes with JSON', async () => {
    const page = await t.http().get('/no-such-page').expect(404).expect('Content-Type', /html/);
    expect(page.text).toContain('Page not found');
    const api = await t.http().get('/api/v1/no-such-thing').expect(404).expect('Content-Type', /json/);
    expect(api.body.statusCode).toBe(404);
  });

  it('counts sign-in attempts against the same limit as the API login', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in');
    const token = csrfOf(form.text);
    // The earlier tests of this file signed in too, within the same minute: the 429 comes at
    // the latest at the 11th attempt (LOGIN_ATTEMPTS_PER_MINUTE is 10).
    const statuses: number[] = [];
    let blocked = '';
    for (let attempt = 1; attempt <= 11 && !blocked; attempt++) {
      const res = await agent.post('/sign-in').type('form').send({ _csrf: token, email: 'nobody@e2e.test', password: `wrong-${attempt}` });
      statuses.push(res.status);
      if (res.status === 429) blocked = res.text;
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(blocked).toContain('Too many attempts');
  });
});
