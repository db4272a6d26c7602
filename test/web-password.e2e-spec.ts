import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';

type Agent = ReturnType<typeof request.agent>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

// "Change your password" in the browser is the same change as POST /api/v1/auth/password: every
// other session and every earlier token ends, while the session that made the change carries on.
describeE2E('web: changing your password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = async (agent: Agent, email: string, password: string) => {
    const form = await agent.get('/sign-in').expect(200);
    const res = await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email, password });
    expect(res.status).toBe(303);
  };

  const changePassword = async (agent: Agent, body: Record<string, string>) => {
    const form = await agent.get('/change-password').expect(200);
    return agent.post('/change-password').type('form').send({ _csrf: csrfOf(form.text), ...body });
  };

  it('ends the other sessions and the earlier API tokens, and keeps this one', async () => {
    const viewer = await t.as('viewer');
    const here = request.agent(t.app.getHttpServer());
    const elsewhere = request.agent(t.app.getHttpServer());
    await signIn(here, viewer.user.email, 'e2e-password-123');
    await signIn(elsewhere, viewer.user.email, 'e2e-password-123');
    const login = await t.http().post('/api/v1/auth/login').send({ email: viewer.user.email, password: 'e2e-password-123' }).expect(200);
    const token = login.body.accessToken as string;

    const done = await changePassword(here, { current: 'e2e-password-123', password: 'a-brand-new-password', confirm: 'a-brand-new-password' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Your password has been changed');

    await here.get('/dashboard').expect(200);
    await elsewhere.get('/dashboard').expect(303).expect('Location', '/sign-in');
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: viewer.user.email, password: 'a-brand-new-password' }).expect(200);
  });

  it('re-displays the form with the error summary when the new password is the current one', async () => {
    const officer = await t.as('coordinator');
    const agent = request.agent(t.app.getHttpServer());
    await signIn(agent, officer.user.email, 'e2e-password-123');
    const res = await changePassword(agent, { current: 'e2e-password-123', password: 'e2e-password-123', confirm: 'e2e-password-123' });
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain('New password must be different from your current password');
    await agent.get('/dashboard').expect(200);
  });
});
