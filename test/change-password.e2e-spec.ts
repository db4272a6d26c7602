import { createTestApp, describeE2E, TestApp } from './helpers/app';

// Password changes and logins are limited to 10 a minute per client and route (login-throttle.ts);
// this file stays under that on each.
describeE2E('changing your own password', () => {
  let t: TestApp;
  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });
  const me = (token: string) => t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const change = (token: string, body: object) => t.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send(body);

  let admin: Awaited<ReturnType<TestApp['as']>>;
  const createUser = async (email: string, password: string) =>
    (await admin.post('/api/v1/users').send({ email, name: 'Bea Board', role: 'viewer', password }).expect(201)).body as { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('changes the password with the current one (204); every token issued before stops working', async () => {
    await createUser('board@wealden.gov.example', 'first-password-1');
    const first = (await login('board@wealden.gov.example', 'first-password-1').expect(200)).body.accessToken;
    const otherDevice = (await login('board@wealden.gov.example', 'first-password-1').expect(200)).body.accessToken;

    const res = await change(first, { currentPassword: 'first-password-1', newPassword: 'second-password-2' }).expect(204);
    expect(res.text).toBe('');

    for (const token of [first, otherDevice]) {
      expect((await me(token).expect(401)).body).toMatchObject({ statusCode: 401, message: 'A valid bearer token is required' });
    }
    await login('board@wealden.gov.example', 'first-password-1').expect(401);
    const fresh = (await login('board@wealden.gov.example', 'second-password-2').expect(200)).body.accessToken;
    expect((await me(fresh).expect(200)).body).toMatchObject({ email: 'board@wealden.gov.example' });
  });

  it('refuses a wrong current password, or the same password again, with 422 naming the field, and changes nothing', async () => {
    await createUser('officer@wealden.gov.example', 'officer-password-1');
    const token = (await login('officer@wealden.gov.example', 'officer-password-1').expect(200)).body.accessToken;

    const wrong = await change(token, { currentPassword: 'not-my-password', newPassword: 'officer-password-2' }).expect(422);
    expect(wrong.body).toEqual({
      statusCode: 422,
      message: 'The current password is wrong',
      error: 'Unprocessable Entity',
      errors: [{ field: 'currentPassword', message: 'is not your current password' }],
    });
    const same = await change(token, { currentPassword: 'officer-password-1', newPassword: 'officer-password-1' }).expect(422);
    expect(same.body.errors).toEqual([{ field: 'newPassword', message: 'must differ from the current password' }]);

    await me(token).expect(200); // still signed in: nothing changed
  });

  it('refuses a weak, an over-long or a missing new password, and unknown fields, with 400 naming them', async () => {
    const viewer = await t.as('viewer'); // the test helper's password: e2e-password-123
    const fields = async (body: object) => ((await viewer.post('/api/v1/auth/password').send(body).expect(400)).body.errors as { field: string }[]).map((e) => e.field);

    expect(await fields({ currentPassword: 'e2e-password-123', newPassword: 'short-pw' })).toEqual(['newPassword']);
    expect(await fields({ currentPassword: 'e2e-password-123', newPassword: 'x'.repeat(201) })).toEqual(['newPassword']);
    expect((await fields({ newPassword: 12345678901, admin: true })).sort()).toEqual(['admin', 'currentPassword', 'newPassword']);
    await viewer.get('/api/v1/auth/me').expect(200);
  });

  it('needs a signed-in user', async () => {
    await t.http().post('/api/v1/auth/password').send({ currentPassword: 'a', newPassword: 'b'.repeat(12) }).expect(401);
  });

  it("signs a user out everywhere when an admin resets their password", async () => {
    const user = await createUser('reset@wealden.gov.example', 'before-reset-1');
    const token = (await login('reset@wealden.gov.example', 'before-reset-1').expect(200)).body.accessToken;
    await me(token).expect(200);

    await admin.patch(`/api/v1/users/${user.id}`).send({ password: 'after-reset-22' }).expect(200);
    await me(token).expect(401);
    await login('reset@wealden.gov.example', 'after-reset-22').expect(200);

    // Other changes (the name) leave the user's tokens alone.
    const current = (await login('reset@wealden.gov.example', 'after-reset-22').expect(200)).body.accessToken;
    await admin.patch(`/api/v1/users/${user.id}`).send({ name: 'Renamed' }).expect(200);
    await me(current).expect(200);
  });
});
