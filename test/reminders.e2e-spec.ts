import './helpers/smtp-env';
import { Test, TestingModule } from '@nestjs/testing';
import { join } from 'node:path';
import { CliModule } from '../src/cli/cli.module';
import { RemindersCommand } from '../src/cli/reminders.command';
import { DemoSeeder, SeedResult } from '../src/demo/demo-seeder';
import { NotificationsService, type SchedulerRun } from '../src/notifications/notifications.service';
import { UsersService } from '../src/users/users.service';
import type { MissingReturnDto } from '../src/summary/summary.dto';
import { createTestApp, describeE2E, TestApp } from './helpers/app';
import { SmtpSink, smtpPortFromEnv } from './helpers/smtp-sink';

const DEMO = join(__dirname, '../data/demo/pride-of-place.json');
// The demo strategy keeps the default 30 days: 2025-26 Q4 (to 31 March 2026) is due on 30 April 2026.
const DEADLINE_MINUS_7 = '2026-04-23T09:00:00Z';
const DEADLINE_PLUS_1 = '2026-05-01T09:00:00Z';
const DEADLINE_PLUS_8 = '2026-05-08T09:00:00Z';
const COORDINATOR = 'coordinator@demo.scs.test';
const HOUSING_OFFICER = 'housing@demo.scs.test';
const SAFER_WEALDEN_OFFICER = 'safer.wealden@demo.scs.test';

/**
 * The reminder scheduler against a real SMTP server (smtp-server, read back with mailparser) on
 * the demo data, run as `npm run reminders` runs it: the CLI's command in its own Nest context.
 */
