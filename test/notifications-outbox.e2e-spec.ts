import './helpers/smtp-env';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { NotificationOutbox } from '../src/notifications/notification-outbox';
import { NotificationsService } from '../src/notifications/notifications.service';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { SmtpSink, smtpPortFromEnv } from './helpers/smtp-sink';
import { StrategyBuilder } from './helpers/strategy-builder';

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const NOW = new Date('2026-05-04T09:00:00Z');
const ACCOUNTABLE = 'accountable.officer@example.test';

interface NotificationBody {
  kind: string;
  recipient: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
}

/** "Sent back" and "approved" notices from the workflow, a failing SMTP server, retries, and the outbox (API and page). */
describeE2E('email notices, retries and the outbox', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let sink: SmtpSink;
  let officer: ApiClient;
  let targetId: string;
  let lead: string;
  let themeId: string;
  /** Another target of the officer's partnership, with the same accountable officer. */
  const newTarget = async (code: string) => {
    const id = (await b.target({ code, themeId, baselineValue: 1, targetValue: 2 })).id;
    await b.assign(id, lead, { name: 'Alex Accountable', email: ACCOUNTABLE });
    return id;
  };

  const until = async <T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const found = await probe();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  /** The scheduler's pass at `at`, with the machine's clock there too (leases and back-offs run on it: Clock.wallNow). */
  const passAt = (at: Date) => {
    t.clock.set(at);
    return t.app.get(NotificationsService).run(at);
  };
  const outbox = async (query = '') => (await t.api().get(`/api/v1/notifications${query}`).expect(200)).body as { items: NotificationBody[]; total: number };
  const signIn = async (client: ApiClient) => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/sign-in').expect(200);
    await agent.post('/sign-in').type('form').send({ _csrf: csrfOf(form.text), email: client.user.email, password: 'e2e-password-123' }).expect(303);
    return agent;
  };

  beforeAll(async () => {
    sink = new SmtpSink(smtpPortFromEnv());
    await sink.start();
    t = await createTestApp({ now: NOW });
    b = await new StrategyBuilder(t).init();
    themeId = await b.theme('Housing');
    lead = await b.partnership({ name: 'Wealden Housing Partnership' });
    officer = await t.as('partnership-officer', [lead]);
    targetId = (await b.target({ code: 'NI 154', themeId, baselineValue: 100, targetValue: 200 })).id;
    await b.assign(targetId, lead, { name: 'Alex Accountable', email: ACCOUNTABLE });
  });
  beforeEach(() => {
    sink.reject = null;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  it('tells the submitting officer and the accountable officer that a return was sent back, with the reason and a link', async () => {
    const id = await b.submitReturn(officer, targetId, '2025-26-Q4', 120);
    await t.api().post(`/api/v1/progress/${id}/return`).send({ reason: 'Figure < last quarter & no commentary' }).expect(200);
    await until(async () => sink.messages.length >= 2, 'two "sent back" emails');
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([ACCOUNTABLE, officer.user.email].sort());
    const mail = sink.to(officer.user.email)[0];
    expect(mail.subject).toBe('Your NI 154 return for 2025/26 Q4 (January to March 2026) was sent back');
    expect(mail.text).toContain('Figure < last quarter & no commentary');
    expect(mail.text).toContain('https://scs.example.gov.uk/your-returns');
    expect(mail.html).toContain('Figure &lt; last quarter &amp; no commentary');
    expect((await outbox('?status=sent&kind=returned')).total).toBe(2);
  });

  it('retries sends the SMTP server refused, with back-off, and shows them as failed in the outbox meanwhile', async () => {
    sink.messages.length = 0;
    sink.reject = { code: 451, message: 'Mailbox busy, try later' };
    const id = (await t.api().get(`/api/v1/targets/${targetId}/progress`).expect(200)).body.items[0].id as string;
    await officer.post(`/api/v1/progress/${id}/submit`).send({}).expect(200);
    await t.api().post(`/api/v1/progress/${id}/approve`).send({}).expect(200);

    const failed = await until(async () => {
      const page = await outbox('?status=failed');
      return page.total === 2 && page;
    }, 'two failed notices');
    for (const n of failed.items) {
      expect(n).toMatchObject({ kind: 'approved', status: 'failed', attempts: 1, nextAttemptAt: '2026-05-04T09:01:00.000Z' });
      expect(n.lastError).toMatch(/451/);
    }
    expect(sink.messages).toEqual([]);
    // Officers do not see the outbox.
    await officer.get('/api/v1/notifications').expect(403);
    await t.api().get('/api/v1/notifications?status=lost').expect(400);

    // The outbox page lists them for a coordinator.
    const page = await (await signIn(t.api())).get('/outbox?status=failed').expect(200);
    expect(page.text).toContain('govuk-table');
    expect(page.text).toContain(officer.user.email);
    expect(page.text).toContain('Mailbox busy, try later');

    // Before the back-off is over nothing is tried again.
    expect((await passAt(new Date('2026-05-04T09:00:30Z'))).deliveries).toEqual([]);
    // The server recovers; after the back-off the next pass sends each once.
    sink.reject = null;
    const retried = await passAt(new Date('2026-05-04T09:02:00Z'));
    expect(retried.deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
    expect((await passAt(new Date('2026-05-04T09:30:00Z'))).deliveries).toEqual([]);
    expect(sink.messages.map((m) => m.subject)).toEqual([
      'Your NI 154 return for 2025/26 Q4 (January to March 2026) was approved',
      'Your NI 154 return for 2025/26 Q4 (January to March 2026) was approved',
    ]);
    expect((await outbox('?status=failed')).total).toBe(0);
    expect((await outbox('?kind=approved')).items.map((n) => n.attempts)).toEqual([2, 2]);
  });

  it('gives up after five tries and leaves the message failed, with no next try', async () => {
    sink.reject = { code: 550, message: 'No such user here' };
    const id = await b.submitReturn(officer, await newTarget('NI 155'), '2025-26-Q4', 1);
    await t.api().post(`/api/v1/progress/${id}/return`).send({ reason: 'Wrong target' }).expect(200);
    let at = NOW.getTime();
    await until(async () => (await outbox('?status=failed&kind=returned')).total === 2 && true, 'the first failures');
    for (let tries = 2; tries <= 5; tries++) {
      at += 2 * 60 * 60_000; // past every back-off
      // (The quarter's overdue notices fail alongside; this is about the "sent back" notice.)
      const run = await passAt(new Date(at));
      expect(run.deliveries.filter((d) => d.kind === 'returned').map((d) => d.status)).toEqual(['failed', 'failed']);
    }
    const gaveUp = (await outbox('?status=failed&kind=returned')).items;
    expect(gaveUp.map((n) => n.recipient).sort()).toEqual([ACCOUNTABLE, officer.user.email].sort());
    for (const n of gaveUp) {
      expect(n).toMatchObject({ attempts: 5, nextAttemptAt: null });
      expect(n.lastError).toMatch(/550/);
    }
    expect((await passAt(new Date(at + 24 * 60 * 60_000))).deliveries.filter((d) => d.kind === 'returned')).toEqual([]);
  });

  it('holds a send lease on the machine’s clock: a pass run as of last week leaves the message it is sending to itself', async () => {
    sink.reject = null;
    const outbox = t.app.get(NotificationOutbox);
    const now = t.clock.wallNow();
    const lastWeek = new Date(now.getTime() - 7 * 24 * 60 * 60_000);
    const recipient = { email: 'lease.holder@example.test', name: 'Lee Holder', language: 'en' as const, optedOut: false };
    // `npm run reminders -- --at <last week>` has claimed a message and is still sending it…
    const claimed = await Clock.at(lastWeek, () =>
      outbox.claim({ kind: 'approved', recipient, targetId, period: '2025-26-Q4', occasion: 'lease', strategyId: b.strategyId, data: { code: 'NI 154', title: 'Lease', strategy: 'S', quarter: 'Q4', reason: '', decidedBy: 'C', link: '/' } }, true),
    );
    expect(claimed).not.toBeNull();
    // …when a server's scheduler runs its pass, as of now: the message is not its to send.
    const run = await passAt(now);
    expect(run.deliveries.map((d) => d.recipient)).not.toContain(recipient.email);
    // The first pass finishes: one email.
    expect((await outbox.deliver(claimed!)).status).toBe('sent');
    expect(sink.to(recipient.email)).toHaveLength(1);
    // Ten minutes on (machine time), a pass may take a message whose sender went quiet; this one was sent.
    expect((await passAt(new Date(now.getTime() + 11 * 60_000))).deliveries.map((d) => d.recipient)).not.toContain(recipient.email);
    expect(sink.to(recipient.email)).toHaveLength(1);
  });

  it('lets a user switch reminders off on the email settings page, then sends them no notice', async () => {
    const agent = await signIn(officer);
    const form = await agent.get('/email-settings').expect(200);
    expect(form.text).toMatch(/name="emailReminders" type="checkbox" value="yes" checked/);
    const bad = await agent.post('/email-settings').type('form').send({ _csrf: csrfOf(form.text), emailReminders: 'perhaps' }).expect(200);
    expect(bad.text).toContain('govuk-error-summary');
    expect(bad.text).toContain('Select whether you want reminders and notices');
    const saved = await agent.post('/email-settings').type('form').send({ _csrf: csrfOf(form.text) }).expect(200);
    expect(saved.text).toContain('You will not get reminders or notices by email');
    expect((await officer.get('/api/v1/auth/me').expect(200)).body.emailReminders).toBe(false);

    sink.messages.length = 0;
    const id = await b.submitReturn(officer, await newTarget('NI 156'), '2025-26-Q4', 1);
    await t.api().post(`/api/v1/progress/${id}/approve`).send({}).expect(200);
    await until(async () => sink.messages.length >= 1, 'the accountable officer’s notice');
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.flatMap((m) => m.to)).toEqual([ACCOUNTABLE]);
  });
});
