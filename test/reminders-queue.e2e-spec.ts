/**
 * The scheduler on BullMQ (REDIS_URL set, REMINDERS_SCHEDULER=true): two API instances on one
 * PostgreSQL database and one Redis, each with its own queue worker, asked to run the reminder pass
 * at the same moments at once. Each message goes exactly once. PostgreSQL only, like the render
 * queue's test: several instances on one SQLite file is not a supported deployment.
 */
import './helpers/smtp-env';
import './helpers/scheduler-env';
import { QUEUE_PREFIX } from './helpers/queue-env';
import { Queue } from 'bullmq';
import { RemindersScheduler, REMINDERS_QUEUE } from '../src/notifications/reminders-scheduler';
import { createTestApp, describeE2E, engine, TestApp } from './helpers/app';
import { SmtpSink, smtpPortFromEnv } from './helpers/smtp-sink';
import { StrategyBuilder } from './helpers/strategy-builder';

(engine === 'postgres' ? describeE2E : describe.skip)('reminders scheduled through BullMQ by two instances at once', () => {
  let a: TestApp;
  let b: TestApp;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = new SmtpSink(smtpPortFromEnv());
    await sink.start();
    a = await createTestApp({ now: new Date('2026-04-23T09:00:00Z') });
    b = await createTestApp({ now: new Date('2026-04-23T09:00:00Z') });
  }, 120_000);
  afterAll(async () => {
    await b?.close({ keepData: true });
    await a?.close();
    await sink?.stop();
    const queue = new Queue(REMINDERS_QUEUE, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('sends each reminder once, whichever instance’s worker takes which run', async () => {
    expect(a.app.get(RemindersScheduler).mode).toBe('queue');
    const builder = await new StrategyBuilder(a).init();
    const theme = await builder.theme('Housing');
    const owed: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const partnership = await builder.partnership({ name: `Housing partnership ${i}` });
      const target = await builder.target({ code: `HS ${i}`, themeId: theme, baselineValue: 1, targetValue: 2 });
      await builder.assign(target.id, partnership, { name: `Officer ${i}`, email: `officer${i}@example.test` });
      await a.as('partnership-officer', [partnership]);
      owed.push(`officer${i}@example.test`);
    }
    // The same moment from both (one job: its id is the moment), and two more moments in the
    // same reminder window from each (separate jobs the two workers may run side by side).
    const moments = ['2026-04-23T09:00:00Z', '2026-04-23T09:05:00Z', '2026-04-23T09:10:00Z'].map((m) => new Date(m));
    await Promise.all([...moments.map((m) => a.app.get(RemindersScheduler).trigger(m)), ...moments.map((m) => b.app.get(RemindersScheduler).trigger(m))]);

    // Six accountable officers and six partnership officers: twelve reminders.
    const deadline = Date.now() + 30_000;
    while (sink.messages.length < 12 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Let any duplicate that was going to arrive arrive.
    await new Promise((r) => setTimeout(r, 1500));
    const queue = new Queue(REMINDERS_QUEUE, { connection: { url: process.env.REDIS_URL }, prefix: QUEUE_PREFIX });
    try {
      // The three runs asked for (and the job scheduler's own first run, as of the real now).
      const counts = await queue.getJobCounts('completed', 'failed', 'active', 'waiting');
      expect(counts).toMatchObject({ failed: 0, active: 0, waiting: 0 });
      expect(counts.completed).toBeGreaterThanOrEqual(3);
    } finally {
      await queue.close();
    }
    const recipients = sink.messages.flatMap((m) => m.to);
    expect(recipients).toHaveLength(12);
    expect(new Set(recipients).size).toBe(12);
    for (const email of owed) expect(sink.to(email)).toHaveLength(1);
  });
});