describeE2E('email reminders on the demo quarter', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let seed: SeedResult;
  const contexts: TestingModule[] = [];

  /** A fresh command-line process's worth of application: what `npm run reminders` boots. */
  const cli = async () => {
    const context = await Test.createTestingModule({ imports: [CliModule] }).compile();
    await context.init();
    contexts.push(context);
    return context;
  };
  /** The pass `npm run reminders -- --at` makes (the command's own output is checked once, below). */
  const reminders = (context: TestingModule, at: string, dryRun = false): Promise<SchedulerRun> => context.get(NotificationsService).run(new Date(at), { dryRun });
  const command = async (context: TestingModule, at: string, dryRun = false): Promise<string> => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await context.get(RemindersCommand).run([], { at: new Date(at), dryRun });
      return log.mock.calls.map((c) => String(c[0])).join('\n');
    } finally {
      log.mockRestore();
    }
  };
  const login = async (email: string) =>
    (await t.http().post('/api/v1/auth/login').send({ email, password: 'demo-password-2026' }).expect(200)).body.accessToken as string;
  const owedAt = async (at: string): Promise<MissingReturnDto[]> => {
    t.clock.set(new Date(at));
    const summary = await t.api().get(`/api/v1/strategies/${seed.strategyId}/summary?period=2025-26-Q4`).expect(200);
    return summary.body.missingReturns as MissingReturnDto[];
  };
  const officersOf = async (partnershipId: string) =>
    (await t.app.get(UsersService).activeWithPartnerships()).filter((u) => u.role === 'partnership-officer' && u.partnerships?.some((p) => p.id === partnershipId)).map((u) => u.email);
  const kindOf = (subject: string) => /^(Reminder|Nodyn atgoffa)/.test(subject) ? 'reminder' : /^(Overdue|Hwyr)/.test(subject) ? 'overdue' : /^(Escalation|Uwchgyfeirio)/.test(subject) ? 'escalation' : 'other';
  const received = (kind: string) => sink.messages.filter((m) => kindOf(m.subject) === kind);

  beforeAll(async () => {
    sink = new SmtpSink(smtpPortFromEnv());
    await sink.start();
    t = await createTestApp({ now: new Date(DEADLINE_MINUS_7) });
    const context = await cli();
    const seeder = context.get(DemoSeeder);
    seed = await seeder.seed(await seeder.load(DEMO));
    // One officer reads Welsh: their messages come from the Welsh templates.
    const users = t.app.get(UsersService);
    const welsh = (await users.activeWithPartnerships()).find((u) => u.email === SAFER_WEALDEN_OFFICER)!;
    await users.update(welsh.id, { language: 'cy' });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await t?.close();
    await sink?.stop();
  });

  it('at deadline − 7 days sends exactly one reminder per owed return to its accountable officer and the lead partnership’s officers', async () => {
    const owed = await owedAt(DEADLINE_MINUS_7);
    expect(owed.length).toBeGreaterThan(0);
    const expected = new Set<string>();
    for (const m of owed) {
      expected.add(`${m.officerEmail.toLowerCase()} ${m.code}`);
      for (const email of await officersOf(m.partnershipId)) expected.add(`${email} ${m.code}`);
    }

    const dry = await command(await cli(), DEADLINE_MINUS_7, true);
    expect(dry).toMatch(new RegExp(`^Would send ${expected.size} messages as of 2026-04-23T09:00:00.000Z:`));
    expect(dry.split('\n').filter((line) => /^ {2}reminder /.test(line))).toHaveLength(expected.size);
    expect(sink.messages).toHaveLength(0);

    const sent = await command(await cli(), DEADLINE_MINUS_7);
    expect(sent).toMatch(new RegExp(`^Sent ${expected.size} messages as of 2026-04-23T09:00:00.000Z\\.`));
    const got = received('reminder').flatMap((m) => m.to.map((to) => `${to} ${owed.find((o) => m.subject.includes(`${o.code} `))?.code}`));
    expect(got.sort()).toEqual([...expected].sort());
    expect(sink.to(COORDINATOR)).toEqual([]);

    const one = received('reminder').find((m) => m.to.includes(owed[0].officerEmail.toLowerCase()))!;
    expect(one.text).toContain('https://scs.example.gov.uk/your-returns');
    expect(one.html).toContain('href="https://scs.example.gov.uk/your-returns"');
    expect(one.text).toContain('30 April 2026');
  });

  it('running again, or in a new process (a restart), sends nothing more', async () => {
    const before = sink.messages.length;
    expect((await reminders(await cli(), DEADLINE_MINUS_7)).deliveries).toEqual([]);
    expect((await reminders(await cli(), '2026-04-25T09:00:00Z')).deliveries).toEqual([]);
    expect((await reminders(await cli(), '2026-04-25T09:00:00Z', true)).due).toEqual([]);
    expect(sink.messages).toHaveLength(before);
  });

  it('follows the recipient’s language: the Welsh officer’s reminder comes from the Welsh template', async () => {
    const welsh = sink.to(SAFER_WEALDEN_OFFICER);
    if (welsh.length === 0) throw new Error('the demo should owe the Safer Wealden officer at least one return');
    for (const m of welsh) {
      expect(m.subject).toMatch(/^Nodyn atgoffa: mae ffurflen .* i'w chyflwyno erbyn 30 Ebrill 2026$/);
      expect(m.text).toMatch(/^Annwyl /);
      expect(m.html).toContain('<html lang="cy">');
    }
    const english = sink.to(HOUSING_OFFICER);
    expect(english.length).toBeGreaterThan(0);
    for (const m of english) expect(m.subject).toMatch(/^Reminder: /);
  });

  it('two scheduler runs at once (two processes) send each overdue notice once; an officer who opted out gets none', async () => {
    const token = await login(HOUSING_OFFICER);
    const me = await t.http().put('/api/v1/auth/me/email-settings').set('Authorization', `Bearer ${token}`).send({ emailReminders: false }).expect(200);
    expect(me.body.emailReminders).toBe(false);
    await t.http().put('/api/v1/auth/me/email-settings').set('Authorization', `Bearer ${token}`).send({ emailReminders: 'no' }).expect(400);

    const owed = await owedAt(DEADLINE_PLUS_1);
    const [a, b] = await Promise.all([cli(), cli()]);
    const [runA, runB] = await Promise.all([reminders(a, DEADLINE_PLUS_1), reminders(b, DEADLINE_PLUS_1)]);
    const sent = [...runA.deliveries, ...runB.deliveries];
    const keys = sent.map((d) => `${d.kind} ${d.recipient} ${d.targetId}`);
    expect(new Set(keys).size).toBe(keys.length);

    const overdue = received('overdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue).toHaveLength(sent.length);
    const pairs = overdue.flatMap((m) => m.to.map((to) => `${to} ${m.subject}`));
    expect(new Set(pairs).size).toBe(pairs.length);
    // Every owed return's accountable officer is told once (the opted-out housing officer aside).
    for (const m of owed.filter((o) => o.officerEmail.toLowerCase() !== HOUSING_OFFICER)) {
      expect(overdue.filter((x) => x.to.includes(m.officerEmail.toLowerCase()) && x.subject.includes(`${m.code} `))).toHaveLength(1);
    }
    expect(overdue.filter((m) => m.to.includes(HOUSING_OFFICER))).toEqual([]);
    expect(overdue.find((m) => m.to.includes(SAFER_WEALDEN_OFFICER))?.subject).toMatch(/^Hwyr: /);
  });

  it('at deadline + 8 days escalates to the coordinator once, in one email listing every still-owed return', async () => {
    const owed = await owedAt(DEADLINE_PLUS_8);
    expect(owed.length).toBeGreaterThan(1);
    await reminders(await cli(), DEADLINE_PLUS_8);
    await reminders(await cli(), DEADLINE_PLUS_8);
    const toCoordinator = received('escalation').filter((m) => m.to.includes(COORDINATOR));
    expect(toCoordinator).toHaveLength(1);
    const [escalation] = toCoordinator;
    expect(escalation.subject).toBe(`Escalation: ${owed.length} returns for 2025/26 Q4 (January to March 2026) are 8 days overdue`);
    for (const o of owed) expect(escalation.text).toContain(`- ${o.code} ${o.title}: led by ${o.partnershipName}, accountable officer ${o.officerName}\n`);
    expect(escalation.text.match(/^- /gm)).toHaveLength(owed.length);
    expect(escalation.text).toContain(`https://scs.example.gov.uk/chasing?strategy=${seed.strategyId}&period=2025-26-Q4`);
    // Officers are not escalated to.
    expect(received('escalation').filter((m) => m.to.includes(HOUSING_OFFICER) || m.to.includes(SAFER_WEALDEN_OFFICER))).toEqual([]);
  });

  it('sends coordinators one weekly digest on Mondays: waiting for approval, overdue, newly red', async () => {
    const monday = '2026-05-18T07:00:00Z';
    const owed = await owedAt(monday);
    await reminders(await cli(), '2026-05-17T07:00:00Z'); // a Sunday: no digest
    expect(sink.messages.filter((m) => / waiting for approval, /.test(m.subject))).toEqual([]);
    await reminders(await cli(), monday);
    await reminders(await cli(), '2026-05-18T15:00:00Z');
    const digests = sink.to(COORDINATOR).filter((m) => / waiting for approval, /.test(m.subject));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toMatch(new RegExp(`: \\d+ waiting for approval, ${owed.length} overdue, \\d+ newly red$`));
    for (const m of owed) expect(digests[0].text).toContain(`${m.code} ${m.title}`);
    expect(digests[0].text).toContain(`https://scs.example.gov.uk/approvals?strategy=${seed.strategyId}&period=2025-26-Q4`);
    // Officers get no digest.
    expect(sink.to(SAFER_WEALDEN_OFFICER).filter((m) => /aros am gymeradwyaeth|waiting for approval/.test(m.subject))).toEqual([]);
  });
});
