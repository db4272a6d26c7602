import { NotificationOutbox } from '../../src/notifications/notification-outbox';
import { expectAccessible, shot, signIn, useWeb } from './browser';

const COORDINATOR = 'coordinator@demo.scs.test';
const OFFICER = 'housing@demo.scs.test';

jest.setTimeout(240_000);

/** The email pages in Chromium: a coordinator's outbox with a failed message, an officer switching reminders off (and in Welsh). */
describe('the email pages in a browser', () => {
  const web = useWeb();

  it('shows a coordinator the outbox, failed messages with their error, as an accessible GOV.UK table', async () => {
    // A message claimed and tried with no SMTP server configured: a real failure, recorded as any other.
    const outbox = web.t.app.get(NotificationOutbox);
    const row = await outbox.claim(
      { kind: 'reminder', recipient: { email: OFFICER, name: 'Housing officer', language: 'en', optedOut: false }, targetId: web.demo.strategyId, period: '2025-26-Q4', strategyId: web.demo.strategyId,
        data: { strategy: 'Pride of Place', code: 'LP 09', title: 'A target', quarter: '2025/26 Q4', deadline: '30 April 2026', partnership: 'Housing', officer: 'An officer', link: 'http://localhost/your-returns' },
      },
      true,
    );
    await outbox.deliver(row!);

    const { context, page, problems } = await web.open();
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Email outbox' }).first().click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Email outbox');
    await page.getByRole('link', { name: 'Failed' }).click();
    const cells = await page.locator('table tbody tr').first().locator('td').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(expect.arrayContaining(['Reminder', OFFICER, '2025-26-Q4', 'Failed', '1', 'SMTP_URL is not set']));
    await expectAccessible(page);
    await shot(page, 'coord-outbox');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an officer switch reminders off and on again, in English and in Welsh', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, OFFICER);
    await page.getByRole('link', { name: 'Email settings' }).first().click();
    const box = page.getByLabel('Reminders and notices about returns');
    await expect(box.isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await box.uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('You will not get reminders or notices by email');
    await expect(page.getByLabel('Reminders and notices about returns').isChecked()).resolves.toBe(false);
    await expectAccessible(page);
    await shot(page, 'officer-email-settings-off');

    await page.goto('/email-settings?lang=cy');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Gosodiadau e-bost');
    await page.getByLabel('Nodiadau atgoffa a hysbysiadau am ffurflenni').check();
    await page.getByRole('button', { name: 'Cadw gosodiadau' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Byddwch yn cael nodiadau atgoffa');
    await expectAccessible(page);
    await shot(page, 'officer-email-settings-cy');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with JavaScript turned off: the outbox filter and the email setting', async () => {
    const coordinator = await web.open({ javaScript: false });
    await signIn(coordinator.page, COORDINATOR);
    await coordinator.page.goto('/outbox');
    await coordinator.page.getByRole('link', { name: 'Failed' }).click();
    await expect(coordinator.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Email outbox');
    expect(new URL(coordinator.page.url()).searchParams.get('status')).toBe('failed');
    await shot(coordinator.page, 'no-js-outbox');
    expect(coordinator.problems).toEqual([]);
    await coordinator.context.close();

    const officer = await web.open({ javaScript: false });
    await signIn(officer.page, OFFICER);
    // The previous test left this officer reading Welsh; ask for English.
    await officer.page.goto('/email-settings?lang=en');
    const box = officer.page.getByLabel('Reminders and notices about returns');
    const before = await box.isChecked();
    await (before ? box.uncheck() : box.check());
    await officer.page.getByRole('button', { name: 'Save settings' }).click();
    await expect(officer.page.locator('.govuk-notification-banner').textContent()).resolves.toContain(before ? 'You will not get reminders' : 'You will get reminders');
    await expect(officer.page.getByLabel('Reminders and notices about returns').isChecked()).resolves.toBe(!before);
    await shot(officer.page, 'no-js-email-settings');
    expect(officer.problems).toEqual([]);
    await officer.context.close();
  });
});
