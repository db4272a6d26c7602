import { Page } from 'playwright-core';
import { UsersService } from '../../src/users/users.service';
import { expectAccessible, shot, signIn, tabTo, useWeb } from './browser';

const OFFICER = 'safer.wealden@demo.scs.test';
const HOUSING = 'housing@demo.scs.test';
const BOARD = 'viewer@demo.scs.test';

jest.setTimeout(180_000);

describe('the web pages in a browser', () => {
  const web = useWeb();

  it.each([
    ['admin@demo.scs.test', '/dashboard', 'The strategy at a glance'],
    ['coordinator@demo.scs.test', '/dashboard', 'The strategy at a glance'],
    [BOARD, '/dashboard', 'The strategy at a glance'],
    [OFFICER, '/your-returns', 'Your returns for 2025/26 Q4 (January to March 2026)'],
  ])('signs %s in on their own start page (%s), every page accessible', async (email, path, heading) => {
    const { context, page, problems } = await web.open();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page);
    await signIn(page, email);
    expect(new URL(page.url()).pathname).toBe(path);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(heading);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page);
    await shot(page, `start-${email.split('@')[0]}`);
    for (const link of ['Board packs', 'Change your password']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(path);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('re-displays the sign-in form with the error summary, and refuses a wrong password alike', async () => {
    const { context, page, problems } = await web.open();
    await page.goto('/sign-in');
    // Wait for the answer's page itself: reading straight after the click could read the old page,
    // or none mid-load (the summary came back empty once under load).
    const submitSignIn = () => Promise.all([page.waitForEvent('domcontentloaded'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await submitSignIn();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(['Enter your email address', 'Enter your password']);
    await expect(page.locator('#email-error').textContent()).resolves.toContain('Enter your email address');
    expect(await page.title()).toMatch(/^Error: /);
    // GOV.UK Frontend moves the focus to the summary.
    expect(await page.evaluate("document.activeElement?.classList.contains('govuk-error-summary')")).toBe(true);
    await expectAccessible(page);
    await shot(page, 'sign-in-errors');

    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByLabel('Password').fill('x'.repeat(500));
    await submitSignIn();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      'Enter an email address in the correct format, like name@example.com',
      'Password must be 200 characters or fewer',
    ]);
    await page.getByLabel('Email address').fill(OFFICER);
    await page.getByLabel('Password').fill('wrong-password');
    await submitSignIn();
    await expect(summary.textContent()).resolves.toContain('Enter a correct email address and password');
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe(OFFICER);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a form POST without a valid CSRF token with 403, signed in or not', async () => {
    const { context, page } = await web.open();
    const anonymous = await page.request.post('/sign-in', { form: { email: OFFICER, password: 'demo-password-2026' }, maxRedirects: 0 });
    expect(anonymous.status()).toBe(403);
    await signIn(page, OFFICER);
    const forged = await page.request.post('/sign-out', { form: { _csrf: 'forged' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    await expect(forged.text()).resolves.toContain('You cannot see this page');
    // Still signed in: the forged sign-out did nothing.
    await page.goto('/your-returns');
    expect(new URL(page.url()).pathname).toBe('/your-returns');
    await context.close();
  });

  it('shows the return form’s problems in the error summary and inline, keeping what was typed', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, OFFICER);
    await page.getByRole('link', { name: /LP 09/ }).first().click();
    await page.getByRole('textbox', { name: /Figure/ }).fill('nine hundred');
    await page.getByLabel('Risks (optional)').fill('r'.repeat(10_001));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary').getByRole('link').allTextContents()).resolves.toEqual([
      'Figure must be a number, like 12 or 3.5',
      'Risks must be 10,000 characters or fewer',
    ]);
    await expect(page.locator('#value-error').textContent()).resolves.toContain('Figure must be a number');
    await expect(page.getByRole('textbox', { name: /Figure/ }).inputValue()).resolves.toBe('nine hundred');
    await expectAccessible(page);
    await shot(page, 'return-form-errors');
    await page.getByRole('textbox', { name: /Figure/ }).fill('');
    await page.getByLabel('Risks (optional)').fill('');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter the figure');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a stale edit as changed by someone else, with both versions', async () => {
    const first = await web.open();
    const second = await web.open();
    await signIn(first.page, HOUSING);
    await signIn(second.page, HOUSING);
    const open = async (page: Page) => {
      await page.goto('/your-returns');
      await page.locator('.govuk-task-list__item', { hasText: /Draft/ }).first().getByRole('link').click();
    };
    await open(first.page);
    await open(second.page);
    await first.page.getByRole('textbox', { name: /Figure/ }).fill('111');
    await first.page.getByRole('button', { name: 'Save as draft' }).click();
    await expect(first.page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Your draft has been saved');
    await second.page.getByRole('textbox', { name: /Figure/ }).fill('222');
    await second.page.getByRole('button', { name: 'Save as draft' }).click();
    // Wait for the page the POST answers with; counting at once can read the form before it goes.
    const conflict = second.page.getByRole('heading', { name: 'This return was changed by someone else' });
    await conflict.waitFor();
    await expect(conflict.count()).resolves.toBe(1);
    await expect(second.page.locator('main').textContent()).resolves.toMatch(/Their version[\s\S]*Your version[\s\S]*111[\s\S]*222/);
    await expect(second.page.getByRole('textbox', { name: /Figure/ }).inputValue()).resolves.toBe('222');
    await expectAccessible(second.page);
    await shot(second.page, 'return-conflict');
    await first.context.close();
    await second.context.close();
  });

  it('submits a return with JavaScript turned off', async () => {
    const { context, page, problems } = await web.open({ javaScript: false });
    await signIn(page, HOUSING);
    const task = page.locator('.govuk-task-list__item', { hasText: /Not started|Draft/ }).first();
    const title = (await task.getByRole('link').textContent())!.trim();
    await task.getByRole('link').click();
    await page.getByRole('textbox', { name: /Figure/ }).fill('1,234.5');
    await page.getByLabel('Commentary').fill('Sent without JavaScript.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check your answers before submitting your return');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('1234.5');
    await page.getByRole('button', { name: 'Submit return' }).click();
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain('Return submitted');
    await page.getByRole('link', { name: 'Back to your returns' }).click();
    await expect(page.locator('.govuk-task-list__item', { hasText: title }).textContent()).resolves.toContain('Submitted');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the Safer Wealden officer correct the returned figure with the keyboard only, and the board sees it awaiting approval', async () => {
    const { context, page, problems } = await web.open();
    await page.goto('/sign-in');
    await tabTo(page, 'Email address');
    await page.keyboard.type(OFFICER);
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo-password-2026');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/your-returns');
    // The reason is shown prominently, above the task list.
    const banner = page.locator('.govuk-notification-banner', { hasText: 'This return was sent back to you' });
    await expect(banner.textContent()).resolves.toContain('iQuanta shows 951 serious acquisitive crimes');
    await shot(page, 'officer-returns');
    await tabTo(page, 'LP 09 Serious acquisitive crime');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/your-returns\/[0-9a-f-]+\/2025-26-Q4$/);
    await expect(page.locator('main').textContent()).resolves.toContain('The coordinator’s reason');
    await expectAccessible(page);
    await shot(page, 'officer-return-form');
    await tabTo(page, 'Figure');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('951');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('951 serious acquisitive crimes in the 12 months to March, theft from motor vehicles included.');
    await tabTo(page, 'Continue');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check$/);
    await expectAccessible(page);
    await shot(page, 'officer-check');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('951');
    await tabTo(page, 'Submit return');
    await page.keyboard.press('Enter');
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain('Return submitted');
    await expectAccessible(page);
    await shot(page, 'officer-submitted');
    expect(problems).toEqual([]);
    await context.close();

    const board = await web.open();
    await signIn(board.page, BOARD);
    const awaiting = board.page.locator('h2#awaiting + .govuk-table');
    await expect(awaiting.textContent()).resolves.toMatch(/LP 09[\s\S]*951/);
    await shot(board.page, 'board-dashboard');
    await board.page.getByRole('link', { name: 'Community safety', exact: true }).click();
    await expect(board.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Community safety');
    await expect(board.page.locator('.govuk-table').textContent()).resolves.toContain('LP 09');
    await expectAccessible(board.page);
    await shot(board.page, 'board-theme');
    await board.page.goBack();
    await awaiting.getByRole('link', { name: /LP 09/ }).click();
    await expect(board.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Serious acquisitive crime in Wealden');
    await expect(board.page.locator('svg.app-chart').count()).resolves.toBe(1);
    await expectAccessible(board.page);
    await shot(board.page, 'board-target');
    expect(board.problems).toEqual([]);
    await board.context.close();
  });

  // Board packs (preview, publish, the board member's download): test/browser/board-packs.browser-spec.ts.

  it('changes the password after checking the current one', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, HOUSING);
    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('a-new-password-2026');
    await page.getByLabel('Confirm new password').fill('a-new-password-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Your current password is incorrect');
    await expectAccessible(page);
    await page.getByLabel('Current password').fill('demo-password-2026');
    await page.getByLabel('New password', { exact: true }).fill('a-new-password-2026');
    await page.getByLabel('Confirm new password').fill('a-new-password-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Your password has been changed');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').fill(HOUSING);
    await page.getByLabel('Password').fill('a-new-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/your-returns');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs out a deactivated user at once', async () => {
    const { context, page } = await web.open();
    await signIn(page, 'coordinator@demo.scs.test');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const users = web.t.app.get(UsersService);
    const coordinator = web.demo.users.find((u) => u.role === 'coordinator')!;
    const { items } = await users.list({ page: 1, pageSize: 200 });
    const id = items.find((u) => u.email === coordinator.email)!.id;
    await users.update(id, { active: false });
    await page.goto('/dashboard');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await users.update(id, { active: true });
    await context.close();
  });
});
