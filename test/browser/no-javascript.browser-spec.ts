import { Page } from 'playwright-core';
import { shot, signIn, useWeb } from './browser';

const COORDINATOR = 'coordinator@demo.scs.test';
const ADMIN = 'admin@demo.scs.test';

jest.setTimeout(600_000);

/**
 * The coordinator's and admin's forms with JavaScript turned off in Chromium: each is a plain
 * HTML form posting to the server, so each works, and shows its error summary, without a script.
 * A representative set: the approvals inbox (approve, return with a reason), the set-up pages (a
 * theme, a target through "check your answers"), the target import upload, publishing the board
 * pack, and the admin creating a user.
 */
describe('the coordinator’s and admin’s forms with JavaScript turned off', () => {
  const web = useWeb();

  async function press(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
  }

  // axe cannot run in a page whose scripts are off (it waits on timers that never fire), so these
  // pages are screenshotted only; the same pages are checked with axe, scripts on, in
  // quarter-cycle, coordinator, setup and board-packs browser specs.
  async function look(page: Page, name: string): Promise<void> {
    await shot(page, `nojs-${name}`);
  }

  it('has no script running on the pages: the test really is without JavaScript', async () => {
    const { context, page } = await web.open({ javaScript: false });
    await signIn(page, COORDINATOR);
    await page.goto('/approvals');
    // GOV.UK Frontend marks <body> as js-enabled from a script; with scripts off it is never set.
    await expect(page.locator('body.govuk-frontend-supported').count()).resolves.toBe(0);
    await expect(page.locator('body.js-enabled').count()).resolves.toBe(0);
    await context.close();
  });

  it('approves and returns in the approvals inbox', async () => {
    const { context, page, problems } = await web.open({ javaScript: false });
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Approvals' }).first().click();
    const boxes = page.locator('input[name="update"]');
    const waiting = await boxes.count();
    expect(waiting).toBeGreaterThanOrEqual(2);

    await press(page, 'Approve selected updates');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Select at least one update to approve');
    await look(page, 'approvals-error');

    await page.getByRole('link', { name: /^Return/ }).first().click();
    await press(page, 'Return update');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter why you are returning the update');
    await page.getByLabel('Why are you returning it?').fill('Returned without JavaScript: please check the figure.');
    await press(page, 'Return update');
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('returned to the partnership');
    await expect(boxes.count()).resolves.toBe(waiting - 1);

    for (const box of await boxes.all()) await box.check();
    await press(page, 'Approve selected updates');
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(`Updates approved: ${waiting - 1}`);
    await expect(boxes.count()).resolves.toBe(0);
    await look(page, 'approvals-done');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds a theme and a target through "check your answers" in the set-up pages', async () => {
    const { context, page, problems } = await web.open({ javaScript: false });
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Strategy set-up', exact: true }).click();
    await page.getByRole('link', { name: 'Pride of Place', exact: true }).click();
    const overview = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Add a theme' }).click();
    await press(page, 'Save');
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    await look(page, 'theme-error');
    await page.getByLabel('Title').fill('Coast and countryside');
    await press(page, 'Save');
    expect(new URL(page.url()).pathname).toBe(overview);
    await expect(page.locator('main').textContent()).resolves.toContain('Coast and countryside');

    await page.getByRole('button', { name: 'Add a target' }).click();
    await page.getByLabel('Code', { exact: true }).fill('CC 1');
    await page.getByLabel('Title', { exact: true }).fill('Footpaths open all year');
    await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Coast and countryside' });
    await page.getByLabel('Unit', { exact: true }).fill('km');
    await page.getByLabel('Higher is better').check();
    await page.getByLabel('Baseline figure').fill('not a number');
    await page.getByLabel('Baseline quarter').fill('2024-25-Q4');
    await page.getByLabel('Target figure').fill('900');
    await page.getByLabel('Target quarter').fill('2026-27-Q4');
    await press(page, 'Continue');
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    await expect(page.getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Footpaths open all year');
    await look(page, 'target-error');
    await page.getByLabel('Baseline figure').fill('750');
    await press(page, 'Continue');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('Footpaths open all year');
    await look(page, 'target-check');
    await press(page, 'Save the target');
    expect(new URL(page.url()).pathname).toBe(overview);
    await expect(page.locator('main').textContent()).resolves.toContain('CC 1');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('imports targets from an uploaded file, checking it first', async () => {
    const { context, page, problems } = await web.open({ javaScript: false });
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Import targets' }).click();
    const exportHref = (await page.getByRole('link', { name: /Download the current targets/ }).getAttribute('href'))!;
    const exported = await (await context.request.get(exportHref)).text();
    const lines = exported.trim().split('\n');
    const added = lines[1].replace(/^[^,]+,[^,]+,/, 'NOJS 1,A target imported without JavaScript,');

    await press(page, 'Check the file');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Select a file');
    await look(page, 'import-error');
    await page.getByLabel('Upload a file').setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from([...lines, added].join('\n')) });
    await press(page, 'Check the file');
    await expect(page.locator('main').textContent()).resolves.toContain(`1 new, 0 changed, ${lines.length - 1} unchanged.`);
    await press(page, 'Import targets');
    await expect(page.locator('.govuk-panel').textContent()).resolves.toContain(`1 new, 0 changed, ${lines.length - 1} unchanged`);
    await look(page, 'import-done');
    const after = await (await context.request.get(exportHref)).text();
    expect(after).toContain('NOJS 1,A target imported without JavaScript,');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('publishes the quarter’s board pack', async () => {
    const { context, page, problems } = await web.open({ javaScript: false });
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Board packs', exact: true }).click();
    await press(page, 'Publish this quarter’s pack');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check before you publish the board pack');
    await press(page, 'Publish the board pack');
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain('Board pack published');
    await look(page, 'published');
    const published = (await web.t.api().get(`/api/v1/strategies/${web.demo.strategyId}/reports?period=2025-26-Q4`).expect(200)).body.items as { current: boolean }[];
    expect(published.filter((p) => p.current)).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the admin create a user and shows the one-time link', async () => {
    const { context, page, problems } = await web.open({ javaScript: false });
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('button', { name: 'Add a user' }).click();
    await press(page, 'Save');
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    await look(page, 'user-error');
    await page.getByLabel('Full name').fill('Nia No-Script');
    await page.getByLabel('Email address').fill('nia.noscript@example.test');
    await page.getByLabel('Partnership officer', { exact: true }).check();
    await page.getByLabel('Safer Wealden Partnership', { exact: true }).check();
    await press(page, 'Save');
    await expect(page.locator('.app-reset-link').textContent()).resolves.toMatch(/\/reset-password\/.+/);
    await look(page, 'user-link');
    await page.getByRole('link', { name: 'Back to users' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('nia.noscript@example.test');
    expect(problems).toEqual([]);
    await context.close();
  });
});
