import { NotificationsService } from '../src/notifications/notifications.service';
import { ApiClient, createTestApp, describeE2E, TestApp } from './helpers/app';
import { StrategyBuilder } from './helpers/strategy-builder';

/** Without SMTP_URL (this file's environment, and every other e2e file's): no email, no record, no error. */
describeE2E('email with no SMTP_URL', () => {
  let t: TestApp;
  let b: StrategyBuilder;
  let officer: ApiClient;

  beforeAll(async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    t = await createTestApp({ now: new Date('2026-05-04T09:00:00Z') });
    b = await new StrategyBuilder(t).init();
    const lead = await b.partnership({ name: 'Wealden Housing Partnership' });
    officer = await t.as('partnership-officer', [lead]);
    const target = await b.target({ code: 'NI 154', themeId: await b.theme('Housing'), baselineValue: 1, targetValue: 2 });
    await b.assign(target.id, lead);
    const returned = await b.submitReturn(officer, target.id, '2025-26-Q3', 1);
    await t.api().post(`/api/v1/progress/${returned}/return`).send({ reason: 'Check it' }).expect(200);
  });
  afterAll(() => t.close());

  it('decides and runs the scheduler as usual, sending and recording nothing', async () => {
    // Q4 is overdue on Monday 4 May 2026: with email on, overdue notices and a digest would be owed.
    const run = await t.app.get(NotificationsService).run(new Date('2026-05-04T09:00:00Z'));
    expect(run).toMatchObject({ emailEnabled: false, due: [], deliveries: [] });
    const dry = await t.app.get(NotificationsService).run(new Date('2026-05-04T09:00:00Z'), { dryRun: true });
    expect(dry.due.map((d) => d.kind)).toEqual(['overdue', 'overdue', 'digest']);
    expect((await t.api().get('/api/v1/notifications').expect(200)).body).toMatchObject({ items: [], total: 0 });
  });
});
