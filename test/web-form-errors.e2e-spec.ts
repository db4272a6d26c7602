import request from 'supertest';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

type Agent = ReturnType<typeof request.agent>;
type Body = Record<string, string | string[]>;

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const LONG = 'x'.repeat(20_001);

/**
 * Issue 12's acceptance: every field of every web form, given empty, wrong or too-long input,
 * re-displays the form with the Design System's error summary linking to that field, never a 5xx.
 */
describeE2E('web forms: every field’s bad input gets the form again with the error summary', () => {
  let t: TestApp;
  let officerEmail: string;
  let returnPath: string;
  let agent: Agent;
  const attempts = process.env.LOGIN_ATTEMPTS_PER_MINUTE;

  beforeAll(async () => {
    // The sign-in cases below are more failed attempts than a minute allows; the limit has its own tests.
    process.env.LOGIN_ATTEMPTS_PER_MINUTE = '1000';
    t = await createTestApp({ now: new Date('2026-05-01T09:00:00Z') });
    const b = await new StrategyBuilder(t).init();
    const theme = await b.theme('Community safety');
    const safer = await b.partnership({ name: 'Safer Wealden Partnership' });
    const target = await b.target({ code: 'CS 1', title: 'Serious acquisitive crime', themeId: theme, baselineValue: 100, targetValue: 80, direction: 'decrease' });
    await b.assign(target.id, safer, { name: 'Tom Ellis', email: 'tom@example.test' });
    officerEmail = (await t.as('partnership-officer', [safer])).user.email;
    returnPath = `/your-returns/${target.id}/2025-26-Q4`;
    agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: officerEmail, password: 'e2e-password-123' }).expect(303);
  });
  afterAll(async () => {
    await t.close();
    if (attempts === undefined) delete process.env.LOGIN_ATTEMPTS_PER_MINUTE;
    else process.env.LOGIN_ATTEMPTS_PER_MINUTE = attempts;
  });

  /** The signed-in officer (one session: none of the posts below changes anything). */
  const signedIn = async (): Promise<Agent> => agent;

  /** Posts the form as the browser would (its CSRF token from the page), then checks the answer. */
  const expectFormAgain = async (agent: Agent, path: string, body: Body, field: string, heading: RegExp) => {
    const page = await agent.get(path).expect(200);
    const res = await agent.post(path).type('form').send({ _csrf: csrfOf(page.text), ...body });
    expect({ field, status: res.status }).toEqual({ field, status: 200 });
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toMatch(new RegExp(`<a href="#${field}">[^<]+</a>`));
    expect(res.text).toMatch(heading);
    expect(res.text).toMatch(/<title>Error: /);
  };

  describe('sign in', () => {
    const good = { email: 'nobody@example.test', password: 'a-password-of-length' };
    it.each<[string, Body, string]>([
      ['empty email', { ...good, email: '' }, 'email'],
      ['wrong email', { ...good, email: 'not an email' }, 'email'],
      ['too-long email', { ...good, email: `${'a'.repeat(250)}@example.test` }, 'email'],
      ['email given twice', { ...good, email: ['a@example.test', 'b@example.test'] }, 'email'],
      ['empty password', { ...good, password: '' }, 'password'],
      ['too-long password', { ...good, password: LONG }, 'password'],
    ])('%s', async (_, body, field) => {
      await expectFormAgain(request.agent(t.app.getHttpServer()), '/sign-in', body, field, /<h1[^>]*>\s*Sign in/);
    });
  });

  describe('change your password', () => {
    const good = { current: 'e2e-password-123', password: 'a-new-password-2026', confirm: 'a-new-password-2026' };
    it.each<[string, Body, string]>([
      ['empty current password', { ...good, current: '' }, 'current'],
      ['too-long current password', { ...good, current: LONG }, 'current'],
      ['wrong current password', { ...good, current: 'not-my-password' }, 'current'],
      ['empty new password', { ...good, password: '', confirm: '' }, 'password'],
      ['too-short new password', { ...good, password: 'short', confirm: 'short' }, 'password'],
      ['too-long new password', { ...good, password: LONG, confirm: LONG }, 'password'],
      ['empty confirmation', { ...good, confirm: '' }, 'confirm'],
      ['confirmation that differs', { ...good, confirm: 'a-new-password-2027' }, 'confirm'],
      ['too-long confirmation', { ...good, confirm: LONG }, 'confirm'],
    ])('%s', async (_, body, field) => {
      await expectFormAgain(await signedIn(), '/change-password', body, field, /<h1[^>]*>\s*Change your password/);
    });
  });

  describe('the return form', () => {
    const good = { value: '95', commentary: 'On track.', risks: '', nextActions: '', action: 'continue' };
    it.each<[string, Body, string]>([
      ['empty figure', { ...good, value: '' }, 'value'],
      ['figure in words', { ...good, value: 'ninety' }, 'value'],
      ['figure with two points', { ...good, value: '1.2.3' }, 'value'],
      ['too-long figure', { ...good, value: '1'.repeat(25) }, 'value'],
      ['figure given twice', { ...good, value: ['1', '2'] }, 'value'],
      ['too-long commentary', { ...good, commentary: LONG }, 'commentary'],
      ['too-long risks', { ...good, risks: LONG }, 'risks'],
      ['too-long next actions', { ...good, nextActions: LONG }, 'nextActions'],
    ])('%s', async (_, body, field) => {
      await expectFormAgain(await signedIn(), returnPath, body, field, /<h1[^>]*>\s*Your return for Serious acquisitive crime/);
    });

    it('stores nothing from a refused form', async () => {
      await expectFormAgain(agent, returnPath, { ...good, value: 'ninety' }, 'value', /Your return for/);
      const list = await agent.get('/your-returns?period=2025-26-Q4').expect(200);
      expect(list.text).toMatch(/Serious acquisitive crime[\s\S]*Not started/);
    });

    // After the refusals above (it stores a draft): what was typed is shown back exactly, markup escaped,
    // line breaks kept (the browser test checks how it reads).
    it('shows the answers on the check page as typed, escaped, its lines kept', async () => {
      const page = await agent.get(returnPath).expect(200);
      const commentary = '<b>951</b> crimes & rising.\nSecond line.';
      await agent.post(returnPath).type('form').send({ _csrf: csrfOf(page.text), ...good, commentary }).expect(303);
      const check = await agent.get(`${returnPath}/check`).expect(200);
      // The macro indents the second line; the class shows it without (white-space: pre-line).
      expect(check.text).toMatch(/<span class="app-multiline">&lt;b&gt;951&lt;\/b&gt; crimes &amp; rising\.\n\s*Second line\.<\/span>/);
      expect(check.text).toContain('<span class="app-multiline">Not given</span>');
      expect(check.text).not.toContain('<b>951</b>');
    });
  });

  describe('upload a spreadsheet of returns', () => {
    const upload = async (attach: ((r: request.Test) => request.Test) | null, fields: Body = {}) => {
      const page = await agent.get('/your-returns/upload').expect(200);
      let req = agent.post('/your-returns/upload').field('_csrf', csrfOf(page.text));
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v as string);
      if (attach) req = attach(req);
      const res = await req;
      expect(res.status).toBe(200);
      expect(res.text).toContain('govuk-error-summary');
      expect(res.text).toMatch(/<h1[^>]*>\s*Upload a spreadsheet of returns/);
      return res.text;
    };
    it('no file', async () => {
      expect(await upload(null)).toMatch(/<a href="#file">[^<]+<\/a>/);
    });
    it('an empty file', async () => {
      expect(await upload((r) => r.attach('file', Buffer.alloc(0), 'returns.csv'))).toMatch(/<a href="#file">[^<]+<\/a>/);
    });
    it('a file of the wrong type', async () => {
      expect(await upload((r) => r.attach('file', Buffer.from('GIF89a'), 'returns.gif'))).toMatch(/<a href="#file">[^<]+<\/a>/);
    });
    it('a CSV that is not the template', async () => {
      expect(await upload((r) => r.attach('file', Buffer.from('nonsense\n1,2,3\n'), 'returns.csv'))).toMatch(/<a href="#file[^"]*">[^<]+<\/a>/);
    });
    it('a file over the size limit', async () => {
      expect(await upload((r) => r.attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'returns.csv'))).toMatch(/<a href="#file">[^<]+<\/a>/);
    });
  });

  describe('the language switch', () => {
    it.each(['fr', 'CY', 'x'.repeat(5_000), ''])('ignores ?lang=%s and keeps the page in English', async (lang) => {
      const res = await t.http().get(`/sign-in?lang=${encodeURIComponent(lang)}`).expect(200);
      expect(res.text).toContain('<html lang="en"');
    });
    it('ignores a language given twice', async () => {
      const res = await t.http().get('/sign-in?lang=cy&lang=en').expect(200);
      expect(res.text).toContain('<html lang="en"');
    });
  });
});
