import request from 'supertest';
import { createTestApp, DEFAULT_NOW, describeE2E, TestApp } from './helpers/app';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const summaryOf = (html: string) => /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
const hrefs = (html: string) => [...summaryOf(html).matchAll(/href="#([\w-]+)"/g)].map((m) => m[1]);
const linkOf = (html: string) => /\/reset-password\/([\w-]+)/.exec(html)?.[1] ?? '';

// Users for admins: created with a one-time link instead of a password the admin knows,
// role and partnerships set through UsersService's rules, deactivated out at once.
describeE2E('web: users, for admins', () => {
  let t: TestApp;
  let admin: Agent;
  let partnership: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn((await t.as('admin')).user.email, 'e2e-password-123');
    partnership = (await t.api().post('/api/v1/partnerships').send({ name: 'Cyngor Gwynedd Housing', kind: 'thematic' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  async function signIn(email: string, password: string): Promise<Agent> {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    const res = await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email, password });
    expect(res.status).toBe(303);
    return agent;
  }

  async function post(agent: Agent, path: string, body: Record<string, string | string[]>, formPath = path) {
    const form = await agent.get(formPath).expect(200);
    return agent.post(path).type('form').send({ _csrf: csrfOf(form.text), ...body });
  }

  async function setPassword(token: string, password: string) {
    // The form's token from any page: a spent or expired link's page has no form to take it from.
    const anonymous = request.agent(t.app.getHttpServer());
    return post(anonymous, `/reset-password/${token}`, { password, confirm: password }, '/sign-in');
  }

  it('creates an officer with partnerships, who sets their own password through the one-time link, once', async () => {
    const created = await post(admin, '/admin/users/new', { name: 'Elin Roberts', email: 'Elin.Roberts@gwynedd.example', role: 'partnership-officer', partnershipIds: [partnership] });
    expect(created.status).toBe(200);
    expect(created.text).toContain('User added: send them this link');
    const token = linkOf(created.text);
    expect(token.length).toBeGreaterThan(30);
    const stored = (await (await t.as('admin')).get('/api/v1/users?role=partnership-officer').expect(200)).body.items.find((u: { email: string }) => u.email === 'elin.roberts@gwynedd.example');
    expect(stored).toMatchObject({ name: 'Elin Roberts', partnershipIds: [partnership], active: true });

    const done = await setPassword(token, 'a-password-of-my-own');
    expect(done.text).toContain('Your password has been set');
    await signIn('elin.roberts@gwynedd.example', 'a-password-of-my-own');
    const again = await request(t.app.getHttpServer()).get(`/reset-password/${token}`).expect(200);
    expect(again.text).toContain('This link has already been used');
    expect((await setPassword(token, 'someone-elses-password')).text).toContain('This link has already been used');
    await t.http().post('/api/v1/auth/login').send({ email: 'elin.roberts@gwynedd.example', password: 'someone-elses-password' }).expect(401);
  });

  it('refuses a link that has expired, one replaced by a newer link, and one never issued', async () => {
    const created = await post(admin, '/admin/users/new', { name: 'Viewer Vera', email: 'vera@gwynedd.example', role: 'viewer' });
    const first = linkOf(created.text);
    const [vera] = (await (await t.as('admin')).get('/api/v1/users?role=viewer').expect(200)).body.items.filter((u: { email: string }) => u.email === 'vera@gwynedd.example');
    const list = await admin.get('/admin/users').expect(200);
    const second = linkOf((await admin.post(`/admin/users/${vera.id}/reset-link`).type('form').send({ _csrf: csrfOf(list.text) })).text);
    expect(second).not.toBe(first);
    expect((await request(t.app.getHttpServer()).get(`/reset-password/${first}`).expect(200)).text).toContain('already been used');
    expect((await request(t.app.getHttpServer()).get('/reset-password/made-up-token').expect(200)).text).toContain('This link does not work');

    t.clock.set(new Date(DEFAULT_NOW.getTime() + 25 * 60 * 60 * 1000));
    try {
      expect((await setPassword(second, 'too-late-password')).text).toContain('This link has expired');
    } finally {
      t.clock.set(DEFAULT_NOW);
    }
  });

  it('shows the reset form again with the error summary for a short or mismatched password', async () => {
    const created = await post(admin, '/admin/users/new', { name: 'Short Sam', email: 'sam@gwynedd.example', role: 'coordinator' });
    const token = linkOf(created.text);
    const anonymous = request.agent(t.app.getHttpServer());
    const short = await post(anonymous, `/reset-password/${token}`, { password: 'short', confirm: 'short' });
    expect(hrefs(short.text)).toEqual(['password']);
    const mismatch = await post(anonymous, `/reset-password/${token}`, { password: 'long-enough-password', confirm: 'something-else-entirely' });
    expect(hrefs(mismatch.text)).toEqual(['confirm']);
    expect((await setPassword(token, 'long-enough-password')).text).toContain('Your password has been set');
  });

  it.each([
    [{ name: '', email: 'nope', role: 'viewer' }, ['name', 'email']],
    [{ name: 'No role', email: 'norole@gwynedd.example' }, ['role']],
    [{ name: 'Officer', email: 'officer-np@gwynedd.example', role: 'partnership-officer' }, ['partnershipIds']],
    [{ name: 'x'.repeat(201), email: `${'a'.repeat(310)}@gwynedd.example`, role: 'overlord' }, ['name', 'email', 'role']],
    [{ name: ['Two', 'Names'], email: 'two@gwynedd.example', role: 'partnership-officer', partnershipIds: ['not-a-partnership'] }, ['name', 'partnershipIds']],
  ])('refuses the user %j naming %j, and stores nothing', async (body, named) => {
    const before = (await (await t.as('admin')).get('/api/v1/users').expect(200)).body.total;
    const res = await post(admin, '/admin/users/new', body as Record<string, string>);
    expect(res.status).toBe(200);
    expect(hrefs(res.text)).toEqual(named);
    expect((await (await t.as('admin')).get('/api/v1/users').expect(200)).body.total).toBe(before);
  });

  it('refuses an email already in use, naming the field', async () => {
    const coordinator = (await t.as('coordinator')).user.email;
    const res = await post(admin, '/admin/users/new', { name: 'Twin', email: coordinator, role: 'viewer' });
    expect(hrefs(res.text)).toEqual(['email']);
  });

  it('changes a role and partnerships, and deactivating a user ends their session at once', async () => {
    const created = await post(admin, '/admin/users/new', { name: 'Gareth Jones', email: 'gareth@gwynedd.example', role: 'viewer' });
    await setPassword(linkOf(created.text), 'gareths-password');
    const gareth = await signIn('gareth@gwynedd.example', 'gareths-password');
    await gareth.get('/dashboard').expect(200);
    const [row] = (await (await t.as('admin')).get('/api/v1/users?role=viewer').expect(200)).body.items.filter((u: { email: string }) => u.email === 'gareth@gwynedd.example');

    const promoted = await post(admin, `/admin/users/${row.id}/edit`, { name: 'Gareth Jones', role: 'partnership-officer', partnershipIds: [partnership] });
    expect(promoted.status).toBe(303);
    expect((await (await t.as('admin')).get(`/api/v1/users/${row.id}`).expect(200)).body).toMatchObject({ role: 'partnership-officer', partnershipIds: [partnership] });
    const noPartnership = await post(admin, `/admin/users/${row.id}/edit`, { name: 'Gareth Jones', role: 'partnership-officer' });
    expect(hrefs(noPartnership.text)).toEqual(['partnershipIds']);

    const list = await admin.get('/admin/users').expect(200);
    await admin.post(`/admin/users/${row.id}/active`).type('form').send({ _csrf: csrfOf(list.text), active: 'no' }).expect(303);
    await gareth.get('/dashboard').expect(303).expect('Location', '/sign-in');
    expect((await (await t.as('admin')).get(`/api/v1/users/${row.id}`).expect(200)).body.active).toBe(false);
  });

  it('is for admins only; coordinators get 403, and every POST needs the form’s token', async () => {
    const coordinator = await signIn((await t.as('coordinator')).user.email, 'e2e-password-123');
    await coordinator.get('/admin/users').expect(403);
    await coordinator.get('/admin/users/new').expect(403);
    await admin.post('/admin/users/new').type('form').send({ name: 'No token', email: 'nt@gwynedd.example', role: 'viewer' }).expect(403);
  });
});
